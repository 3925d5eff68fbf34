// The reminder-sweep bench's cases, shared by the seeding parent and the sweeping child.
export const due = new Date('2026-11-20T22:00:00Z'); // 48 h stage: 2026-11-18 22:00 UTC

export const cases = {
  // A week before the first stage, and the day after the 48 h stage went out to everyone.
  before: { label: 'before the first stage', at: new Date('2026-11-10T15:00:00Z') },
  between: { label: '48 h stage sent to all 150,000 (between stages)', at: new Date('2026-11-19T15:00:00Z') },
  // 23:00 in New York: the 24 h stage (17:00 the day before due) is owed to everyone, quiet hours postpone it.
  owed: { label: '24 h stage owed to all 150,000, in quiet hours (read in batches, postponed)', at: new Date('2026-11-20T04:00:00Z') },
};
export type CaseName = keyof typeof cases;
