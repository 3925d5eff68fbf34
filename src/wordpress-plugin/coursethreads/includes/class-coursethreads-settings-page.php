<?php
/**
 * The HTML of Settings -> CourseThreads. Everything printed is escaped; the secret is never printed.
 *
 * @package CourseThreads
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Renders the settings form, the test button with its answer, and the delivery status.
 */
class CourseThreads_Settings_Page {

	/**
	 * Prints the page.
	 */
	public static function render() {
		if ( ! current_user_can( 'manage_options' ) ) {
			return;
		}
		$secret = CourseThreads_Options::secret();
		$hint   = '' === $secret
			? __( 'Not set', 'coursethreads' )
			/* translators: %s: the last four characters of the saved secret. */
			: sprintf( __( 'Saved (ends in %s). Leave empty to keep it.', 'coursethreads' ), substr( $secret, -4 ) );
		?>
		<div class="wrap">
			<h1><?php esc_html_e( 'CourseThreads', 'coursethreads' ); ?></h1>
			<p><?php esc_html_e( 'Tells the course\'s Discord bot the moment an essay or a comment changes here. In Discord, staff run /course push to get the URL and the secret.', 'coursethreads' ); ?></p>
			<?php /* No settings_errors() here: WordPress prints them on every Settings page already. */ ?>
			<form method="post" action="options.php">
				<?php settings_fields( CourseThreads_Settings::PAGE ); ?>
				<table class="form-table" role="presentation">
					<tr>
						<th scope="row"><label for="coursethreads_push_url"><?php esc_html_e( 'Bot push URL', 'coursethreads' ); ?></label></th>
						<td><input type="url" class="regular-text code" id="coursethreads_push_url" name="<?php echo esc_attr( CourseThreads_Options::URL ); ?>" value="<?php echo esc_attr( CourseThreads_Options::push_url() ); ?>" placeholder="https://bot.campus.example/push/v1/..." /></td>
					</tr>
					<tr>
						<th scope="row"><label for="coursethreads_secret"><?php esc_html_e( 'Course secret', 'coursethreads' ); ?></label></th>
						<td>
							<input type="password" class="regular-text code" id="coursethreads_secret" name="<?php echo esc_attr( CourseThreads_Options::SECRET ); ?>" value="" autocomplete="off" />
							<p class="description"><?php echo esc_html( $hint ); ?></p>
						</td>
					</tr>
				</table>
				<?php submit_button(); ?>
			</form>
			<h2><?php esc_html_e( 'Check the link', 'coursethreads' ); ?></h2>
			<?php self::render_test_result( CourseThreads_Settings::take_test_result() ); ?>
			<form method="post" action="<?php echo esc_url( admin_url( 'admin-post.php' ) ); ?>">
				<input type="hidden" name="action" value="<?php echo esc_attr( CourseThreads_Settings::TEST ); ?>" />
				<?php wp_nonce_field( CourseThreads_Settings::TEST ); ?>
				<?php submit_button( __( 'Send test', 'coursethreads' ), 'secondary', 'submit', false ); ?>
			</form>
			<h2><?php esc_html_e( 'Deliveries', 'coursethreads' ); ?></h2>
			<?php
			$status = CourseThreads_Options::status();
			self::render_entry( __( 'Last delivery', 'coursethreads' ), $status['last_delivery'] );
			self::render_entry( __( 'Last failure', 'coursethreads' ), $status['last_failure'] );
			?>
		</div>
		<?php
	}

	/**
	 * The answer to the test button, if it was just pressed.
	 *
	 * @param array|null $result An answer from CourseThreads_Client::send().
	 */
	private static function render_test_result( $result ) {
		if ( null === $result ) {
			return;
		}
		$ok      = 'delivered' === $result['outcome'];
		$summary = $result['status']
			/* translators: %d: HTTP status code. */
			? sprintf( __( 'The bot answered HTTP %d:', 'coursethreads' ), $result['status'] )
			: __( 'No answer from the bot:', 'coursethreads' );
		printf(
			'<div class="notice %1$s inline coursethreads-test-result"><p>%2$s <code>%3$s</code></p></div>',
			esc_attr( $ok ? 'notice-success' : 'notice-error' ),
			esc_html( $summary ),
			esc_html( $result['answer'] )
		);
	}

	/**
	 * One line of the delivery status.
	 *
	 * @param string     $label Last delivery / Last failure.
	 * @param array|null $entry What CourseThreads_Options::record() stored.
	 */
	private static function render_entry( $label, $entry ) {
		if ( null === $entry ) {
			/* translators: %s: Last delivery or Last failure. */
			echo '<p>' . esc_html( sprintf( __( '%s: none yet.', 'coursethreads' ), $label ) ) . '</p>';
			return;
		}
		printf(
			'<p>%1$s: %2$s, %3$s, HTTP %4$s <code>%5$s</code></p>',
			esc_html( $label ),
			esc_html( wp_date( get_option( 'date_format' ) . ' ' . get_option( 'time_format' ), (int) $entry['time'] ) ),
			esc_html( $entry['what'] ),
			esc_html( (string) $entry['status'] ),
			esc_html( $entry['answer'] )
		);
	}
}
