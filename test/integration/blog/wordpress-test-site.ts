// What a contract test needs to know about a WordPress under test, fake or real.
import { createWordPressSource, type WordPressSourceOptions } from '../../../src/blog/wordpress/wordpress-source.js';
import type { BlogSource } from '../../../src/ports/blog-source.js';
import { createRestPersona, type RestPersona } from '../../../src/offline/wordpress-fake/rest-persona.js';
import type { WordPressFake } from '../../../src/offline/wordpress-fake/index.js';

export interface WordPressTestUser {
  id: number;
  login: string;
  appPassword: string;
  name: string;
  email: string;
}

export type TestLogin = 'admin' | 'bot' | 'student1' | 'student2';

export interface WordPressTestSite {
  /** 'fake' or 'real': the few places the two may differ are named in the suite. */
  kind: 'fake' | 'real';
  url: string;
  timezone: string;
  users: Record<TestLogin, WordPressTestUser>;
}

/** Counts requests by method and wp/v2 collection, so tests can see pagination happen. */
export function countingFetch(): { fetch: typeof fetch; calls: Array<{ method: string; url: string }> } {
  const calls: Array<{ method: string; url: string }> = [];
  const wrapped: typeof fetch = (input, init) => {
    calls.push({ method: init?.method ?? 'GET', url: input instanceof Request ? input.url : String(input) });
    return fetch(input, init);
  };
  return { fetch: wrapped, calls };
}

export function sourceFor(site: WordPressTestSite, login: TestLogin, extra: Partial<WordPressSourceOptions> = {}): BlogSource {
  const u = site.users[login];
  return createWordPressSource({
    baseUrl: site.url,
    auth: { kind: 'application_password', username: u.login, password: u.appPassword },
    retries: 1,
    sleep: async () => {},
    timeoutMs: 15_000,
    ...extra,
  });
}

export function personaFor(site: WordPressTestSite, login: TestLogin): RestPersona {
  const u = site.users[login];
  return createRestPersona(site.url, u.login, u.appPassword);
}

/** The in-process fake seen as a site under test, with its four users, in `timezone`. */
export function fakeTestSite(fake: WordPressFake, timezone: string): WordPressTestSite {
  const u = (k: TestLogin): WordPressTestUser => ({
    id: fake.users[k].id,
    login: fake.users[k].login,
    appPassword: fake.users[k].appPassword,
    name: fake.users[k].name,
    email: fake.users[k].email,
  });
  return { kind: 'fake', url: fake.url, timezone, users: { admin: u('admin'), bot: u('bot'), student1: u('student1'), student2: u('student2') } };
}
