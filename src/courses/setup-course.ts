import { BlogError } from '../blog/blog-source.js';
import { courseSettingsSchema, describeSettingsProblems } from '../core/courses/course-settings.js';
import type { Db } from '../db/client.js';
import type { SecretBox } from '../privacy/secret-box.js';
import type { Clock } from '../shared/clock.js';
import { UserError } from '../shared/user-error.js';
import type { ChatPort } from '../sync/chat-port.js';
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
export async function setupCourse(deps: SetupDeps, input: SetupCourseInput): Promise<{ courseId: string; siteName: string }> {
  const parsed = courseSettingsSchema.safeParse(input.settings);
  if (!parsed.success) throw new UserError(`Nothing was saved. Please fix:\n- ${describeSettingsProblems(parsed.error).join('\n- ')}`);
  const settings = parsed.data;
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
  return { courseId: course.id, siteName };
}

export function describeBlogError(error: BlogError): string {
  switch (error.kind) {
    case 'auth':
      return 'the user name or application password was refused, or that user may not read comments';
    case 'not_found':
      return 'no WordPress REST API at that address; check the blog URL';
    case 'unavailable':
      return 'the blog did not answer; check the URL and try again';
    default:
      return error.message;
  }
}
