<?php
/**
 * The plugin's stored settings and its delivery status, in one place so every other class reads
 * them the same way.
 *
 * @package CourseThreads
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Settings (bot push URL, course secret) and the last delivery / last failure shown on the settings page.
 */
class CourseThreads_Options {

	const URL    = 'coursethreads_push_url';
	const SECRET = 'coursethreads_secret';
	const STATUS = 'coursethreads_status';

	/**
	 * The bot's push URL for this course, e.g. https://bot.campus.example/push/v1/<course key>.
	 *
	 * @return string Empty when not configured.
	 */
	public static function push_url() {
		return (string) get_option( self::URL, '' );
	}

	/**
	 * The course secret: 64 hex characters, used as the HMAC key exactly as shown by the bot.
	 *
	 * @return string Empty when not configured.
	 */
	public static function secret() {
		return (string) get_option( self::SECRET, '' );
	}

	/**
	 * Whether both the URL and the secret are set; without them nothing is collected or sent.
	 *
	 * @return bool
	 */
	public static function configured() {
		return '' !== self::push_url() && '' !== self::secret();
	}

	/**
	 * Seconds to wait before each retry. After the last one a notification is dropped (the bot's poll
	 * still catches the change). Filterable, e.g. for tests that cannot wait a minute.
	 *
	 * @return int[]
	 */
	public static function retry_delays() {
		$delays = apply_filters( 'coursethreads_retry_delays', array( 60, 300, 900, 3600 ) );
		return array_values( array_map( 'absint', (array) $delays ) );
	}

	/**
	 * Remembers the outcome of one attempt for the settings page.
	 *
	 * @param string $what   What was sent, e.g. "comment.created #12".
	 * @param array  $result An answer from CourseThreads_Client::send().
	 */
	public static function record( $what, array $result ) {
		$status = self::status();
		$entry  = array(
			'time'   => time(),
			'what'   => $what,
			'status' => (int) $result['status'],
			'answer' => (string) $result['answer'],
		);
		if ( 'delivered' === $result['outcome'] ) {
			$status['last_delivery'] = $entry;
		} else {
			$status['last_failure'] = $entry;
		}
		update_option( self::STATUS, $status, false );
	}

	/**
	 * The last delivery and the last failure, each null when there was none.
	 *
	 * @return array{last_delivery: ?array, last_failure: ?array}
	 */
	public static function status() {
		$status = get_option( self::STATUS, array() );
		return array(
			'last_delivery' => isset( $status['last_delivery'] ) ? $status['last_delivery'] : null,
			'last_failure'  => isset( $status['last_failure'] ) ? $status['last_failure'] : null,
		);
	}
}
