import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBotWorld, type BotWorld } from '../../support/bot-world.js';
import { runConfirmedAsStaff, staffChannelCommand } from '../../support/staff-command.js';

let world: BotWorld;
let courseId: string;

beforeEach(async () => {
  world = await startBotWorld();
  await world.setupCourse();
  courseId = (await world.testDb.db.course.findFirstOrThrow()).id;
  const [alice, bob] = world.studentIds;
  // The roster, imported by staff (/roster import) in real use.
  await world.testDb.db.student.createMany({
    data: [
      { courseId, displayName: 'Alice Student', email: 'alice.sample@university.test', discordUserId: alice },
      { courseId, displayName: 'Bob Student', email: 'bob.sample@university.test', discordUserId: bob },
    ],
  });
});
afterEach(() => world?.close());

const run = (userId: string, name: string, subcommand: string, options: Record<string, string | number | boolean> = {}) =>
  staffChannelCommand(world, userId, name, subcommand, options);

type ExportFile = { auditEntries: Array<{ action: string; actorUserId: string; details: unknown }> };

describe('a student who tried staff commands', () => {
  it('finds those refused attempts in their /privacy export', async () => {
    const [alice, bob] = world.studentIds;
    expect((await run(alice, 'privacy', 'purge', { student: bob }).response(10_000)).content).toContain('Only the staff');
    expect((await run(alice, 'report', 'audit').response(10_000)).content).toContain('Only the staff');

    const own = await run(alice, 'privacy', 'export').response(10_000);
    const mine = JSON.parse(own.attachments[0]!.data.toString('utf8')) as ExportFile;
    const refused = mine.auditEntries.filter((a) => a.action === 'access.denied');
    expect(refused).toHaveLength(2);
    expect(refused.map((a) => a.details)).toEqual([
      { command: 'privacy', subcommand: 'purge' },
      { command: 'report', subcommand: 'audit' },
    ]);

    const staffExport = await run(world.instructorId, 'privacy', 'export', { student: alice }).response(10_000);
    expect((JSON.parse(staffExport.attachments[0]!.data.toString('utf8')) as ExportFile).auditEntries.filter((a) => a.action === 'access.denied')).toHaveLength(
      2,
    );
    // Bob's export holds nothing of Alice's attempts (he is only named inside her command's options, not stored).
    const bobs = JSON.parse((await run(bob, 'privacy', 'export').response(10_000)).attachments[0]!.data.toString('utf8')) as ExportFile;
    expect(bobs.auditEntries).toEqual([]);
  });

  it('is no longer named in the audit log once purged, while the refused attempts stay listed', async () => {
    const [alice] = world.studentIds;
    await run(alice, 'privacy', 'purge', { student: world.studentIds[1] }).response(10_000);
    const done = await runConfirmedAsStaff(world, 'privacy', 'purge', { student: alice });
    expect(done.content).toContain('Done');

    const report = await run(world.instructorId, 'report', 'audit', { limit: 50 }).response(10_000);
    const refusedLine = report.content.split('\n').find((l) => l.includes('access.denied'));
    expect(refusedLine, report.content).toBeDefined();
    expect(refusedLine).toContain('a removed student');
    expect(report.content).not.toContain(alice);
    expect(report.content).toContain(`<@${world.instructorId}>`); // staff stay named
  });
});
