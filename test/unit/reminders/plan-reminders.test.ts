import { describe, expect, it } from 'vitest';
import { planReminders, type ReminderAssignment } from '../../../src/core/reminders/plan-reminders.js';
import { planOverdueDigest } from '../../../src/core/reminders/overdue-digest.js';
import { stageTimes } from '../../../src/core/reminders/stages.js';

const tz = 'Europe/Berlin';
const quiet = { start: '22:00', end: '08:00' };
const at = (s: string) => new Date(s);
const assignment = (over: Partial<ReminderAssignment> = {}): ReminderAssignment => ({
  id: 'a1',
  reviewerId: 'ana',
  dueAt: at('2025-03-31T08:00:00Z'),
  completedAt: null,
  cancelled: false,
  ...over,
});
const plan = (now: string, over: Partial<ReminderAssignment> = {}, sent: string[] = [], q: typeof quiet | null = quiet) =>
  planReminders({ now: at(now), courseTimeZone: tz, quietHours: q, assignments: [assignment(over)], alreadySent: new Set(sent) });

describe('stageTimes', () => {
  it('counts whole days on the local calendar and hours as elapsed time', () => {
    const times = stageTimes(at('2025-03-31T08:00:00Z'), [48, 24, 2], tz).map((s) => [s.stage, s.scheduledFor.toISOString()]);
    expect(times).toEqual([
      ['before_48h', '2025-03-29T09:00:00.000Z'], // 10:00 CET: 49 real hours before, same wall time
      ['before_24h', '2025-03-30T08:00:00.000Z'], // 10:00 CEST
      ['before_2h', '2025-03-31T06:00:00.000Z'],
      ['at_due', '2025-03-31T08:00:00.000Z'],
    ]);
  });
  it('keeps the wall time across the New York fall-back (48 h before Monday 09:00 EST is Saturday 09:00 EDT)', () => {
    const times = stageTimes(at('2025-11-03T14:00:00Z'), [48, 24, 2], 'America/New_York');
    expect(times.map((s) => s.scheduledFor.toISOString())).toEqual([
      '2025-11-01T13:00:00.000Z',
      '2025-11-02T14:00:00.000Z',
      '2025-11-03T12:00:00.000Z',
      '2025-11-03T14:00:00.000Z',
    ]);
  });
  it('resolves a day-stage landing in the DST gap forward, and ignores non-positive stages', () => {
    // Due 02:30 CEST on 31 March: "a day before" is 02:30 on the 30th, which does not exist -> 03:30 CEST.
    const times = stageTimes(at('2025-03-31T00:30:00Z'), [24, 0, -5], tz);
    expect(times.map((s) => s.stage)).toEqual(['before_24h', 'at_due']);
    expect(times[0]!.scheduledFor.toISOString()).toBe('2025-03-30T01:30:00.000Z');
  });
});

describe('planReminders', () => {
  it('sends nothing before the first stage, then the stage once its time has come', () => {
    expect(plan('2025-03-29T08:55:00Z').due).toEqual([]);
    const p = plan('2025-03-29T09:00:00Z');
    expect(p.due).toEqual([
      {
        key: 'a1:before_48h',
        assignmentId: 'a1',
        reviewerId: 'ana',
        stage: 'before_48h',
        scheduledFor: at('2025-03-29T09:00:00Z'),
        sendAt: at('2025-03-29T09:00:00Z'),
        dueAt: at('2025-03-31T08:00:00Z'),
      },
    ]);
    expect(plan('2025-03-29T09:05:00Z', {}, ['a1:before_48h']).due).toEqual([]);
  });

  it('sends only the latest passed stage and reports the older ones as superseded', () => {
    const p = plan('2025-03-31T07:00:00Z'); // created or woken up 1 h before due
    expect(p.due.map((d) => d.stage)).toEqual(['before_2h']);
    expect(p.skipped.map((s) => [s.stage, s.supersededBy])).toEqual([
      ['before_48h', 'before_2h'],
      ['before_24h', 'before_2h'],
    ]);
    // Already-recorded older stages are not reported again.
    expect(plan('2025-03-31T07:00:00Z', {}, ['a1:before_48h']).skipped.map((s) => s.stage)).toEqual(['before_24h']);
  });

  it('postpones (never drops) a stage during quiet hours and sends it when they end', () => {
    const due = at('2025-03-30T21:30:00Z'); // 23:30 CEST
    const night = plan('2025-03-30T21:30:00Z', { dueAt: due }, ['a1:before_48h', 'a1:before_24h', 'a1:before_2h']);
    expect(night.due).toEqual([]);
    expect(night.postponed).toMatchObject([{ stage: 'at_due', reason: 'quiet_hours', nextAllowedAt: at('2025-03-31T06:00:00Z') }]);
    const morning = plan('2025-03-31T06:00:00Z', { dueAt: due }, ['a1:before_48h', 'a1:before_24h', 'a1:before_2h']);
    expect(morning.due).toMatchObject([{ stage: 'at_due', scheduledFor: due, sendAt: at('2025-03-31T06:00:00Z') }]);
    // Without quiet hours it goes out at once.
    expect(plan('2025-03-30T21:30:00Z', { dueAt: due }, ['a1:before_48h', 'a1:before_24h', 'a1:before_2h'], null).due).toHaveLength(1);
  });

  it('keeps quiet hours in the reviewer’s own zone when they set one, stages staying on the course calendar', () => {
    // 48 h stage: Sat 29 March 10:00 CET (09:00Z) = 05:00 in New York (EDT, UTC-4): quiet there until 08:00 = 12:00Z.
    const far = plan('2025-03-29T09:00:00Z', { timeZone: 'America/New_York' });
    expect(far.due).toEqual([]);
    expect(far.postponed).toMatchObject([{ stage: 'before_48h', nextAllowedAt: at('2025-03-29T12:00:00Z') }]);
    expect(plan('2025-03-29T12:00:00Z', { timeZone: 'America/New_York' }).due).toMatchObject([{ stage: 'before_48h', sendAt: at('2025-03-29T12:00:00Z') }]);
    // The same instant for a reviewer on course time (Berlin, 10:00): sent at once.
    expect(plan('2025-03-29T09:00:00Z', { timeZone: null }).due).toHaveLength(1);
  });

  it('never reminds a done or cancelled review', () => {
    expect(plan('2025-03-31T07:00:00Z', { completedAt: at('2025-03-31T06:59:00Z') }).due).toEqual([]);
    expect(plan('2025-03-31T07:00:00Z', { cancelled: true }).due).toEqual([]);
    // A completion time in the future (clock skew) does not count yet.
    expect(plan('2025-03-31T07:00:00Z', { completedAt: at('2025-03-31T09:00:00Z') }).due).toHaveLength(1);
  });

  it('honours custom stages', () => {
    const p = planReminders({
      now: at('2025-03-30T08:00:00Z'),
      courseTimeZone: tz,
      quietHours: null,
      stagesBeforeDue: [24, 6],
      assignments: [assignment()],
      alreadySent: new Set(),
    });
    expect(p.due.map((d) => d.key)).toEqual(['a1:before_24h']);
  });
});

describe('planOverdueDigest', () => {
  const assignments: ReminderAssignment[] = [
    assignment({ id: 'late', reviewerId: 'bo', dueAt: at('2025-03-30T08:00:00Z') }),
    assignment({ id: 'done', dueAt: at('2025-03-30T08:00:00Z'), completedAt: at('2025-03-30T09:00:00Z') }),
    assignment({ id: 'future', dueAt: at('2025-04-30T08:00:00Z') }),
    assignment({ id: 'off', dueAt: at('2025-03-29T08:00:00Z'), cancelled: true }),
  ];
  const digest = (now: string, last: string | null) => planOverdueDigest({ now: at(now), timeZone: tz, assignments, digestHourLocal: 9, lastDigestDate: last });

  it('sends once per local day at or after the digest hour, listing only overdue open reviews', () => {
    expect(digest('2025-03-31T06:59:00Z', '2025-03-30')).toMatchObject({ send: false, reason: 'before_hour' }); // 08:59 CEST
    const d = digest('2025-03-31T07:00:00Z', '2025-03-30');
    expect(d).toMatchObject({ send: true, localDate: '2025-03-31', reason: 'due' });
    expect(d.overdue).toEqual([{ assignmentId: 'late', reviewerId: 'bo', dueAt: at('2025-03-30T08:00:00Z'), overdueMs: 23 * 3_600_000 }]);
    expect(digest('2025-03-31T15:00:00Z', '2025-03-31')).toMatchObject({ send: false, reason: 'sent_today' });
    // 22:30 UTC on the 31st is already 1 April in Berlin: a new local day, but before 09:00 there.
    expect(digest('2025-03-31T22:30:00Z', '2025-03-31')).toMatchObject({ send: false, reason: 'before_hour', localDate: '2025-04-01' });
    expect(digest('2025-04-01T07:00:00Z', '2025-03-31')).toMatchObject({ send: true, localDate: '2025-04-01' });
  });

  it('stays silent when nothing is overdue', () => {
    expect(digest('2025-03-30T07:00:00Z', null)).toMatchObject({ send: false, reason: 'nothing_overdue', overdue: [] });
  });
});
