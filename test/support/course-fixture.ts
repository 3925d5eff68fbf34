import { courseBlogs, realBlogSources } from '../../src/courses/course-blogs.js';
import type { Db } from '../../src/db/client.js';
import { SecretBox } from '../../src/privacy/secret-box.js';
import { ManualClock, type Clock } from '../../src/shared/clock.js';
import { silentLogger } from '../../src/shared/logger.js';
import type { ChatPort } from '../../src/ports/chat-port.js';
import type { SyncDeps } from '../../src/context.js';

import { offlineBlogHosts, offlineSecretKeys } from '../../src/offline/offline-keys.js';

// The same key and hosts as the offline world, so a course made here opens in a bot world too.
export const testSecretKeys = offlineSecretKeys;
export const testBlogHosts = offlineBlogHosts;

/** A course row pointing at a blog, its credentials sealed like /course setup does. */
export async function createCourse(
  db: Db,
  input: {
    blogUrl: string;
    username: string;
    appPassword: string;
    ingestSince: Date;
    channelKind?: 'forum' | 'text';
    guildId?: string;
    channelId?: string;
    timeZone?: string;
  },
): Promise<string> {
  const course = await db.course.create({
    data: {
      guildId: input.guildId ?? '900000000000000001',
      channelId: input.channelId ?? '900000000000000002',
      channelKind: input.channelKind ?? 'forum',
      name: 'HIST 214',
      blogKind: 'wordpress',
      blogUrl: input.blogUrl,
      timeZone: input.timeZone ?? 'America/Chicago',
      staffRoleId: '900000000000000003',
      ingestSince: input.ingestSince,
    },
    select: { id: true },
  });
  const sealed = new SecretBox(testSecretKeys).seal(
    JSON.stringify({ kind: 'application_password', username: input.username, password: input.appPassword }),
    course.id,
  );
  await db.blogSecret.create({ data: { courseId: course.id, ...sealed } });
  return course.id;
}

/** The context every use case takes, with the real WordPress adapter and no waiting between retries. */
export function syncContext(db: Db, chat: ChatPort, clock: Clock = new ManualClock(new Date())): SyncDeps {
  return {
    db,
    chat,
    clock,
    log: silentLogger(),
    blogFor: courseBlogs(
      db,
      new SecretBox(testSecretKeys),
      realBlogSources({ sleep: async () => undefined, retries: 1, timeoutMs: 2_000, allowedHosts: testBlogHosts }),
    ),
  };
}
