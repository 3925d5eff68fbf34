// Issue 12's "Done means", against a real WordPress (Debian's package, started by global-setup.ts): the same
// scripted semester and the same checks as the WordPress fake's test/integration/semester/semester-simulation.test.ts,
// with WordPress's own user visibility, comment flood limit and HTML in the loop.
import { afterAll, inject } from 'vitest';
import { createRestPersona } from '../../src/offline/wordpress-fake/index.js';
import { ManualClock } from '../../src/shared/clock.js';
import { startBotWorld } from '../support/bot-world.js';
import { describeSemester } from '../integration/semester/semester-checks.js';

describeSemester('a semester on a real WordPress', async () => {
  const site = inject('wordpress');
  const blog = { url: site.url, username: site.users.bot.login, appPassword: site.users.bot.appPassword };
  const clock = new ManualClock(new Date());
  const world = await startBotWorld({ clock, blog });
  return { world, clock, blog, persona: (login) => createRestPersona(site.url, site.users[login].login, site.users[login].appPassword) };
});

// The scripted term leaves comments by the site's shared student accounts, some approved by staff. WordPress then
// approves those accounts' next comments at once (comment_previously_approved) and refuses a second one within
// 15 s (comment flood), and the e2e files that run after this one expect a student's first comment to be held.
// So the term takes its comments away for good when it ends.
afterAll(async () => {
  const site = inject('wordpress');
  const admin = createRestPersona(site.url, site.users.admin.login, site.users.admin.appPassword);
  for (const login of ['student1', 'student2'] as const) {
    for (const status of ['all', 'trash', 'spam']) {
      for (;;) {
        const page = await admin.request<{ id: number }[]>('GET', 'comments', {
          query: { author: site.users[login].id, status, context: 'edit', per_page: 100 },
        });
        if (page.status !== 200 || page.json.length === 0) break;
        let deleted = 0;
        for (const c of page.json) if ((await admin.request('DELETE', `comments/${c.id}`, { query: { force: 'true' } })).status === 200) deleted++;
        if (deleted === 0) throw new Error(`could not delete ${login}'s ${status} comments after the semester`);
      }
    }
  }
}, 120_000);
