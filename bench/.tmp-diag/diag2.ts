import { startBotWorld } from '../../test/support/bot-world.js';
import { pollBlogComments } from '../../src/sync/comments/poll-blog-comments.js';
import { drainOutbox } from '../../src/sync/outbox/outbox-worker.js';
import { effectHandlers } from '../../src/sync/effect-registry.js';
import { backfillCourse } from '../../src/courses/backfill-course.js';
const n = 100;
let fetchMs = 0; let fetches = 0;
const orig = globalThis.fetch;
globalThis.fetch = async (i, init) => { const t = performance.now(); const r = await orig(i, init); await r.clone().text(); fetchMs += performance.now() - t; fetches++; return r; };
const world = await startBotWorld();
const now = Date.now();
for (let i = 0; i < n; i++) await world.wp.as('student1').publishPost({ title: `E${i}`, content: '<p>x</p>', date_gmt: new Date(now - 86400000 - i * 60000).toISOString().slice(0, 19) });
await world.setupCourse();
const { id } = await world.testDb.db.course.findFirstOrThrow();
await backfillCourse(world.bot.ctx, { courseId: id, since: new Date(now - 30 * 86400000), actorUserId: world.instructorId });
await drainOutbox(world.bot.ctx, effectHandlers, { courseIds: [id] });
const db = world.bot.ctx.db;
let dbMs = 0; let q = 0;
(db as any).$on?.('query', () => {});
for (let k = 0; k < 2; k++) {
  fetchMs = 0; fetches = 0;
  const c0 = process.cpuUsage();
  const t = performance.now();
  await pollBlogComments(world.bot.ctx, id);
  const cpu = process.cpuUsage(c0);
  console.log(`comments ${(performance.now() - t).toFixed(0)}ms, fetches ${fetches} taking ${fetchMs.toFixed(0)}ms, cpu user ${(cpu.user/1000).toFixed(0)}ms sys ${(cpu.system/1000).toFixed(0)}ms`);
}
await world.close(); process.exit(0);
