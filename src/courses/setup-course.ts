import { BlogError } from '../blog/blog-source.js';
import { courseSettingsSchema, describeSettingsProblems } from '../core/courses/course-settings.js';
import type { Db } from '../db/client.js';
import type { SecretBox } from '../privacy/secret-box.js';
import type { Clock } from '../shared/clock.js';
import { UserError } from '../shared/user-error.js';
import { ChatError, type ChatPort } from '../sync/chat-port.js';
import { ensureReminderThread } from '../reminders/reminder-thread.js';
import type { BlogCredentials } from './blog-credentials.js';
import type { BlogSourceFactory } from './course-blogs.js';
import { recordAudit } from './audit.js';

export interface SetupCourseInput {
  guildId: string;
  channelId: string;
  staffRoleId: string;
  staffChannelId: string | null;
  actorUserId: string;
  settings: unknown;
  credentials: BlogCredentials;
}

export interface SetupDeps {
  db: Db;
  chat: ChatPort;
  secrets: SecretBox;
  createBlog: BlogSourceFactory;
  clock: Clock;
}

/**
 * Tests the blog connection and the bot's permissions, then saves the course, its sealed credentials
 * and an audit entry in one transaction. Nothing is saved when any check fails.
 */
export async function setupCourse(deps: SetupDeps, input: SetupCourseInput): Promise<{ courseId: string; siteName: string; reminderThreadId: string | null }> {
  const parsed = courseSettingsSchema.safeParse(input.settings);
  if (!parsed.success) throw new UserError(`Nothing was saved. Please fix:\n- ${describeSettingsProblems(parsed.error).join('\n- ')}`);
  const settings = parsed.data;
  const urlProblem = blogUrlProblem(settings.blogKind, settings.blogUrl);
  if (urlProblem) throw new UserError(`Nothing was saved. ${urlProblem}`);
  const existing = await deps.db.course.findUnique({ where: { guildId_channelId: { guildId: input.guildId, channelId: input.channelId } }, select: { name: true } });
  if (existing) throw new UserError(`This channel already hosts the course "${existing.name}". Use /course show, or pick another channel.`);
  if (settings.blogKind !== 'feed' && input.credentials.kind === 'none') {
    throw new UserError('A WordPress blog needs credentials: blog_user and blog_password (an application password), or blog_token for WordPress.com.');
  }

  const missing = await deps.chat.missingPermissions(input.channelId, settings.channelKind);
  if (missing.length > 0) throw new UserError(`Nothing was saved. The bot lacks these permissions in <#${input.channelId}>: ${missing.join(', ')}.`);

  let siteName: string;
  try {
    const verified = await deps.createBlog({ kind: settings.blogKind, url: settings.blogUrl, credentials: input.credentials }).verify();
    siteName = verified.siteName;
  } catch (error) {
    if (error instanceof BlogError) throw new UserError(`Nothing was saved. The blog did not accept the connection (${describeBlogError(error)}).`);
    throw error;
  }

  const now = deps.clock.now();
  // Blog dates have one-second precision: an essay published in the same second as setup counts as new.
  const ingestSince = new Date(Math.floor(now.getTime() / 1_000) * 1_000);
  const course = await deps.db.$transaction(async (tx) => {
    const created = await tx.course.create({
      data: {
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
        endsAt: settings.endsAt,
        ingestSince,
        createdByUserId: input.actorUserId,
      },
      select: { id: true },
    });
    // Sealed once the course id exists: the ciphertext is bound to it (see SecretBox).
    if (input.credentials.kind !== 'none') await tx.blogSecret.create({ data: { courseId: created.id, ...deps.secrets.seal(JSON.stringify(input.credentials), created.id) } });
    await recordAudit(tx, { courseId: created.id, guildId: input.guildId, actorUserId: input.actorUserId, action: 'course.setup', details: { channelId: input.channelId, blogUrl: settings.blogUrl } });
    return created;
  });
  // After the course is saved: the thread's starter names the course, and a failure here must not undo
  // the setup (the reminder sweep opens the thread when the first reminder needs it).
  let reminderThreadId: string | null = null;
  try {
    reminderThreadId = await ensureReminderThread(deps, { id: course.id, name: settings.name, guildId: input.guildId, channelId: input.channelId, channelKind: settings.channelKind, reminderThreadId: null });
  } catch (error) {
    if (!(error instanceof ChatError)) throw error;
  }
  return { courseId: course.id, siteName, reminderThreadId };
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

const operatorAdvice = "For a blog on your campus network, ask the bot's operator to add its host name to BLOG_ALLOWED_HOSTS.";

/** The bot's own network limits, worded for staff: which option is wrong and what to do about it. */
function describeGuardRefusal(code: string | null): string | null {
  switch (code) {
    case 'blocked_address':
      return `blog_url leads to a private or local network address (or redirects there), which the bot does not connect to. ${operatorAdvice}`;
    case 'unsupported_scheme':
      return 'blog_url redirects to an address that is not http:// or https://; give the blog’s final https:// address';
    case 'too_many_redirects':
      return 'blog_url redirects too many times; open it in a browser and give the address it ends up at';
    case 'too_large':
      return 'the blog at blog_url sent a larger answer than the bot accepts; check that blog_url is the blog’s home page (the operator can raise BLOG_MAX_RESPONSE_BYTES)';
    case 'timeout':
      return 'the blog at blog_url did not finish answering in time; check the URL and try again';
    default:
      return null;
  }
}

export function describeBlogError(error: BlogError): string {
  const guard = describeGuardRefusal(error.code);
  if (guard) return guard;
  switch (error.kind) {
    case 'auth':
      return 'the user name or application password was refused, or that user may not read comments';
    case 'not_found':
      return 'no WordPress REST API at that address; check blog_url';
    case 'unavailable':
      return 'the blog did not answer; check blog_url and try again';
    case 'unsupported':
      return error.message; // the adapter's own words (a read-only feed), not the blog's
    default:
      // Status and WordPress error code only: the blog's own words are never repeated (see error-map.ts).
      return `the blog refused the request${error.status ? ` (HTTP ${error.status}${error.code ? ` ${error.code}` : ''})` : ''}; check blog_url and the credentials`;
  }
}
