import { BlogError } from '../ports/blog-source.js';
import { courseSettingsSchema, describeSettingsProblems } from '../core/courses/course-settings.js';
import type { Context } from '../context.js';
import { insertBlogSecret } from '../db/repositories/course-blog-secrets.js';
import { courseNameInChannel, insertCourse } from '../db/repositories/course-setup.js';
import { inTransaction } from '../db/transaction.js';
import { UserError } from '../shared/user-error.js';
import { ChatError } from '../ports/chat-port.js';
import { ensureReminderThread } from '../reminders/reminder-thread.js';
import type { BlogCredentials } from './blog-credentials.js';
import { recordAudit } from './audit.js';
import { describeBlogError } from './describe-blog-error.js';

export { describeBlogError };

export interface SetupCourseInput {
  guildId: string;
  channelId: string;
  staffRoleId: string;
  staffChannelId: string | null;
  actorUserId: string;
  settings: unknown;
  /** null: the credential options were given wrongly, and `optionProblems` says how. */
  credentials: BlogCredentials | null;
  /** Problems the command found while reading options (e.g. a malformed date), reported with all the others. */
  optionProblems?: string[];
}

export type SetupDeps = Pick<Context, 'db' | 'chat' | 'secrets' | 'createBlog' | 'clock'>;

/**
 * Tests the blog connection and the bot's permissions, then saves the course, its sealed credentials
 * and an audit entry in one transaction. Every problem is reported at once (each naming its option),
 * so staff fix them in one go; nothing is saved when any check fails.
 */
export async function setupCourse(deps: SetupDeps, input: SetupCourseInput): Promise<{ courseId: string; siteName: string; reminderThreadId: string | null }> {
  const problems = [...(input.optionProblems ?? [])];
  const parsed = courseSettingsSchema.safeParse(input.settings);
  if (!parsed.success) problems.push(...describeSettingsProblems(parsed.error));
  const raw = (input.settings ?? {}) as { blogKind?: unknown; blogUrl?: unknown; channelKind?: unknown };
  const badFields = new Set(parsed.success ? [] : parsed.error.issues.map((i) => String(i.path[0])));
  const urlProblem = badFields.has('blogUrl') || badFields.has('blogKind') ? 'bad' : blogUrlProblem(String(raw.blogKind), String(raw.blogUrl));
  if (urlProblem && urlProblem !== 'bad') problems.push(urlProblem);
  const existingName = await courseNameInChannel(deps.db, input.guildId, input.channelId);
  if (existingName !== null)
    problems.push(`channel: <#${input.channelId}> already hosts the course "${existingName}". See it with /course show, or pick another channel.`);
  if (raw.blogKind !== 'feed' && input.credentials?.kind === 'none') {
    problems.push(
      'blog_user and blog_password: a WordPress blog needs them (an Application Password: Users → Profile → Application Passwords), or blog_token for WordPress.com.',
    );
  }
  if (!badFields.has('channelKind')) {
    const missing = await deps.chat.missingPermissions(input.channelId, raw.channelKind as 'forum' | 'text');
    if (missing.length > 0)
      problems.push(
        `channel: the bot lacks these permissions in <#${input.channelId}>: ${missing.join(', ')}. Grant them to its role, then run /course setup again.`,
      );
  }
  let siteName = '';
  // The blog is tried only with an address and credentials worth trying; its answer joins the other problems.
  if (!urlProblem && input.credentials && (raw.blogKind === 'feed' || input.credentials.kind !== 'none')) {
    try {
      siteName = (await deps.createBlog({ kind: raw.blogKind as 'wordpress', url: String(raw.blogUrl), credentials: input.credentials }).verify()).siteName;
    } catch (error) {
      if (!(error instanceof BlogError)) throw error;
      problems.push(`The blog did not accept the connection: ${describeBlogError(error)}.`);
    }
  }
  if (problems.length > 0 || !parsed.success) throw new UserError(`Nothing was saved. Please fix:\n- ${problems.join('\n- ')}`);
  const settings = parsed.data;
  const credentials = input.credentials;

  const now = deps.clock.now();
  // Blog dates have one-second precision: an essay published in the same second as setup counts as new.
  const ingestSince = new Date(Math.floor(now.getTime() / 1_000) * 1_000);
  const courseId = await inTransaction(deps.db, async (tx) => {
    const id = await insertCourse(tx, {
      guildId: input.guildId,
      channelId: input.channelId,
      channelKind: settings.channelKind,
      name: settings.name,
      blogKind: settings.blogKind,
      blogUrl: settings.blogUrl,
      timeZone: settings.timeZone,
      staffRoleId: input.staffRoleId,
      staffChannelId: input.staffChannelId,
      quietHoursStart: settings.quietHoursStart,
      quietHoursEnd: settings.quietHoursEnd,
      pollIntervalMinutes: settings.pollIntervalMinutes,
      minCommentWords: settings.minCommentWords,
      blogNameStyle: settings.blogNameStyle,
      endsAt: settings.endsAt,
      ingestSince,
      createdByUserId: input.actorUserId,
    });
    // Sealed once the course id exists: the ciphertext is bound to it (see SecretBox).
    if (credentials && credentials.kind !== 'none') await insertBlogSecret(tx, id, deps.secrets.seal(JSON.stringify(credentials), id));
    await recordAudit(tx, {
      courseId: id,
      guildId: input.guildId,
      actorUserId: input.actorUserId,
      action: 'course.setup',
      details: { channelId: input.channelId, blogUrl: settings.blogUrl },
    });
    return id;
  });
  // After the course is saved: the thread's starter names the course, and a failure here must not undo
  // the setup (the reminder sweep opens the thread when the first reminder needs it).
  let reminderThreadId: string | null = null;
  try {
    reminderThreadId = await ensureReminderThread(deps, {
      id: courseId,
      name: settings.name,
      guildId: input.guildId,
      channelId: input.channelId,
      channelKind: settings.channelKind,
      reminderThreadId: null,
    });
  } catch (error) {
    if (!(error instanceof ChatError)) throw error;
  }
  return { courseId, siteName, reminderThreadId };
}

/**
 * A WordPress blog URL is a base the bot appends its routes to: a query or fragment would swallow them
 * (`/admin?x=` + `/wp-json/...`) and let the URL pick the path. A feed URL may keep its query (?feed=rss2).
 * Credentials never belong in a URL: it is shown in /course show and staff alerts.
 */
export function blogUrlProblem(kind: string, url: string): string | null {
  const u = new URL(url);
  if (u.username || u.password) return 'blog_url must not contain a user name or password: give them as blog_user and blog_password.';
  if (kind !== 'feed' && (u.search || u.hash)) return `blog_url must be the blog's address without ?query or #fragment, e.g. ${u.origin}${u.pathname}`;
  return null;
}
