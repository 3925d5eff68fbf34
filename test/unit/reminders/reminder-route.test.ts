import { describe, expect, it } from 'vitest';
import { reminderRoute, RETRY_CLOSED_DMS_MS } from '../../../src/core/reminders/reminder-route.js';

const now = new Date('2026-03-19T16:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);

describe('where a reminder goes', () => {
  it('a student without a Discord account cannot be reached, whatever they chose', () => {
    expect(reminderRoute({ discordUserId: null, reminderMode: 'channel', dmClosedAt: null }, now)).toEqual({ kind: 'unreachable', reason: 'no_discord' });
  });
  it('goes by DM by default, and to the reminder thread for a student who chose the channel', () => {
    expect(reminderRoute({ discordUserId: '1', reminderMode: 'dm', dmClosedAt: null }, now)).toEqual({ kind: 'dm' });
    expect(reminderRoute({ discordUserId: '1', reminderMode: 'channel', dmClosedAt: null }, now)).toMatchObject({ kind: 'thread', reason: 'chose_channel' });
  });
  it('goes to the reminder thread while a refused DM is recent, and tries the DM again after a week', () => {
    expect(reminderRoute({ discordUserId: '1', reminderMode: 'dm', dmClosedAt: ago(RETRY_CLOSED_DMS_MS - 60_000) }, now)).toMatchObject({
      kind: 'thread',
      reason: 'dm_closed',
    });
    expect(reminderRoute({ discordUserId: '1', reminderMode: 'dm', dmClosedAt: ago(7 * 24 * 3_600_000) }, now)).toEqual({ kind: 'dm' });
  });
});
