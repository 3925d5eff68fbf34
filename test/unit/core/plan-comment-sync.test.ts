import { describe, expect, it } from 'vitest';
import { planListedComment, planUnlistedComment, type StoredComment } from '../../../src/core/comments/plan-comment-sync.js';

const mirrored: StoredComment = { origin: 'blog', contentHash: 'h1', blogStatus: 'approved', removed: false };
const removed: StoredComment = { ...mirrored, blogStatus: 'hold', removed: true };
const reply: StoredComment = { origin: 'discord', contentHash: 'h1', blogStatus: 'approved', removed: false };
const listed = (stored: StoredComment | null, status: 'approved' | 'hold' | 'spam' | 'trash', contentHash = 'h1', echoOfDiscordReply = false) =>
  planListedComment({ stored, status, contentHash, echoOfDiscordReply }).kind;

describe('planListedComment', () => {
  it('posts a new approved blog comment, but not a held one or the echo of a Discord reply', () => {
    expect(listed(null, 'approved')).toBe('post');
    expect(listed(null, 'hold')).toBe('ignore');
    expect(listed(null, 'approved', 'h1', true)).toBe('ignore');
  });

  it('takes a mirrored comment out of the thread when it is held, spammed or trashed, and edits it when its text changes', () => {
    expect(listed(mirrored, 'hold')).toBe('remove');
    expect(listed(mirrored, 'spam')).toBe('remove');
    expect(listed(mirrored, 'trash')).toBe('remove');
    expect(listed(mirrored, 'approved', 'h2')).toBe('edit');
    expect(listed(mirrored, 'approved')).toBe('ignore');
  });

  it('brings a removed comment back when it is approved again, and leaves it out while it is not', () => {
    expect(listed(removed, 'approved')).toBe('restore');
    expect(listed(removed, 'approved', 'h2')).toBe('restore');
    expect(listed(removed, 'hold')).toBe('ignore');
    expect(listed(removed, 'trash')).toBe('ignore');
  });

  it('marks a Discord reply whenever its blog copy changes moderation status', () => {
    expect(planListedComment({ stored: reply, status: 'hold', contentHash: 'x', echoOfDiscordReply: false })).toEqual({ kind: 'mark', status: 'hold' });
    expect(listed({ ...reply, blogStatus: 'hold' }, 'approved')).toBe('mark');
    expect(listed(reply, 'approved')).toBe('ignore');
  });
});

describe('planUnlistedComment', () => {
  it('removes a mirrored comment missing from a complete listing only', () => {
    expect(planUnlistedComment({ stored: mirrored, listingComplete: true })).toEqual({ kind: 'remove', status: 'deleted' });
    expect(planUnlistedComment({ stored: mirrored, listingComplete: false }).kind).toBe('ignore');
    expect(planUnlistedComment({ stored: removed, listingComplete: true }).kind).toBe('ignore');
    expect(planUnlistedComment({ stored: reply, listingComplete: true }).kind).toBe('ignore');
  });
});
