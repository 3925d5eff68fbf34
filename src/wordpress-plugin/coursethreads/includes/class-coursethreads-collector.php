<?php
/**
 * Collects the changes the bot cares about while a request runs, and hands them over once at
 * `shutdown`, so several changes of one object in one request become one notification.
 *
 * @package CourseThreads
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Turns WordPress hooks into pending notifications, one per post or comment.
 */
class CourseThreads_Collector {

	/**
	 * Pending events keyed "post:<id>" / "comment:<id>".
	 *
	 * @var array<string, array{event: string, id: int, post_id: ?int}>
	 */
	private static $pending = array();

	/**
	 * Hooks the post and comment life cycle, and the hand-over at shutdown.
	 */
	public static function register() {
		add_action( 'transition_post_status', array( __CLASS__, 'post_status' ), 10, 3 );
		add_action( 'before_delete_post', array( __CLASS__, 'post_deleted' ), 10, 1 );
		add_action( 'wp_insert_comment', array( __CLASS__, 'comment_created' ), 10, 2 );
		add_action( 'edit_comment', array( __CLASS__, 'comment_edited' ), 10, 1 );
		add_action( 'transition_comment_status', array( __CLASS__, 'comment_status' ), 10, 3 );
		add_action( 'delete_comment', array( __CLASS__, 'comment_deleted' ), 10, 1 );
		add_action( 'shutdown', array( __CLASS__, 'flush' ), 100 );
	}

	/**
	 * A post (type 'post' only: essays) was published, updated while published, unpublished or trashed.
	 *
	 * @param string  $new_status The status it has now.
	 * @param string  $old_status The status it had.
	 * @param WP_Post $post       The post.
	 */
	public static function post_status( $new_status, $old_status, $post ) {
		if ( ! $post instanceof WP_Post || 'post' !== $post->post_type || wp_is_post_revision( $post ) || wp_is_post_autosave( $post ) ) {
			return;
		}
		if ( 'publish' === $new_status ) {
			$event = 'publish' === $old_status ? 'post.updated' : 'post.published';
		} elseif ( 'publish' !== $old_status ) {
			return; // Drafts and scheduled posts the bot never saw.
		} else {
			$event = 'trash' === $new_status ? 'post.trashed' : 'post.unpublished';
		}
		self::add( $event, (int) $post->ID, null );
	}

	/**
	 * A published post deleted for good without passing through the trash (no status transition
	 * fires then, e.g. with EMPTY_TRASH_DAYS set to 0): to the bot it is gone like a trashed one.
	 *
	 * @param int $post_id The post being deleted.
	 */
	public static function post_deleted( $post_id ) {
		$post = get_post( $post_id );
		if ( $post instanceof WP_Post && 'post' === $post->post_type && 'publish' === $post->post_status ) {
			self::add( 'post.trashed', (int) $post->ID, null );
		}
	}

	/**
	 * A comment was stored (approved or held for moderation; spam is ignored).
	 *
	 * @param int        $id      The comment id.
	 * @param WP_Comment $comment The comment.
	 */
	public static function comment_created( $id, $comment ) {
		if ( ! $comment instanceof WP_Comment || 'spam' === $comment->comment_approved || 'trash' === $comment->comment_approved ) {
			return;
		}
		self::add_comment( 'comment.created', $comment );
	}

	/**
	 * A comment's text or fields were edited.
	 *
	 * @param int $id The comment id.
	 */
	public static function comment_edited( $id ) {
		$comment = get_comment( $id );
		if ( $comment instanceof WP_Comment ) {
			self::add_comment( 'comment.edited', $comment );
		}
	}

	/**
	 * A comment was approved, held, marked as spam or trashed (the last two take it off the blog).
	 *
	 * @param string     $new_status One of approved, unapproved, spam, trash or delete.
	 * @param string     $old_status The status it had.
	 * @param WP_Comment $comment    The comment.
	 */
	public static function comment_status( $new_status, $old_status, $comment ) {
		if ( ! $comment instanceof WP_Comment || $new_status === $old_status ) {
			return;
		}
		$gone = in_array( $new_status, array( 'spam', 'trash', 'delete' ), true );
		self::add_comment( $gone ? 'comment.deleted' : 'comment.status', $comment );
	}

	/**
	 * A comment is being deleted for good.
	 *
	 * @param int $id The comment id.
	 */
	public static function comment_deleted( $id ) {
		$comment = get_comment( $id );
		if ( $comment instanceof WP_Comment ) {
			self::add_comment( 'comment.deleted', $comment );
		}
	}

	/**
	 * Queues a comment event when the comment belongs to an essay (a post of type 'post').
	 *
	 * @param string     $event   The event name.
	 * @param WP_Comment $comment The comment.
	 */
	private static function add_comment( $event, $comment ) {
		$post_id = (int) $comment->comment_post_ID;
		if ( 'post' === get_post_type( $post_id ) ) {
			self::add( $event, (int) $comment->comment_ID, $post_id );
		}
	}

	/**
	 * Records an event, collapsing it with an earlier one for the same object: a creation or
	 * publication is kept over later edits and status changes in the same request (the bot reads the
	 * object afresh either way); otherwise, and always for a removal, the latest event wins.
	 *
	 * @param string   $event   The event name.
	 * @param int      $id      The object id.
	 * @param int|null $post_id The comment's post, for comment events.
	 */
	private static function add( $event, $id, $post_id ) {
		if ( ! CourseThreads_Options::configured() ) {
			return;
		}
		$key = strtok( $event, '.' ) . ':' . $id;
		if ( isset( self::$pending[ $key ] ) ) {
			$earlier  = self::$pending[ $key ]['event'];
			$terminal = array( 'comment.deleted', 'post.trashed', 'post.unpublished' );
			$creation = array( 'comment.created', 'post.published' );
			if ( ! in_array( $event, $terminal, true ) && in_array( $earlier, $creation, true ) ) {
				return;
			}
		}
		self::$pending[ $key ] = array(
			'event'   => $event,
			'id'      => $id,
			'post_id' => $post_id,
		);
	}

	/**
	 * At the end of the request: one notification per changed object, handed to the queue.
	 */
	public static function flush() {
		if ( ! self::$pending ) {
			return;
		}
		$notes = array();
		foreach ( self::$pending as $change ) {
			$notes[] = CourseThreads_Client::notification( $change['event'], $change['id'], $change['post_id'] );
		}
		self::$pending = array();
		CourseThreads_Queue::dispatch( $notes );
	}
}
