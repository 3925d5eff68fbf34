import { describe, inject } from 'vitest';
import { wordpressSourceContract } from '../integration/blog/wordpress-contract.js';

// The contract also run against the fake (test/integration/blog/wordpress-source.test.ts), here
// against the real WordPress started by global-setup.ts.
describe('WordPress source contract (real WordPress)', () => {
  wordpressSourceContract(() => inject('wordpress'));
});
