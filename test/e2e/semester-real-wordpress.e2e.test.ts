// Issue 12's "Done means", against a real WordPress (Debian's package, started by global-setup.ts): the same
// scripted semester and the same checks as the WordPress fake's test/integration/semester/semester-simulation.test.ts,
// with WordPress's own user visibility, comment flood limit and HTML in the loop.
import { afterAll, beforeAll, inject } from 'vitest';
import { createRestPersona } from '../../src/offline/wordpress-fake/index.js';
import { ManualClock } from '../../src/shared/clock.js';
import { startBotWorld } from '../support/bot-world.js';
import { forgetStudentComments } from './forget-student-comments.js';
import { describeSemester } from '../integration/semester/semester-checks.js';

describeSemester('a semester on a real WordPress', async () => {
  const site = inject('wordpress');
  const blog = { url: site.url, username: site.users.bot.login, appPassword: site.users.bot.appPassword };
  const clock = new ManualClock(new Date());
  const world = await startBotWorld({ clock, blog });
  return { world, clock, blog, persona: (login) => createRestPersona(site.url, site.users[login].login, site.users[login].appPassword) };
});

// The scripted term comments as the site's shared student accounts (forget-student-comments.ts says why that matters).
beforeAll(() => forgetStudentComments(inject('wordpress')), 120_000);
afterAll(() => forgetStudentComments(inject('wordpress')), 120_000);
