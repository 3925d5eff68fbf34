import { describe, expect, it } from 'vitest';
import { roundNoticeText } from '../../../src/reviews/round-notice-text.js';

const facts = (essays: number, titleLength = 90) => ({
  courseName: 'HIST 214',
  roundName: 'Week 3',
  guildId: '1',
  essayChannelId: '2',
  dueAt: new Date('2026-12-08T05:00:00Z'),
  timeZone: 'America/Chicago',
  minWords: 25,
  quota: essays,
  essays: Array.from({ length: essays }, (_, i) => ({
    title: `${String(i + 1).padStart(2, '0')} ${'x'.repeat(titleLength)}`,
    authorName: `Author ${i + 1}`,
    url: `https://blog.example/?p=${i + 1}`,
    threadId: String(900_000_000_000_000_000n + BigInt(i)),
  })),
});

describe('the DM a student gets when a round is confirmed', () => {
  it('states the due time in the given zone', () => {
    expect(roundNoticeText(facts(2))).toContain('Due: **Monday, December 7, 2026 at 11:00 PM CST**');
  });

  it('fits one Discord message however many essays, and counts the ones it could not list', () => {
    const text = roundNoticeText(facts(20));
    expect(text.length).toBeLessThanOrEqual(2_000);
    const listed = text.split('\n').filter((l) => l.startsWith('• ')).length;
    expect(listed).toBeLessThan(20);
    expect(text).toContain(`…and ${20 - listed} more: /status lists them all.`);
  });

  it('in quota mode asks for any peer essays', () => {
    expect(roundNoticeText({ ...facts(0), quota: 3 })).toContain('Comment on 3 peer essays of your choice in <#2> or on the blog.');
  });
});
