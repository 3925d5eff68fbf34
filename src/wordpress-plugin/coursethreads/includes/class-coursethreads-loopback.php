<?php
/**
 * The first delivery attempt on hosts without PHP-FPM's fastcgi_finish_request(): a request from
 * this site to itself that answers at once and sends afterwards, so the author never waits for the bot.
 *
 * @package CourseThreads
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Starts and serves the loopback request (admin-ajax.php?action=coursethreads_deliver).
 */
class CourseThreads_Loopback {

	const ACTION = 'coursethreads_deliver';

	/**
	 * Hooks the loopback handler. The loopback carries no login cookie, hence nopriv.
	 */
	public static function register() {
		add_action( 'wp_ajax_nopriv_' . self::ACTION, array( __CLASS__, 'serve' ) );
		add_action( 'wp_ajax_' . self::ACTION, array( __CLASS__, 'serve' ) );
	}

	/**
	 * Fires the loopback without waiting for its answer. Should the site be unable to reach itself,
	 * the batch's WP-Cron event delivers it instead.
	 *
	 * @param string $batch_id A stored batch.
	 */
	public static function start( $batch_id ) {
		wp_remote_post(
			admin_url( 'admin-ajax.php' ),
			array(
				'blocking'  => false,
				'timeout'   => 1,
				'sslverify' => apply_filters( 'https_local_ssl_verify', false ),
				'body'      => array(
					'action' => self::ACTION,
					'batch'  => $batch_id,
					'key'    => self::key( $batch_id ),
				),
			)
		);
	}

	/**
	 * The loopback request: proves it came from this site, closes the connection, then sends.
	 */
	public static function serve() {
		// phpcs:disable WordPress.Security.NonceVerification.Missing -- anonymous loopback; the key below is its proof.
		$batch_id = isset( $_POST['batch'] ) ? sanitize_key( wp_unslash( $_POST['batch'] ) ) : '';
		$key      = isset( $_POST['key'] ) ? sanitize_text_field( wp_unslash( $_POST['key'] ) ) : '';
		// phpcs:enable
		if ( '' === $batch_id || ! hash_equals( self::key( $batch_id ), $key ) ) {
			wp_die( '', '', array( 'response' => 403 ) );
		}
		ignore_user_abort( true );
		if ( ! headers_sent() ) {
			header( 'Content-Length: 0' );
			header( 'Connection: close' );
		}
		while ( ob_get_level() > 0 ) {
			ob_end_flush();
		}
		flush();
		if ( function_exists( 'fastcgi_finish_request' ) ) {
			fastcgi_finish_request();
		}
		CourseThreads_Queue::deliver( $batch_id, 5 );
		exit;
	}

	/**
	 * A key only this site can compute (it uses the site's secret salts).
	 *
	 * @param string $batch_id The batch.
	 * @return string
	 */
	private static function key( $batch_id ) {
		return wp_hash( self::ACTION . '|' . $batch_id, 'nonce' );
	}
}
