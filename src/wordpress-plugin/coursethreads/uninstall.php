<?php
/**
 * Removes everything the plugin stored: its settings, its delivery status, the notifications still
 * waiting for a retry and their WP-Cron events.
 *
 * @package CourseThreads
 */

if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}

global $wpdb;

delete_option( 'coursethreads_push_url' );
delete_option( 'coursethreads_secret' );
delete_option( 'coursethreads_status' );

// Pending batches and their locks are options named coursethreads_batch_<id> / coursethreads_lock_<id>.
$coursethreads_names = $wpdb->get_col( // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- uninstall runs once; no API lists options by prefix.
	$wpdb->prepare(
		"SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE %s OR option_name LIKE %s",
		$wpdb->esc_like( 'coursethreads_batch_' ) . '%',
		$wpdb->esc_like( 'coursethreads_lock_' ) . '%'
	)
);
foreach ( $coursethreads_names as $coursethreads_name ) {
	delete_option( $coursethreads_name );
}

wp_unschedule_hook( 'coursethreads_retry_batch' );
