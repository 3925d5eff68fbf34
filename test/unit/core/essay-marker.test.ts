import { describe, expect, it } from 'vitest';
import { essayThreadMarker, starterCarriesMarker } from '../../../src/core/essays/essay-marker.js';
import { buildEssayStarter } from '../../../src/core/format/index.js';

const starter = (url: string, authorLabel = 'Alice Student') =>
  buildEssayStarter({
    title: 'On the thaw',
    authorLabel,
    url,
    publishedAt: new Date('2026-10-01T12:00:00Z'),
    timeZone: 'UTC',
    excerptMarkdown: 'x',
    featuredImageUrl: null,
  }).content;

describe('the essay thread marker', () => {
  it('is a whole line of the starter message the bot writes, even when the author label is dropped', () => {
    for (const label of ['Alice Student', 'A'.repeat(3_000)]) {
      const url = 'https://blog.example.edu/archives/1';
      expect(starterCarriesMarker(starter(url, label), essayThreadMarker(url))).toBe(true);
    }
  });

  it('tells /archives/1 from /archives/12 and /?p=1 from /?p=12', () => {
    for (const [one, twelve] of [
      ['https://blog.example.edu/archives/1', 'https://blog.example.edu/archives/12'],
      ['https://blog.example.edu/?p=1', 'https://blog.example.edu/?p=12'],
    ] as const) {
      expect(starterCarriesMarker(starter(twelve), essayThreadMarker(one))).toBe(false);
      expect(starterCarriesMarker(starter(one), essayThreadMarker(twelve))).toBe(false);
      expect(starterCarriesMarker(starter(one), essayThreadMarker(one))).toBe(true);
    }
  });
});
