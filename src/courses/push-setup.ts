import type { Context } from '../context.js';
import { inTransaction } from '../db/transaction.js';
import { recordAudit } from './audit.js';
import { issuePushSecret, pushCourseKey } from './push-credentials.js';
import { pollOnlyBlogKinds } from './push-status.js';

const PUSH_PATH = '/push/v1/';

function pushUrl(publicUrl: string | undefined, courseKey: string): string | null {
  return publicUrl ? `${publicUrl.replace(/\/+$/, '')}${PUSH_PATH}${courseKey}` : null;
}

const installSteps = (url: string, secret: string) =>
  [
    '**Install the CourseThreads plugin on the blog** (an administrator of the blog does this once):',
    '1. In WordPress: Plugins → Add New → Upload Plugin, choose the zip made by `npm run plugin:zip` (coursethreads.zip), Install Now, then Activate.',
    `2. Settings → CourseThreads: paste the bot URL \`${url}\` and the secret \`${secret}\`, then Save.`,
    '3. Press **Send test**: it should answer that the bot accepted the test for this course. Polling stays on as the safety net.',
  ].join('\n');

const missingUrl =
  'The bot does not know its public address yet: the bot’s operator must set **PUBLIC_URL** (the address the blog reaches the bot at, e.g. https://bot.campus.example) and restart it; then run /course push again.';

/**
 * /course push: makes the course's push link the first time (or a new secret with rotate) and shows the
 * secret this once; later calls show the URL and that the secret is not shown again.
 */
export async function coursePush(
  ctx: Pick<Context, 'db' | 'secrets' | 'clock' | 'config'>,
  input: { courseId: string; guildId: string; blogKind: string; actorUserId: string; rotate: boolean },
): Promise<string> {
  const pollOnly = pollOnlyBlogKinds[input.blogKind];
  if (pollOnly) return `Push is not available for this course: ${pollOnly}. The bot keeps polling the blog for it, as before.`;
  const existingKey = await pushCourseKey(ctx.db, input.courseId);
  if (existingKey && !input.rotate) {
    const url = pushUrl(ctx.config.publicUrl, existingKey);
    return [
      `Push is set up for this course. Bot URL: ${url ? `\`${url}\`` : '(unknown)'}`,
      'The secret was shown once when it was made and is not shown again. Lost it, or think it leaked? Run `/course push rotate:true` for a new one (the old one stops working at once), and paste it into the plugin.',
      ...(url ? [] : [missingUrl]),
    ].join('\n');
  }
  // The new secret and its audit entry together: a rotation staff were never shown must not replace the old one.
  const issued = await inTransaction(ctx.db, async (tx) => {
    const made = await issuePushSecret(tx, ctx.secrets, input.courseId, ctx.clock.now());
    await recordAudit(tx, {
      courseId: input.courseId,
      guildId: input.guildId,
      actorUserId: input.actorUserId,
      action: made.rotated ? 'course.push_rotate' : 'course.push_create',
    });
    return made;
  });
  const url = pushUrl(ctx.config.publicUrl, issued.courseKey);
  const head = issued.rotated
    ? 'New push secret made: the old one no longer works. Paste this one into the plugin (Settings → CourseThreads). It is shown only now.'
    : 'Push link made for this course. The secret below is shown only now: copy it into the plugin.';
  if (!url) return [head, `Secret: \`${issued.secret}\``, missingUrl].join('\n');
  return [head, installSteps(url, issued.secret)].join('\n\n');
}
