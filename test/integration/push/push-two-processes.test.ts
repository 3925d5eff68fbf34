// Several processes on PostgreSQL: the process that receives a blog push (B, here the test process serving
// the push route) is not the one holding the course (A, a real bot process). B's NOTIFY must wake A, and
// the blog comment must appear in the thread long before A's next poll (the course polls every 2 minutes).
import { createHmac, randomBytes } from 'node:crypto';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuePushSecret } from '../../../src/courses/push-credentials.js';
import { openDb, type Db } from '../../../src/db/client.js';
import { pushRoutes } from '../../../src/http/push/push-routes.js';
import { postgresWaker, type PushWaker } from '../../../src/http/push/push-wake.js';
import { SecretBox } from '../../../src/privacy/secret-box.js';
import { systemClock } from '../../../src/shared/clock.js';
import { silentLogger } from '../../../src/shared/logger.js';
import { testSecretKeys } from '../../support/course-fixture.js';
import { spawnBotProcess, type BotProcess } from '../../support/bot-process/spawn-bot-process.js';
import { startMultiCourseWorld, type MultiCourseWorld } from '../../support/bot-process/multi-course-world.js';
import { createTestDatabase, postgresAvailable } from '../../support/postgres-server.js';
import { publishEssays, threadForEssay, waitUntil } from '../multiprocess/scenario.js';

const available = postgresAvailable();

describe.skipIf(!available.ok)(
  `a push received by one process wakes the process holding the course${available.ok ? '' : ` — skipped: ${available.reason}`}`,
  () => {
    let db: Db;
    let world: MultiCourseWorld;
    let a: BotProcess | undefined;
    let waker: PushWaker | undefined;
    const app = Fastify();

    beforeAll(async () => {
      const url = await createTestDatabase();
      db = await openDb(url);
      world = await startMultiCourseWorld(db, { courses: 1, shardCount: 1 });
      process.env.BOT_PUSH_WAKE = '1'; // read by the spawned bot process: listen for push wake-ups
      a = await spawnBotProcess({
        name: 'A',
        databaseUrl: url,
        apiUrl: world.emu.apiUrl,
        token: world.emu.botToken,
        shards: [0],
        shardCount: 1,
        leaseSeconds: 30,
        tickSeconds: 1,
        reminders: false,
        logFile: process.env.PUSH_TEST_LOG,
      });
      waker = await postgresWaker({ url, log: silentLogger(), onWake: () => undefined }); // B only sends
      await app.register(
        pushRoutes({ db, secrets: new SecretBox(testSecretKeys), clock: systemClock, log: silentLogger(), wake: (courseId) => waker!.wake(courseId) }),
      );
    }, 120_000);

    afterAll(async () => {
      delete process.env.BOT_PUSH_WAKE;
      await app.close();
      await waker?.close();
      await a?.kill('SIGTERM');
      await world?.close();
      await db?.$disconnect();
    });

    it('process B receives the plugin’s notification for a comment; A, which holds the course, mirrors it into the thread at once', async () => {
      const course = world.courses[0]!;
      const [essay] = await publishEssays(world.courses, 'student1', 'Pushed across processes');
      await waitUntil(() => Boolean(threadForEssay(world.emu, essay!)), 60_000, 'A’s first poll to open the thread');
      const lease = await db.jobLease.findUniqueOrThrow({ where: { name: `course:${course.courseId}` }, select: { owner: true } });
      expect(lease.owner).toBe(a!.owner);
      // The world polls every tick; from now on the course polls hourly, so only a wake-up brings the comment soon.
      const changedAt = new Date();
      await db.course.update({ where: { id: course.courseId }, data: { pollIntervalMinutes: 60 } });
      // A tick already under way may still poll; one that started after the change has seen the hourly interval.
      await waitUntil(
        async () => (await db.jobRun.count({ where: { jobName: 'course-sync', startedAt: { gt: changedAt }, finishedAt: { not: null } } })) > 0,
        30_000,
        'a tick of A after the change',
      );

      const { courseKey, secret } = await issuePushSecret(db, new SecretBox(testSecretKeys), course.courseId, new Date());
      const address = await app.listen({ port: 0, host: '127.0.0.1' });
      const comment = await course.wp.as('student2').comment(essay!.postId, '<p>Seen in seconds — pushed-across</p>');
      const body = JSON.stringify({ v: 1, event: 'comment.created', id: comment.json.id, postId: essay!.postId, modified: null, site: course.wp.url });
      const timestamp = String(Math.floor(Date.now() / 1000));
      const response = await fetch(`${address}/push/v1/${courseKey}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-coursethreads-delivery': randomBytes(12).toString('hex'),
          'x-coursethreads-timestamp': timestamp,
          'x-coursethreads-signature': `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`,
        },
        body,
      });
      expect(response.status).toBe(202);

      // Generous, and far below the course's hourly poll: only the wake-up can bring it this soon.
      const thread = threadForEssay(world.emu, essay!)!;
      await waitUntil(
        () => world.emu.messagesIn(thread.id).some((m) => m.webhook_id && m.content.includes('pushed-across')),
        30_000,
        'the blog comment in the thread',
        async () => a!.stderrTail(),
      );
      expect(world.emu.messagesIn(thread.id).filter((m) => m.webhook_id && m.content.includes('pushed-across'))).toHaveLength(1);
    }, 120_000);
  },
);
