import { beforeAll, describe, inject } from 'vitest';
import { wordpressSourceContract } from '../integration/blog/wordpress-contract.js';
import { forgetStudentComments } from './forget-student-comments.js';

// The contract also run against the fake (test/integration/blog/wordpress-source.test.ts), here
// against the real WordPress started by global-setup.ts.
// Its student test expects student2's first comment to be held, whatever the files before it left behind.
beforeAll(() => forgetStudentComments(inject('wordpress')), 120_000);

describe('WordPress source contract (real WordPress)', () => {
  wordpressSourceContract(() => inject('wordpress'));
});
