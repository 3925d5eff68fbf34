// The e2e files share one WordPress and its two student accounts. WordPress remembers a student's comments:
// once one is approved it approves the next at once (comment_previously_approved), and it refuses a second
// comment within 15 s (comment flood). A file that needs "a student's first comment is held" starts by deleting
// the students' comments for good, so it does not depend on which files ran before it.
import { createRestPersona } from '../../src/offline/wordpress-fake/index.js';
import type { WordPressTestSite } from '../integration/blog/wordpress-test-site.js';

export async function forgetStudentComments(site: WordPressTestSite): Promise<void> {
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
        if (deleted === 0) throw new Error(`could not delete ${login}'s ${status} comments`);
      }
    }
  }
}
