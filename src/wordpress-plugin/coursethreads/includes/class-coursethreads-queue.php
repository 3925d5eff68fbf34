<?php
/**
 * Durable delivery: every batch is stored (one option per batch) and given a WP-Cron retry event
 * before the first attempt, so a request that dies mid-send loses nothing; the bot recognises a
 * repeated delivery id, so sending twice is harmless.
 *
 * @package CourseThreads
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Stores batches, sends them away from the author's request, retries them through WP-Cron.
 */
class CourseThreads_Queue {

	const HOOK     = 'coursethreads_retry_batch';
	const BATCH    = 'coursethreads_batch_';
	const LOCK     = 'coursethreads_lock_';
	const LOCK_TTL = 30;

	/**
	 * Hooks the WP-Cron retry.
	 */
	public static function register() {
		add_action( self::HOOK, array( __CLASS__, 'retry' ) );
	}

	/**
	 * Stores a batch and schedules its safety-net retry, then starts the first attempt without
	 * making the author wait: after fastcgi_finish_request() where PHP-FPM offers it, else in a
	 * loopback request to this site that answers at once and sends afterwards.
	 *
	 * @param array $notes Notifications from CourseThreads_Client::notification().
	 */
	public static function dispatch( array $notes ) {
		$batch_id = str_replace( '-', '', wp_generate_uuid4() );
		$delays   = CourseThreads_Options::retry_delays();
		add_option( self::BATCH . $batch_id, array( 'notes' => $notes, 'tries' => 0 ), '', 'no' );
		wp_schedule_single_event( time() + ( $delays ? $delays[0] : 60 ), self::HOOK, array( $batch_id ) );
		if ( function_exists( 'fastcgi_finish_request' ) && apply_filters( 'coursethreads_send_after_finish_request', true ) ) {
			fastcgi_finish_request();
			self::deliver( $batch_id, 2 );
			return;
		}
		CourseThreads_Loopback::start( $batch_id );
	}

	/**
	 * The WP-Cron event: one more try for a batch.
	 *
	 * @param string $batch_id The batch.
	 */
	public static function retry( $batch_id ) {
		self::deliver( sanitize_key( $batch_id ), 5 );
	}

	/**
	 * Sends what is left of a batch in order. Stops at the first failure that calls for a retry
	 * (the bot is down or busy: the rest would fail too) and reschedules with backoff; after the
	 * last retry the batch is dropped and the failure stays on the settings page.
	 *
	 * @param string $batch_id The batch.
	 * @param float  $timeout  Seconds to wait for each answer.
	 */
	public static function deliver( $batch_id, $timeout ) {
		if ( ! self::lock( $batch_id ) ) {
			self::ensure_scheduled( $batch_id, self::LOCK_TTL );
			return;
		}
		// Read under the lock: a sender that finished just before us has already removed what it delivered.
		$batch = get_option( self::BATCH . $batch_id );
		if ( ! is_array( $batch ) || empty( $batch['notes'] ) ) {
			self::unlock( $batch_id );
			return;
		}
		$left        = $batch['notes'];
		$retry_after = 0;
		while ( $left ) {
			$result = CourseThreads_Client::send( $left[0], $timeout );
			CourseThreads_Options::record( CourseThreads_Client::describe( $left[0] ), $result );
			if ( 'retry' === $result['outcome'] ) {
				$retry_after = $result['retry_after'];
				break;
			}
			array_shift( $left );
		}
		wp_clear_scheduled_hook( self::HOOK, array( $batch_id ) );
		$delays = CourseThreads_Options::retry_delays();
		$tries  = (int) $batch['tries'];
		if ( ! $left || $tries >= count( $delays ) ) {
			delete_option( self::BATCH . $batch_id );
			if ( $left ) {
				/* translators: %d: how many times a notification was sent. */
				$result['answer'] = sprintf( __( 'Gave up after %d tries; the bot\'s poll will catch up. Last answer: ', 'coursethreads' ), $tries + 1 ) . $result['answer'];
				CourseThreads_Options::record( CourseThreads_Client::describe( $left[0] ), $result );
			}
		} else {
			update_option( self::BATCH . $batch_id, array( 'notes' => $left, 'tries' => $tries + 1 ), false );
			wp_schedule_single_event( time() + max( $delays[ $tries ], $retry_after ), self::HOOK, array( $batch_id ) );
		}
		self::unlock( $batch_id );
	}

	/**
	 * Takes the batch's lock, so the loopback attempt and a cron retry never send it side by side.
	 * A lock older than LOCK_TTL belongs to a request that died and is taken over. Plain SQL, as
	 * WP_Upgrader::create_lock() does: add_option() upserts, so two requests could both "add" it.
	 *
	 * @param string $batch_id The batch.
	 * @return bool Whether this request holds the lock now.
	 */
	private static function lock( $batch_id ) {
		global $wpdb;
		$name = self::LOCK . $batch_id;
		// phpcs:disable WordPress.DB.DirectDatabaseQuery -- an atomic insert is the point; the options API has none.
		$taken = $wpdb->query( $wpdb->prepare( "INSERT IGNORE INTO {$wpdb->options} (option_name, option_value, autoload) VALUES (%s, %s, 'no')", $name, (string) time() ) );
		if ( 1 !== $taken ) {
			$taken = $wpdb->query( $wpdb->prepare( "UPDATE {$wpdb->options} SET option_value = %s WHERE option_name = %s AND option_value < %d", (string) time(), $name, time() - self::LOCK_TTL ) );
		}
		// phpcs:enable
		return 1 === $taken;
	}

	/**
	 * Releases the batch's lock.
	 *
	 * @param string $batch_id The batch.
	 */
	private static function unlock( $batch_id ) {
		global $wpdb;
		$wpdb->delete( $wpdb->options, array( 'option_name' => self::LOCK . $batch_id ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- pairs with lock().
	}

	/**
	 * Makes sure a batch that someone else is sending still has a retry event, should that sender die.
	 *
	 * @param string $batch_id The batch.
	 * @param int    $in       Seconds from now.
	 */
	private static function ensure_scheduled( $batch_id, $in ) {
		if ( ! wp_next_scheduled( self::HOOK, array( $batch_id ) ) ) {
			wp_schedule_single_event( time() + $in, self::HOOK, array( $batch_id ) );
		}
	}
}
