// Issue 12's "Done means", against the WordPress fake: a whole semester started only from what people do
// (slash commands, buttons, blog posts and comments, Discord replies), checked against the truth the script
// keeps itself. The same scenario runs against a real WordPress in test/e2e/semester-real-wordpress.e2e.test.ts.
import { ManualClock } from '../../../src/shared/clock.js';
import { startBotWorld } from '../../support/bot-world.js';
import { describeSemester } from './semester-checks.js';

describeSemester('a semester on the WordPress fake', async () => {
  const clock = new ManualClock(new Date());
  const world = await startBotWorld({ clock });
  const blog = { url: world.wp.url, username: world.wp.users.bot.login, appPassword: world.wp.users.bot.appPassword };
  return { world, clock, blog, persona: (login) => world.wp.as(login) };
});
