import { describe, expect, it } from 'vitest';
import { remindersReportText, stageLabel } from '../../../src/reports/render/reminders-report-text.js';
import type { ReminderStageStats } from '../../../src/reports/render/types.js';

const stats: ReminderStageStats[] = [
  { stage: 'before_48h', sent: 30, postponedQuietHours: 4, failedDmClosed: 2, pending: 10 },
  { stage: 'before_2h', sent: 7, postponedQuietHours: 1, failedDmClosed: 0, pending: 13 },
  { stage: 'at_due', sent: 3, postponedQuietHours: 0, failedDmClosed: 1, pending: 20 },
];

const cells = (line: string) =>
  line
    .trim()
    .split(/\s{2,}|\s(?=\d)/)
    .map((s) => s.trim())
    .filter(Boolean);

describe('remindersReportText', () => {
  it('lists each stage with its four numbers and a total row', () => {
    const pages = remindersReportText(stats);
    expect(pages).toHaveLength(1);
    const lines = pages[0]!.split('\n');
    const find = (label: string) => cells(lines.find((l) => l.startsWith(label))!);
    expect(find('48 h before')).toEqual(['48 h before', '30', '4', '2', '10']);
    expect(find('2 h before')).toEqual(['2 h before', '7', '1', '0', '13']);
    expect(find('at due')).toEqual(['at due', '3', '0', '1', '20']);
    expect(find('Total')).toEqual(['Total', '40', '5', '3', '43']);
    expect(pages[0]).toMatch(/page 1\/1$/);
  });

  it('names stages for people and passes unknown ones through', () => {
    expect(stageLabel('before_24h')).toBe('24 h before');
    expect(stageLabel('at_due')).toBe('at due');
    expect(stageLabel('overdue_digest')).toBe('overdue_digest');
  });

  it('pages a long list and says so when there is nothing', () => {
    const many = Array.from({ length: 200 }, (_, i) => ({ ...stats[0]!, stage: `before_${i + 1}h` }));
    const pages = remindersReportText(many);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.every((p) => p.length <= 2000)).toBe(true);
    expect(remindersReportText([])[0]).toContain('No reminders yet.');
  });
});
