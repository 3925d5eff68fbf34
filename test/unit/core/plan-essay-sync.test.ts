import { describe, expect, it } from 'vitest';
import { advanceCursor, planEssaySync } from '../../../src/core/essays/plan-essay-sync.js';

const setup = new Date('2026-09-01T12:00:00Z');
const after = new Date('2026-09-02T08:00:00Z');
const before = new Date('2026-08-20T08:00:00Z');

describe('planEssaySync', () => {
  it('creates a thread for a new published essay after setup', () => {
    expect(planEssaySync({ stored: null, incoming: { status: 'publish', publishedAt: after }, renderedHash: 'a', announceSince: setup })).toEqual({
      kind: 'create',
    });
  });

  it('does not announce essays published before setup (no flood), but a backfill date does', () => {
    expect(planEssaySync({ stored: null, incoming: { status: 'publish', publishedAt: before }, renderedHash: 'a', announceSince: setup })).toEqual({
      kind: 'ignore',
      reason: 'before_ingest_start',
    });
    expect(
      planEssaySync({ stored: null, incoming: { status: 'publish', publishedAt: before }, renderedHash: 'a', announceSince: new Date('2026-08-01') }),
    ).toEqual({ kind: 'create' });
  });

  it('ignores drafts it has never announced', () => {
    expect(planEssaySync({ stored: null, incoming: { status: 'draft', publishedAt: after }, renderedHash: 'a', announceSince: setup }).kind).toBe('ignore');
  });

  it('updates only when what the thread shows changed', () => {
    const stored = { blogStatus: 'published' as const, renderedHash: 'a', threadState: 'created' as const };
    expect(planEssaySync({ stored, incoming: { status: 'publish', publishedAt: after }, renderedHash: 'a', announceSince: setup }).kind).toBe('ignore');
    expect(planEssaySync({ stored, incoming: { status: 'publish', publishedAt: after }, renderedHash: 'b', announceSince: setup }).kind).toBe('update');
  });

  it('closes the thread once when the essay is unpublished or deleted', () => {
    const stored = { blogStatus: 'published' as const, renderedHash: 'a', threadState: 'created' as const };
    expect(planEssaySync({ stored, incoming: { status: 'draft', publishedAt: after }, renderedHash: 'a', announceSince: setup })).toEqual({
      kind: 'close',
      reason: 'unpublished',
    });
    expect(planEssaySync({ stored, incoming: { status: 'trash', publishedAt: after }, renderedHash: 'a', announceSince: setup })).toEqual({
      kind: 'close',
      reason: 'deleted',
    });
    const closed = { ...stored, blogStatus: 'unpublished' as const };
    expect(planEssaySync({ stored: closed, incoming: { status: 'draft', publishedAt: after }, renderedHash: 'a', announceSince: setup }).kind).toBe('ignore');
  });

  it('reopens an essay published again, whether or not its text changed', () => {
    for (const blogStatus of ['unpublished', 'deleted'] as const) {
      const stored = { blogStatus, renderedHash: 'a', threadState: 'locked' as const };
      expect(planEssaySync({ stored, incoming: { status: 'publish', publishedAt: after }, renderedHash: 'a', announceSince: setup }).kind).toBe('reopen');
      expect(planEssaySync({ stored, incoming: { status: 'publish', publishedAt: after }, renderedHash: 'b', announceSince: setup }).kind).toBe('reopen');
    }
  });
});

describe('advanceCursor', () => {
  it('moves to the newest published or modified time and never backwards', () => {
    const a = { publishedAt: new Date('2026-09-02T00:00:00Z'), modifiedAt: new Date('2026-09-03T00:00:00Z') };
    const b = { publishedAt: new Date('2026-09-01T00:00:00Z'), modifiedAt: new Date('2026-09-01T00:00:00Z') };
    const later = new Date('2027-01-01T00:00:00Z');
    expect(advanceCursor(null, [a, b], later)).toEqual(new Date('2026-09-03T00:00:00Z'));
    expect(advanceCursor(new Date('2026-10-01T00:00:00Z'), [a], later)).toEqual(new Date('2026-10-01T00:00:00Z'));
    expect(advanceCursor(null, [], later)).toBeNull();
  });

  it('never passes the moment the listing was requested, whatever the blog dates its posts', () => {
    const listedAt = new Date('2026-09-10T12:00:00Z');
    const scheduled = { publishedAt: new Date('2026-09-13T09:00:00Z'), modifiedAt: new Date('2026-09-10T11:59:00Z') };
    const earlier = { publishedAt: new Date('2026-09-10T11:00:00Z'), modifiedAt: new Date('2026-09-10T11:00:00Z') };
    expect(advanceCursor(null, [earlier, scheduled], listedAt)).toEqual(listedAt);
    expect(advanceCursor(null, [earlier], listedAt)).toEqual(earlier.publishedAt);
    // A cursor left in the future by an older version comes back to the present.
    expect(advanceCursor(scheduled.publishedAt, [earlier], listedAt)).toEqual(listedAt);
  });
});
