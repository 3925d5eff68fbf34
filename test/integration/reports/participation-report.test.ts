// /report participation through the emulator and the real bot, on a simulated 30-student course:
// every number equals the ground truth computed independently; CSV parses back; the PNG is a real,
// non-blank image; posted in a channel, nothing carries an e-mail address; each look is audited.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { decodePng, DISCORD_PREVIEW_WIDTH, MIN_LABEL_PX, recordDrawnFontPx, smallestLabelInPreview } from '../../support/chart-image-checks.js';
import { byName, groundTruth, numbersOf, type TruthRow } from './ground-truth.js';
import { reportWorldForFile, settledAnswers, tableRows } from './report-world.js';

const w = reportWorldForFile(30);
const EMAIL = /[^\s@'"]+@[^\s@]+\.[a-z]{2,}/i;

function runReport(options: Record<string, string | boolean>) {
  const { world } = w;
  return world.emu
    .as(world.instructorId)
    .runSlashCommand({ guildId: world.guildId, channelId: world.staffChannelId, name: 'report', subcommand: 'participation', options });
}

const formulaSafe = (name: string) => (/^[=+\-@]/.test(name) ? `'${name}` : name);
const csvRecords = (data: Buffer) => parse(data.toString('utf8'), { bom: true });

describe('/report participation', () => {
  it('has a realistic simulated course (all states present)', () => {
    const truth = groundTruth(w.sim);
    const sum = (f: (r: TruthRow) => number) => truth.reduce((n, r) => n + f(r), 0);
    expect(truth).toHaveLength(30);
    for (const f of [
      (r: TruthRow) => r.givenDiscord,
      (r: TruthRow) => r.givenBlog,
      (r: TruthRow) => r.received,
      (r: TruthRow) => r.done,
      (r: TruthRow) => r.late,
      (r: TruthRow) => r.pending,
      (r: TruthRow) => r.overdue,
      (r: TruthRow) => r.remindersSent,
    ]) {
      expect(sum(f)).toBeGreaterThan(0);
    }
    expect(w.sim.students.filter((s) => s.dmClosedAt).length).toBeGreaterThan(0);
  });

  it('replies (ephemerally, paged) with every number equal to the ground truth', async () => {
    const replies = await settledAnswers(runReport({}));
    expect(replies.every((r) => r.ephemeral)).toBe(true);
    expect(replies.length).toBeGreaterThan(1); // 30 rows do not fit in one 2000-character message
    for (const r of replies) expect(r.content.length).toBeLessThanOrEqual(2000);
    const rows = tableRows(replies.map((r) => r.content));
    const truth = byName(groundTruth(w.sim));
    expect(rows).toHaveLength(truth.length);
    rows.forEach((row, i) => expect({ name: truth[i]!.name, numbers: row.numbers }).toEqual({ name: truth[i]!.name, numbers: numbersOf(truth[i]!) }));
    expect(rows.find((r) => r.name.startsWith('Ana Student'))).toBeDefined();
  });

  it('filters by round: only that round’s essays, comments, reviews and reminders', async () => {
    const round = w.sim.rounds[0]!;
    const replies = await settledAnswers(runReport({ round: round.name, format: 'csv' }));
    const [header, ...records] = csvRecords(replies[0]!.attachments[0]!.data);
    expect(header![0]).toBe('Student');
    const truth = byName(groundTruth(w.sim, round.id));
    expect(records.map((r) => r.slice(2).map(Number))).toEqual(truth.map(numbersOf));
    // The round filter really changes something: the whole-course numbers differ.
    expect(truth.map(numbersOf)).not.toEqual(byName(groundTruth(w.sim)).map(numbersOf));
  });

  it('attaches a gradebook CSV that parses back to the same rows, names escaped, e-mail for staff only', async () => {
    const replies = await settledAnswers(runReport({ format: 'csv' }));
    expect(replies[0]!.ephemeral).toBe(true);
    const csv = replies[0]!.attachments.find((a) => a.filename.endsWith('.csv'))!;
    expect(csv).toBeDefined();
    const [header, ...records] = csvRecords(csv.data);
    expect(header).toEqual([
      'Student',
      'Email',
      'Essays published',
      'Comments given (Discord)',
      'Comments given (blog)',
      'Comments received',
      'Reviews done',
      'Reviews done late',
      'Reviews pending',
      'Reviews overdue',
      'Reminders sent',
    ]);
    const truth = byName(groundTruth(w.sim));
    expect(records).toEqual(truth.map((t) => [formulaSafe(t.name), t.email, ...numbersOf(t).map(String)]));
    expect(records.some((r) => r[0]!.startsWith("'="))).toBe(true);
    expect(records.some((r) => r[0] === 'Zoë "Z", O’Brien')).toBe(true);
  });

  it('attaches a PNG chart that stays legible in Discord’s inline preview, opaque, not blank', async () => {
    const fonts = recordDrawnFontPx();
    const replies = await settledAnswers(runReport({ format: 'chart' })).finally(fonts.stop);
    const png = replies[0]!.attachments.find((a) => a.filename.endsWith('.png'))!;
    expect(png.data.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.data.length).toBeLessThan(8 * 1024 * 1024); // far under Discord's upload limit
    const image = await decodePng(png.data);
    expect(image.width).toBeGreaterThanOrEqual(DISCORD_PREVIEW_WIDTH); // sharp when opened full size
    expect(image.height).toBeLessThan(4 * image.width); // not a strip Discord shrinks to nothing
    expect(smallestLabelInPreview(fonts.sizes, image.width)).toBeGreaterThanOrEqual(MIN_LABEL_PX);
    expect(image.transparent).toBe(0); // opaque: readable on Discord's dark theme
    const colours = new Map<number, number>();
    for (let i = 0; i < image.data.length; i += 4) {
      const key = (image.data[i]! << 16) | (image.data[i + 1]! << 8) | image.data[i + 2]!;
      colours.set(key, (colours.get(key) ?? 0) + 1);
    }
    const background = Math.max(...colours.values());
    expect(colours.size).toBeGreaterThan(20);
    expect(1 - background / (image.width * image.height)).toBeGreaterThan(0.03); // bars, lines and text cover the canvas
  });

  it('gives the chart alt text that states the review totals and who needs attention first', async () => {
    const replies = await settledAnswers(runReport({ format: 'chart' }));
    const png = replies[0]!.attachments.find((a) => a.filename.endsWith('.png'))!;
    const alt = png.description ?? '';
    expect(alt.length).toBeLessThanOrEqual(1024);
    const truth = groundTruth(w.sim).filter((t) => t.done + t.late + t.pending + t.overdue > 0);
    const sum = (f: (r: TruthRow) => number) => truth.reduce((n, r) => n + f(r), 0);
    expect(alt).toContain(
      `peer reviews for ${truth.length} students: ${sum((t) => t.done)} done, ${sum((t) => t.late)} done late, ${sum((t) => t.pending)} pending, ${sum((t) => t.overdue)} overdue`,
    );
    const mostOverdue = Math.max(...truth.map((t) => t.overdue));
    const first = /Top of the bar chart: (.+?) \((\d+) overdue/.exec(alt);
    expect(Number(first?.[2])).toBe(mostOverdue);
  });

  it('posted in the channel: visible to all, and no e-mail address in any text or file', async () => {
    const emails = w.sim.students.map((s) => s.email);
    for (const format of ['reply', 'csv', 'chart']) {
      const replies = await settledAnswers(runReport({ format, post_in_channel: true }));
      expect(replies.every((r) => !r.ephemeral)).toBe(true);
      for (const r of replies) {
        expect(r.content).not.toMatch(EMAIL);
        for (const a of r.attachments) {
          const text = a.data.toString('utf8');
          for (const e of emails) expect(text).not.toContain(e);
          if (a.filename.endsWith('.csv')) {
            expect(text).not.toMatch(EMAIL);
            expect(csvRecords(a.data)[0]).not.toContain('Email');
          }
        }
      }
      if (format === 'reply') expect(replies.map((r) => r.content).join('\n')).toContain('li.wei@…');
    }
  });

  it('records each look in the audit log', async () => {
    const entries = await w.world.testDb.db.auditEntry.findMany({ where: { action: 'report.participation' } });
    expect(entries.length).toBeGreaterThanOrEqual(6);
    expect(entries.every((e) => e.actorUserId === w.world.instructorId && e.courseId === w.courseId)).toBe(true);
    expect(entries.some((e) => JSON.parse(e.details).postedInChannel === w.world.staffChannelId)).toBe(true);
  });

  it('names an unknown round and lists the real ones', async () => {
    const reply = await runReport({ round: 'Week 99' }).response();
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain('round: no review round is called “Week 99”');
    expect(reply.content).toContain('“Week 1”');
  });
});
