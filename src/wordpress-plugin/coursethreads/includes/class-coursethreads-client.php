<?php
/**
 * Signs and sends one notification to the bot, following the push wire protocol (v1).
 *
 * @package CourseThreads
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * One HTTP attempt and what it means: delivered, retry later, or rejected for good.
 */
class CourseThreads_Client {

	/**
	 * Builds a notification. It names what changed and never carries content: the bot reads the
	 * object itself through the REST API, so a forged notification can only make it look.
	 *
	 * @param string   $event   The event: post.published, comment.created, ... or ping.
	 * @param int      $id      The post or comment id (0 for ping).
	 * @param int|null $post_id The comment's post, for comment events.
	 * @return array A notification with its own delivery id, kept across retries.
	 */
	public static function notification( $event, $id, $post_id = null ) {
		$payload = array(
			'v'     => 1,
			'event' => $event,
			'id'    => (int) $id,
		);
		if ( null !== $post_id ) {
			$payload['postId'] = (int) $post_id;
		}
		$payload['modified'] = self::modified( $event, $id );
		$payload['site']     = home_url();
		return array(
			'delivery' => str_replace( '-', '', wp_generate_uuid4() ),
			'payload'  => $payload,
		);
	}

	/**
	 * A post's last modification in ISO 8601 UTC. WordPress keeps no modification time for
	 * comments, and a deleted object has none: null then.
	 *
	 * @param string $event The event name.
	 * @param int    $id    The object id.
	 * @return string|null
	 */
	private static function modified( $event, $id ) {
		if ( 0 !== strpos( $event, 'post.' ) ) {
			return null;
		}
		$post = get_post( $id );
		if ( ! $post || '0000-00-00 00:00:00' === $post->post_modified_gmt ) {
			return null;
		}
		return gmdate( 'Y-m-d\TH:i:s\Z', strtotime( $post->post_modified_gmt . ' UTC' ) );
	}

	/**
	 * A short label for the settings page, e.g. "comment.edited #12".
	 *
	 * @param array $note A notification.
	 * @return string
	 */
	public static function describe( array $note ) {
		return $note['payload']['event'] . ' #' . $note['payload']['id'];
	}

	/**
	 * Sends one attempt, signed with this attempt's timestamp.
	 *
	 * @param array $note    A notification from notification().
	 * @param float $timeout Seconds to wait for the bot's answer.
	 * @return array{outcome: string, status: int, answer: string, retry_after: int}
	 *         outcome is delivered (2xx), retry (network error, 429, 5xx) or rejected (any other answer).
	 */
	public static function send( array $note, $timeout ) {
		$url    = CourseThreads_Options::push_url();
		$secret = CourseThreads_Options::secret();
		if ( '' === $url || '' === $secret ) {
			return self::result( 'rejected', 0, __( 'The bot push URL or the course secret is not set.', 'coursethreads' ) );
		}
		$body      = wp_json_encode( $note['payload'], JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE );
		$timestamp = (string) time();
		$response  = wp_remote_post(
			$url,
			array(
				'timeout'     => $timeout,
				'redirection' => 0,
				'user-agent'  => 'CourseThreads/' . COURSETHREADS_VERSION . '; ' . home_url(),
				'headers'     => array(
					'Content-Type'              => 'application/json',
					'X-CourseThreads-Delivery'  => $note['delivery'],
					'X-CourseThreads-Timestamp' => $timestamp,
					'X-CourseThreads-Signature' => 'sha256=' . hash_hmac( 'sha256', $timestamp . '.' . $body, $secret ),
				),
				'body'        => $body,
			)
		);
		if ( is_wp_error( $response ) ) {
			return self::result( 'retry', 0, $response->get_error_message() );
		}
		$status = (int) wp_remote_retrieve_response_code( $response );
		$answer = substr( (string) wp_remote_retrieve_body( $response ), 0, 500 );
		if ( $status >= 200 && $status < 300 ) {
			return self::result( 'delivered', $status, $answer );
		}
		if ( 429 === $status || $status >= 500 ) {
			$retry_after = absint( wp_remote_retrieve_header( $response, 'retry-after' ) );
			return self::result( 'retry', $status, $answer, $retry_after );
		}
		return self::result( 'rejected', $status, $answer );
	}

	/**
	 * Shapes an attempt's outcome.
	 *
	 * @param string $outcome     One of delivered, retry or rejected.
	 * @param int    $status      HTTP status, 0 when no answer came.
	 * @param string $answer      The answer's body or the network error.
	 * @param int    $retry_after Seconds the bot asked to wait (429).
	 * @return array
	 */
	private static function result( $outcome, $status, $answer, $retry_after = 0 ) {
		return array(
			'outcome'     => $outcome,
			'status'      => $status,
			'answer'      => $answer,
			'retry_after' => $retry_after,
		);
	}
}
