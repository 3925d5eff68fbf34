// Fake-clock simulation of a 14-day round (20 March - 3 April 2025, Berlin) for 30 students with three
// reviews each, across the 30 March DST change, with a day of downtime and a late essay. The expected
// send times below were worked out by hand from the calendar (CET = UTC+1 until 30 March 01:00 UTC,
// CEST = UTC+2 after), not by calling the code under test.
import { beforeAll, describe, expect, it } from 'vitest';
import { planReminders, type ReminderAssignment } from '../../../src/core/reminders/plan-reminders.js';

const TZ = 'Europe/Berlin';
const QUIET = { start: '22:00', end: '08:00' };
const STEP = 5 * 60_000;
const START = Date.parse('2025-03-20T00:00:00Z');
const END = Date.parse('2025-04-03T00:00:00Z');
const DOWN_FROM = Date.parse('2025-03-25T06:00:00Z');
const DOWN_UNTIL = Date.parse('2025-03-26T12:00:00Z');
const LATE_CREATED = Date.parse('2025-03-30T12:00:00Z');

type Group = 'A' | 'B' | 'C' | 'D';
const DUE: Record<Group, string> = {
  A: '2025-03-31T08:00:00Z', // Mon 10:00 CEST
  B: '2025-03-30T21:30:00Z', // Sun 23:30 CEST (inside quiet hours)
  C: '2025-03-27T08:00:00Z', // Thu 09:00 CET (stages fall into the downtime)
  D: '2025-03-31T08:00:00Z', // late essay, assigned 30 March 14:00 CEST
};
/** Stage -> UTC instant the reminder must go out (absent: never). */
const EXPECTED: Record<Group, Record<string, string>> = {
  A: {
    before_48h: '2025-03-29T09:00:00Z', // Sat 10:00 CET
    before_24h: '2025-03-30T08:00:00Z', // Sun 10:00 CEST: the wall time holds across the change
    before_2h: '2025-03-31T06:00:00Z', // Mon 08:00 CEST, the first minute after quiet hours
    at_due: '2025-03-31T08:00:00Z',
  },
  B: {
    before_48h: '2025-03-29T07:00:00Z', // due Fri 23:30 CET (quiet) -> Sat 08:00 CET
    before_24h: '2025-03-30T06:00:00Z', // Sat 23:30 CET (quiet) -> Sun 08:00 CEST
    before_2h: '2025-03-30T19:30:00Z', // Sun 21:30 CEST
    at_due: '2025-03-31T06:00:00Z', // Sun 23:30 CEST (quiet) -> Mon 08:00 CEST
  },
  C: {
    // before_48h (Tue 09:00) fell in the downtime and is superseded by before_24h, also missed:
    before_24h: '2025-03-26T12:00:00Z', // sent once, when the bot comes back (13:00 CET)
    before_2h: '2025-03-27T07:00:00Z', // Thu 07:00 CET (quiet) -> 08:00 CET
    at_due: '2025-03-27T08:00:00Z',
  },
  D: {
    before_24h: '2025-03-30T12:00:00Z', // both day-stages had passed at creation: only the latest
    before_2h: '2025-03-31T06:00:00Z',
    at_due: '2025-03-31T08:00:00Z',
  },
};
const COMPLETED_AT: Record<Group, string> = {
  A: '2025-03-30T09:00:00Z', // after before_24h
  B: '2025-03-29T05:00:00Z', // before any reminder
  C: '2025-03-26T10:00:00Z', // during the downtime
  D: '2025-03-31T07:00:00Z', // between before_2h and at_due
};

interface Row extends ReminderAssignment {
  group: Group;
  createdAt: number;
}

function buildRound(): Row[] {
  const rows: Row[] = [];
  for (let s = 0; s < 30; s++) {
    const group: Group = s < 10 ? 'A' : s < 20 ? 'B' : 'C';
    for (let j = 0; j < 3; j++) {
      rows.push({
        id: `st${s}-r${j}`,
        reviewerId: `st${s}`,
        group,
        createdAt: START,
        dueAt: new Date(DUE[group]),
        completedAt: j === 0 && s % 3 === 0 ? new Date(COMPLETED_AT[group]) : null,
        cancelled: j === 1 && s % 7 === 0,
      });
    }
  }
  for (let s = 0; s < 3; s++) {
    rows.push({
      id: `st${s}-late`,
      reviewerId: `st${s}`,
      group: 'D',
      createdAt: LATE_CREATED,
      dueAt: new Date(DUE.D),
      completedAt: s === 1 ? new Date(COMPLETED_AT.D) : null,
      cancelled: false,
    });
  }
  return rows;
}

/** Berlin wall-clock hour from a hand-written offset table (not Intl), to check quiet hours independently. */
function berlinHour(t: number): number {
  const offsetH = t < Date.parse('2025-03-30T01:00:00Z') ? 1 : 2;
  return (new Date(t).getUTCHours() + offsetH) % 24;
}

describe('reminder planning over a 14-day round with a DST change (5-minute fake clock)', () => {
  const rows = buildRound();
  // The "database": reminder keys recorded with the instant they were sent. A restart keeps it.
  const sentAt = new Map<string, number>();
  const postponedSeen = new Set<string>();
  const duplicates: string[] = [];
  beforeAll(() => {
    for (let now = START; now <= END; now += STEP) {
      if (now >= DOWN_FROM && now < DOWN_UNTIL) continue; // the bot is down
      const visible = rows.filter((r) => r.createdAt <= now);
      // Two processes sweep at the same tick; the second sees the first one's recorded intents.
      for (let proc = 0; proc < 2; proc++) {
        const plan = planReminders({ now: new Date(now), courseTimeZone: TZ, quietHours: QUIET, assignments: visible, alreadySent: sentAt });
        for (const p of plan.postponed) postponedSeen.add(p.key);
        for (const d of plan.due) {
          if (sentAt.has(d.key)) duplicates.push(d.key);
          sentAt.set(d.key, now);
        }
      }
    }
  });

  it('sends exactly the expected reminders at the expected instants', () => {
    const expected = new Map<string, string>();
    for (const r of rows) {
      if (r.cancelled) continue;
      for (const [stage, when] of Object.entries(EXPECTED[r.group])) {
        if (r.completedAt && r.completedAt.getTime() <= Date.parse(when)) continue;
        expected.set(`${r.id}:${stage}`, when);
      }
    }
    const actual = new Map([...sentAt].map(([k, t]) => [k, new Date(t).toISOString().replace('.000', '')]));
    expect(Object.fromEntries([...actual].sort())).toEqual(Object.fromEntries([...expected].sort()));
    expect(actual.size).toBeGreaterThan(250);
  });

  it('never sends in quiet hours, never twice, never for done or cancelled reviews', () => {
    expect(duplicates).toEqual([]);
    for (const [key, t] of sentAt) {
      const h = berlinHour(t);
      expect(h >= 8 && h < 22, `${key} at ${new Date(t).toISOString()} (local ${h}h)`).toBe(true);
      const row = rows.find((r) => key.startsWith(`${r.id}:`))!;
      expect(row.cancelled).toBe(false);
      if (row.completedAt) expect(t).toBeLessThan(row.completedAt.getTime());
    }
  });

  it('reported the night-time stages as postponed before sending them', () => {
    expect(postponedSeen.has('st10-r1:before_48h')).toBe(true);
    expect(postponedSeen.has('st10-r1:at_due')).toBe(true);
    expect(postponedSeen.has('st1-r0:before_48h')).toBe(false); // 10:00, never postponed
  });
});
