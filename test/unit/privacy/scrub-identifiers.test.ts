import { describe, expect, it } from 'vitest';
import { createScrubber, REMOVED } from '../../../src/privacy/scrub-identifiers.js';

describe('createScrubber', () => {
  const s = createScrubber(['Ada Lovelace', 'Ada', 'ada@uni.example', '112233445566778899', '7', null, '  ']);

  it('removes names case-insensitively, longest first, inside free text', () => {
    expect(s.text('Reminder for ADA LOVELACE (ada@uni.example)')).toBe(`Reminder for ${REMOVED} (${REMOVED})`);
    expect(s.text('ada wrote')).toBe(`${REMOVED} wrote`);
    expect(s.text('Émile Zoë: Zoë’s essay')).toBe('Émile Zoë: Zoë’s essay');
    expect(createScrubber(['Zoë']).text('Émile Zoë: Zoë’s essay')).toBe(`Émile ${REMOVED}: ${REMOVED}’s essay`);
  });

  it('removes whole words only, so other names that contain one survive', () => {
    expect(s.text('Adam from Canada')).toBe('Adam from Canada');
    expect(s.text('id 9112233445566778899 is another user')).toBe('id 9112233445566778899 is another user');
  });

  it('leaves text without identifiers byte-identical', () => {
    expect(s.text('Grace Hopper, 7 comments')).toBe('Grace Hopper, 7 comments');
    const json = '{"a":  1}';
    expect(s.json(json)).toBe(json);
    expect(s.mentions(json)).toBe(false);
  });

  it('removes short ids only as whole values, never inside numbers or words', () => {
    expect(s.json('{"blogUserId":"7","count":7,"n":17,"t":"week 7"}')).toBe(`{"blogUserId":"${REMOVED}","count":7,"n":17,"t":"week 7"}`);
  });

  it('walks JSON keys, nested arrays and long numeric ids', () => {
    const out = JSON.parse(s.json('{"by":{"Ada Lovelace":[{"id":"112233445566778899"}]},"blog":987}'));
    expect(out).toEqual({ by: { [REMOVED]: [{ id: REMOVED }] }, blog: 987 });
    expect(createScrubber(['987654']).json('{"blog":987654}')).toBe(`{"blog":"${REMOVED}"}`);
  });

  it('says when a document mentions someone', () => {
    expect(s.mentions('{"studentName":"Ada Lovelace"}')).toBe(true);
    expect(s.mentions('not json but Ada is here')).toBe(true);
  });

  it('does nothing with no identifiers', () => {
    expect(createScrubber([]).text('anything')).toBe('anything');
  });
});
