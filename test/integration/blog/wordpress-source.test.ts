import { afterAll, beforeAll, describe } from 'vitest';
import { startWordPressFake, type WordPressFake } from '../../../src/offline/wordpress-fake/index.js';
import { wordpressSourceContract } from './wordpress-contract.js';
import { fakeTestSite, type WordPressTestSite } from './wordpress-test-site.js';

// The same contract as test/e2e/wordpress-source.e2e.test.ts, against the in-process fake.
describe('WordPress source contract (fake)', () => {
  let fake: WordPressFake;
  let site: WordPressTestSite;
  beforeAll(async () => {
    fake = await startWordPressFake({ timezone: 'America/Chicago' });
    site = fakeTestSite(fake, 'America/Chicago');
  });
  afterAll(() => fake.close());
  wordpressSourceContract(() => site);
});
