<?php
/**
 * Plugin Name:       CourseThreads
 * Description:       Tells the CourseThreads Discord bot the moment an essay or a comment changes on this blog, so the course's Discord thread follows within seconds instead of waiting for the bot's next poll.
 * Version:           1.0.0
 * Requires at least: 5.6
 * Requires PHP:      7.4
 * Author:            CourseThreads
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       coursethreads
 *
 * @package CourseThreads
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

define( 'COURSETHREADS_VERSION', '1.0.0' );
define( 'COURSETHREADS_DIR', plugin_dir_path( __FILE__ ) );

require_once COURSETHREADS_DIR . 'includes/class-coursethreads-options.php';
require_once COURSETHREADS_DIR . 'includes/class-coursethreads-client.php';
require_once COURSETHREADS_DIR . 'includes/class-coursethreads-queue.php';
require_once COURSETHREADS_DIR . 'includes/class-coursethreads-loopback.php';
require_once COURSETHREADS_DIR . 'includes/class-coursethreads-collector.php';
require_once COURSETHREADS_DIR . 'includes/class-coursethreads-settings.php';

CourseThreads_Collector::register();
CourseThreads_Queue::register();
CourseThreads_Loopback::register();
if ( is_admin() ) {
	CourseThreads_Settings::register();
}
