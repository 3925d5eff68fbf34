// The demo's staff steps, each a slash command the instructor runs in #staff: /roster import, a review
// round (/reviews assign, then its Confirm button), /reminders send-now once time has moved on, and
// /report participation as a chart saved to a PNG file.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { localParts } from '../../core/time/zoned.js';
import type { ManualClock } from '../../shared/clock.js';
import type { OfflineWorld } from '../offline-world.js';
import { expectSeen, indent, step, type Say } from './demo-narration.js';
import { sampleRosterCsv, sampleSecondEssay } from './sample-course.js';

const HOUR = 3_600_000;
const ZONE = 'America/Chicago'; // the zone the demo's /course setup chose

function staffCommand(world: OfflineWorld, name: string, subcommand: string, options: Record<string, unknown> = {}) {
  return world.emu
    .as(world.instructorId)
    .runSlashCommand({ guildId: world.guildId, channelId: world.staffChannelId, name, subcommand, options: options as never })
    .response(30_000);
}

/** 'YYYY-MM-DD HH:MM' in the course's zone, as staff type a due date. */
function typedLocal(at: Date): string {
  const { y, m, d, h, min } = localParts(at, ZONE);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${y}-${two(m)}-${two(d)} ${two(h)}:${two(min)}`;
}

export async function importRoster(world: OfflineWorld, say: Say): Promise<void> {
  await step(3, '/roster import', async () => {
    const [alice, bob] = world.studentIds;
    const data = Buffer.from(sampleRosterCsv({ alice, bob }));
    const reply = await staffCommand(world, 'roster', 'import', { file: { attachment: { filename: 'roster.csv', contentType: 'text/csv', data } } });
    if (!reply.content.startsWith('Roster imported')) throw new Error(reply.content);
    say('\n3. The instructor ran /roster import with a CSV of the class (Alice and Bob, their Discord and blog accounts). The bot replied:');
    say(indent(reply.content));
  });
}

/** A round of one review each, due in three days; returns when it is due. */
export async function assignReviews(world: OfflineWorld, say: Say, clock: ManualClock): Promise<Date> {
  return step(7, 'a review round', async () => {
    const dueAt = new Date(clock.now().getTime() + 72 * HOUR);
    const preview = await staffCommand(world, 'reviews', 'assign', { name: 'Week 1', due: typedLocal(dueAt), reviews: 1 });
    const confirmId = expectSeen(
      /"custom_id":"(reviews:confirm:[^"]+)"/.exec(JSON.stringify(preview.components))?.[1],
      `no Confirm button under the preview: ${preview.content}`,
    );
    say(`\n7. The instructor ran /reviews assign (round “Week 1”, one review each, due ${typedLocal(dueAt)} Chicago time). The preview:`);
    say(indent(preview.content));
    const press = world.emu
      .as(world.instructorId)
      .pressButton({ guildId: world.guildId, channelId: world.staffChannelId, messageId: preview.messageId!, customId: confirmId });
    const confirmed = await press.response(30_000);
    if (!confirmed.content.includes('created')) throw new Error(confirmed.content);
    say('   They pressed Confirm:');
    say(indent(confirmed.content));
    return dueAt;
  });
}

export async function remindReviewers(world: OfflineWorld, say: Say, clock: ManualClock, dueAt: Date): Promise<void> {
  await step(8, 'a review reminder', async () => {
    const alice = world.studentIds[0];
    const before = world.emu.dmsTo(alice).length;
    clock.set(new Date(dueAt.getTime() - 47 * HOUR)); // a day later: the 48-hour reminder is due
    const reply = await staffCommand(world, 'reminders', 'send-now');
    const dm = expectSeen(
      world.emu
        .dmsTo(alice)
        .slice(before)
        .find((m) => m.content.includes(sampleSecondEssay.title)),
      `Alice got no reminder about “${sampleSecondEssay.title}”: ${reply.content}`,
    );
    say('\n8. A day later (the demo moves the bot’s clock), the instructor ran /reminders send-now. The bot replied:');
    say(indent(reply.content));
    say('   Alice, who has not yet commented on Bob’s essay, got this direct message:');
    say(indent(dm.content));
  });
}

/** The participation chart, written to chartDir; returns the PNG's path. */
export async function reportParticipation(world: OfflineWorld, say: Say, chartDir: string): Promise<string> {
  return step(9, '/report participation', async () => {
    const reply = await staffCommand(world, 'report', 'participation', { format: 'chart' });
    const png = expectSeen(
      reply.attachments.find((a) => a.filename.endsWith('.png')),
      `no PNG attached to the reply: ${reply.content}`,
    );
    const chartPath = path.join(chartDir, path.basename(png.filename)); // a name from Discord never leaves the folder
    writeFileSync(chartPath, png.data);
    say('\n9. The instructor ran /report participation format:chart. The bot replied:');
    say(indent(reply.content));
    say(`   The chart it attached is saved here: ${chartPath}`);
    return chartPath;
  });
}
