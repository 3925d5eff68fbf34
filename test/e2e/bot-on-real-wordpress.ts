// The offline world with its course's blog on the REAL WordPress (the fake still starts, unused): what the e2e
// tests of the bot stand on, with the course already set up by /course setup and two of the site's people at hand.
import type { WordPressTestSite } from '../integration/blog/wordpress-test-site.js';
import { personaFor } from '../integration/blog/wordpress-test-site.js';
import type { RestPersona } from '../../src/offline/wordpress-fake/index.js';
import { startBotWorld, type BotWorld } from '../support/bot-world.js';

export interface BotOnRealWordPress {
  world: BotWorld;
  /** The student who publishes the essays. */
  student: RestPersona;
  /** The site's administrator, who sees every comment, held and trashed ones too. */
  admin: RestPersona;
}

/** `options` as startBotWorld's (the bot's HTTP server, the scheduler); the blog is always the real site. */
export async function startBotOnRealWordPress(
  site: WordPressTestSite,
  options: Omit<NonNullable<Parameters<typeof startBotWorld>[0]>, 'blog'> = {},
): Promise<BotOnRealWordPress> {
  const world = await startBotWorld({ ...options, blog: { url: site.url, username: site.users.bot.login, appPassword: site.users.bot.appPassword } });
  try {
    await world.setupCourse();
  } catch (error) {
    await world.close();
    throw error;
  }
  return { world, student: personaFor(site, 'student1'), admin: personaFor(site, 'admin') };
}
