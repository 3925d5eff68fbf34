// Names Discord would refuse for a mirrored blog comment, and what readers see instead. Expected
// strings are written by hand; \u043E and \u0435 are the Cyrillic о and е that look like Latin o and e.
import { describe, expect, it } from 'vitest';
import { webhookUsername } from '../../../src/core/format/webhook-username.js';
import { itConverts } from './conversion-cases.js';

describe('a blog commenter’s name shown in Discord', () => {
  it('keeps ordinary names exactly, accents, punctuation and emoji included', () => {
    for (const name of ['Bob Student', 'Zoë Ó Dálaigh 🎓', 'Everyone’s friend', 'Here and there', 'd']) expect(webhookUsername(name)).toBe(name);
  });

  itConverts(webhookUsername, [
    [
      '"Discord Fan" reads the same but no longer contains the word Discord refuses',
      ['Discord Fan', 'Disc\u043Erd Fan'],
      ['DISCORD mod, discord fan', 'DISC\u041ERD mod, disc\u043Erd fan'],
      ['Bonnie & Clyde', 'Bonnie & Clyd\u0435'],
      ['CLYDE', 'CLYD\u0415'],
    ],
    ['a forbidden word hidden by a zero-width space is treated as the word Discord sees', ['disc\u200Bord', 'disc\u043Erd']],
    ['"everyone" and "here" get a suffix instead of being refused', ['everyone', 'everyone (blog)'], ['  Here ', 'Here (blog)']],
  ]);

  it('an empty or blank name becomes "Blog reader"', () => {
    for (const name of ['', '   ', '\u200B', null, undefined]) expect(webhookUsername(name)).toBe('Blog reader');
  });

  it('a name over 80 characters is cut to 80 with an ellipsis; 80 characters stay whole', () => {
    const long = 'Professor Maximiliana Konstantinovna Rostropovich-Weatherington of the Department of Slavic Studies';
    expect(webhookUsername(long)).toBe('Professor Maximiliana Konstantinovna Rostropovich-Weatherington of the Departme…');
    expect([...webhookUsername(long)]).toHaveLength(80);
    expect(webhookUsername('y'.repeat(80))).toBe('y'.repeat(80));
    // Characters, not UTF-16 units: 80 emoji are 80 characters.
    expect(webhookUsername('🎓'.repeat(81))).toBe(`${'🎓'.repeat(79)}…`);
  });

  itConverts(webhookUsername, [['collapses runs of whitespace as Discord does', [' Ana \n  María ', 'Ana María']]]);
});
