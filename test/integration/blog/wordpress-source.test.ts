import { afterAll, beforeAll, describe } from 'vitest';
import { startWordPressFake, type WordPressFake } from '../../../src/offline/wordpress-fake/index.js';
import { wordpressSourceContract } from './wordpress-contract.js';
import type { WordPressTestSite } from './wordpress-test-site.js';

// The same contract as test/e2e/wordpress-source.e2e.test.ts, against the in-process fake.
describe('WordPress source contract (fake)', () => {
  let fake: WordPressFake;
  let site: WordPressTestSite;
  beforeAll(async () => {
    fake = await startWordPressFake({ timezone: 'America/Chicago' });
    const u = (k: keyof WordPressFake['users']) => ({
      id: fake.users[k].id,
      login: fake.users[k].login,
      appPassword: fake.users[k].appPassword,
      name: fake.users[k].name,
      email: fake.users[k].email,
    });
    site = {
      kind: 'fake',
      url: fake.url,
      timezone: 'America/Chicago',
      users: { admin: u('admin'), bot: u('bot'), student1: u('student1'), student2: u('student2') },
    };
  });
  afterAll(() => fake.close());
  wordpressSourceContract(() => site);
});
