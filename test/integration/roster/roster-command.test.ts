// /roster import, /link claim and /reminders through the Discord emulator and the real bot.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashCode } from '../../../src/roster/link-claims.js';
import type { BotWorld } from '../../support/bot-world.js';
import { csvAttachment as csv, runAs, startCourseWorld } from '../../support/course-world.js';

let world: BotWorld;

beforeEach(async () => {
  world = await startCourseWorld();
});
afterEach(() => world?.close());

const run = (userId: string, name: string, subcommand: string, options: Record<string, unknown> = {}) => runAs(world, userId, name, subcommand, options);

describe('/roster, /link and /reminders through Discord', () => {
  it('imports a roster from an attachment, refusing a malformed one line by line', async () => {
    const [alice, bob] = world.studentIds;
    const bad = await run(world.instructorId, 'roster', 'import', {
      file: csv(`name,email,discord\nAlice,alice@uni.edu,${alice}\n=HYPERLINK("x"),bob@uni.edu,${bob}\n`),
    });
    expect(bad.ephemeral).toBe(true);
    expect(bad.content).toMatch(/Nothing was imported/);
    expect(bad.content).toMatch(/Line 3: .*formula/);
    expect(await world.testDb.db.student.count()).toBe(0);
    const good = await run(world.instructorId, 'roster', 'import', { file: csv(`name,email,discord\nAlice,alice@uni.edu,${alice}\nBob,bob@uni.edu,${bob}\n`) });
    expect(good.content).toContain('Roster imported: 2 added, 0 updated, 0 unchanged.');
    const shown = await run(world.instructorId, 'roster', 'show');
    expect(shown.content).toContain('alice@uni.edu');
    const refused = await run(alice, 'roster', 'show');
    expect(refused.content).toMatch(/Only the staff/);
  });

  it('gives a student a one-time link code (stored hashed) and lets them choose channel reminders', async () => {
    const [alice] = world.studentIds;
    await run(world.instructorId, 'roster', 'import', { file: csv(`name,email,discord\nAlice,alice@uni.edu,${alice}\n`) });
    const claim = await run(alice, 'link', 'claim', { blog_username: 'alice' });
    const code = /`(CT-[A-Z0-9]{4}-[A-Z0-9]{4})`/.exec(claim.content)?.[1];
    expect(code).toBeDefined();
    expect(claim.ephemeral).toBe(true);
    expect((await world.testDb.db.linkClaim.findFirstOrThrow()).codeHash).toBe(hashCode(code!));
    const mode = await run(alice, 'reminders', 'mode', { via: 'channel' });
    expect(mode.content).toContain('mention in the course reminder thread');
    expect((await world.testDb.db.student.findFirstOrThrow()).reminderMode).toBe('channel');
    const preview = await run(world.instructorId, 'reminders', 'preview');
    expect(preview.content).toContain('Nobody would be reminded now.');
    expect((await run(alice, 'reminders', 'preview')).content).toMatch(/Only the staff/);
  });
});
