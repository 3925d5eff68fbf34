// Shared by the WordPress source contract's two halves (wordpress-contract.ts, wordpress-comments-contract.ts):
// the BlogError a call must fail with, titles no earlier run on the same site used, and an essay published
// by student1 with curly quotes and a dash in its text.
import { expect } from 'vitest';
import { BlogError } from '../../../src/ports/blog-source.js';
import { personaFor, type WordPressTestSite } from './wordpress-test-site.js';

export async function blogError(p: Promise<unknown>): Promise<BlogError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(BlogError);
  return e as BlogError;
}

let seq = 0;
export const unique = (label: string) => `${label} ${Date.now().toString(36)}-${++seq}`;

export const publishEssay = (site: WordPressTestSite, title: string, content = '<p>It’s “quoted” — and dashed.</p>') =>
  personaFor(site, 'student1').publishPost({ title, content });
