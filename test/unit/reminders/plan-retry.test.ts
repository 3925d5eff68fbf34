// planRetry: what an interrupted reminder does when a later sweep picks it up. Expected instants are
// worked out by hand (New York is UTC-4 in late March 2026; Tokyo is UTC+9 all year).
import { describe, expect, it } from 'vitest';
import { planRetry, type RetryInput } from '../../../src/core/reminders/plan-retry.js';

const Z = (iso: string) => new Date(iso);
// Due Sun Mar 22 21:55 EDT; stages 48 h (Fri 21:55 EDT), 24 h (Sat 21:55 EDT), 2 h (Sun 19:55 EDT).
const base: RetryInput = {
  now: Z('2026-03-21T02:10:00Z'),
  stage: 'before_48h',
  dueAt: Z('2026-03-23T01:55:00Z'),
  stagesBeforeDue: [48, 24, 2],
  courseTimeZone: 'America/New_York',
  quietTimeZone: 'America/New_York',
  quietHours: { start: '22:00', end: '07:00' },
};

describe('an interrupted reminder picked up again', () => {
  it('at 22:10 in quiet hours 22:00-07:00 waits until 07:00 the next morning', () => {
    expect(planRetry(base)).toEqual({ action: 'postpone', until: Z('2026-03-21T11:00:00Z') });
  });

  it('is sent once quiet hours are over', () => {
    expect(planRetry({ ...base, now: Z('2026-03-21T11:00:00Z') })).toEqual({ action: 'send' });
  });

  it('is sent at any hour when the course has no quiet hours', () => {
    expect(planRetry({ ...base, quietHours: null })).toEqual({ action: 'send' });
  });

  it('keeps the quiet hours of the student’s own zone: 10:10 in New York is 23:10 in Tokyo', () => {
    const now = Z('2026-03-21T14:10:00Z');
    expect(planRetry({ ...base, now })).toEqual({ action: 'send' });
    // Tokyo 07:00 on Sun Mar 22 = Sat 22:00Z.
    expect(planRetry({ ...base, now, quietTimeZone: 'Asia/Tokyo' })).toEqual({ action: 'postpone', until: Z('2026-03-21T22:00:00Z') });
  });

  it('the 48 h stage is not sent once the 24 h stage has come', () => {
    expect(planRetry({ ...base, now: Z('2026-03-22T01:55:00Z') })).toEqual({ action: 'superseded', by: 'before_24h' });
    expect(planRetry({ ...base, now: Z('2026-03-22T01:54:00Z'), quietHours: null })).toEqual({ action: 'send' });
  });

  it('names the latest stage that replaced it, even during quiet hours', () => {
    expect(planRetry({ ...base, now: Z('2026-03-23T02:30:00Z') })).toEqual({ action: 'superseded', by: 'at_due' });
  });

  it('the at-due reminder is never superseded, even long after', () => {
    expect(planRetry({ ...base, stage: 'at_due', now: Z('2026-03-23T15:00:00Z') })).toEqual({ action: 'send' });
  });

  it('a stage staff have since removed gives way to any configured stage that has come', () => {
    expect(planRetry({ ...base, stage: 'before_72h', now: Z('2026-03-21T14:00:00Z') })).toEqual({ action: 'superseded', by: 'before_48h' });
  });
});
