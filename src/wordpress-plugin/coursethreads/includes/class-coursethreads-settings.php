<?php
/**
 * Settings -> CourseThreads: the bot push URL, the course secret, a "Send test" button, and the last
 * delivery and last failure.
 *
 * @package CourseThreads
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

require_once COURSETHREADS_DIR . 'includes/class-coursethreads-settings-page.php';

/**
 * Registers and validates the settings and handles the test button.
 */
class CourseThreads_Settings {

	const PAGE = 'coursethreads';
	const TEST = 'coursethreads_send_test';

	/**
	 * Hooks the page, the settings and the test button's handler.
	 */
	public static function register() {
		add_action( 'admin_menu', array( __CLASS__, 'add_page' ) );
		add_action( 'admin_init', array( __CLASS__, 'register_settings' ) );
		add_action( 'admin_post_' . self::TEST, array( __CLASS__, 'send_test' ) );
	}

	/**
	 * Adds Settings -> CourseThreads, for those who may manage options.
	 */
	public static function add_page() {
		add_options_page( __( 'CourseThreads', 'coursethreads' ), __( 'CourseThreads', 'coursethreads' ), 'manage_options', self::PAGE, array( 'CourseThreads_Settings_Page', 'render' ) );
	}

	/**
	 * Declares both settings with their validation.
	 */
	public static function register_settings() {
		register_setting( self::PAGE, CourseThreads_Options::URL, array( 'type' => 'string', 'sanitize_callback' => array( __CLASS__, 'sanitize_url' ), 'default' => '' ) );
		register_setting( self::PAGE, CourseThreads_Options::SECRET, array( 'type' => 'string', 'sanitize_callback' => array( __CLASS__, 'sanitize_secret' ), 'default' => '' ) );
	}

	/**
	 * Accepts a URL typed with http:// or https://, or nothing (which turns notifications off).
	 * Anything else keeps the saved URL and says what to type.
	 *
	 * @param mixed $value What was typed.
	 * @return string
	 */
	public static function sanitize_url( $value ) {
		$value = trim( (string) $value );
		if ( '' === $value ) {
			return '';
		}
		// esc_url_raw() would quietly prefix http:// to "bot.example/push"; the bot's URL is usually https.
		$url = preg_match( '#^https?://#i', $value ) ? esc_url_raw( $value, array( 'http', 'https' ) ) : '';
		if ( '' === $url || ! wp_parse_url( $url, PHP_URL_HOST ) ) {
			add_settings_error( CourseThreads_Options::URL, 'coursethreads_url', __( 'Bot push URL: type the full address the bot gave you with /course push, starting with https:// (for example https://bot.campus.example/push/v1/...). The saved URL was kept.', 'coursethreads' ) );
			return CourseThreads_Options::push_url();
		}
		return $url;
	}

	/**
	 * Accepts the 64 hex characters the bot shows. An empty field keeps the saved secret, since the
	 * page never shows it back.
	 *
	 * @param mixed $value What was typed.
	 * @return string
	 */
	public static function sanitize_secret( $value ) {
		$value = strtolower( trim( (string) $value ) );
		if ( '' === $value ) {
			return CourseThreads_Options::secret();
		}
		if ( ! preg_match( '/^[0-9a-f]{64}$/', $value ) ) {
			add_settings_error( CourseThreads_Options::SECRET, 'coursethreads_secret', __( 'Course secret: paste the 64 characters (0-9 and a-f) the bot showed with /course push, nothing else. The saved secret was kept.', 'coursethreads' ) );
			return CourseThreads_Options::secret();
		}
		return $value;
	}

	/**
	 * The "Send test" button: sends a ping and brings back the bot's status and answer.
	 */
	public static function send_test() {
		if ( ! current_user_can( 'manage_options' ) ) {
			wp_die( esc_html__( 'You are not allowed to send a test notification.', 'coursethreads' ), '', array( 'response' => 403 ) );
		}
		check_admin_referer( self::TEST );
		$note   = CourseThreads_Client::notification( 'ping', 0 );
		$result = CourseThreads_Client::send( $note, 5 );
		CourseThreads_Options::record( CourseThreads_Client::describe( $note ), $result );
		set_transient( self::TEST . '_' . get_current_user_id(), $result, 5 * MINUTE_IN_SECONDS );
		wp_safe_redirect( add_query_arg( array( 'page' => self::PAGE, 'coursethreads-tested' => '1' ), admin_url( 'options-general.php' ) ) );
		exit;
	}

	/**
	 * The answer to this user's last test, shown once.
	 *
	 * @return array|null
	 */
	public static function take_test_result() {
		$key    = self::TEST . '_' . get_current_user_id();
		$result = get_transient( $key );
		delete_transient( $key );
		return is_array( $result ) ? $result : null;
	}
}
