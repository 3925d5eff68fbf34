import { startBotWorld } from '../../test/support/bot-world.js';
import { pollCourseEssays } from '../../src/sync/essays/poll-essays.js';
import { pollBlogComments } from '../../src/sync/comments/poll-blog-comments.js';
import { drainOutbox } from '../../src/sync/outbox/outbox-worker.js';
import { effectHandlers } from '../../src/sync/effect-registry.js';
import { backfillCourse } from '../../src/courses/backfill-course.js';
const n = Number(process.env.N ?? 100);
const world = await startBotWorld();
const now = Date.now();
for (let i = 0; i < n; i++) await world.wp.as('student1').publishPost({ title: `E${i}`, content: '<p>x</p>', date_gmt: new Date(now - 86400000 - i * 60000).toISOString().slice(0, 19) });
await world.setupCourse();
const { id } = await world.testDb.db.course.findFirstOrThrow();
await backfillCourse(world.bot.ctx, { courseId: id, since: new Date(now - 30 * 86400000), actorUserId: world.instructorId });
await drainOutbox(world.bot.ctx, effectHandlers, { courseIds: [id] });
for (let k = 0; k < 3; k++) {
  await world.wp.as('student1').publishPost({ title: `New${k}`, content: '<p>x</p>' });
  const r0 = world.wp.requests.length;
  let t = performance.now();
  await pollCourseEssays(world.bot.ctx, id); const a = performance.now() - t; t = performance.now();
  const r1 = world.wp.requests.length;
  await pollBlogComments(world.bot.ctx, id); const b = performance.now() - t; t = performance.now();
  const r2 = world.wp.requests.length;
  await drainOutbox(world.bot.ctx, effectHandlers, { courseIds: [id] }); const c = performance.now() - t;
  console.log(`essays ${a.toFixed(0)}ms (${r1 - r0} req), comments ${b.toFixed(0)}ms (${r2 - r1} req), drain ${c.toFixed(0)}ms`);
}
const cpu = process.cpuUsage(); console.log('cpu user s', cpu.user / 1e6);
await world.close(); process.exit(0);
