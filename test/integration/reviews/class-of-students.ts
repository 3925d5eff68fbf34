// A class built the way a course builds it: each student has a Discord account in the server and a blog
// account, staff import the roster CSV, every student publishes one essay, staff run /sync now.
import { makeUser } from '../../../src/offline/wordpress-fake/state.js';
import type { BotWorld } from '../../support/bot-world.js';
import { runAs } from '../../support/course-world.js';
import { pressButton } from '../../support/staff-command.js';

export { runAs };

export interface ClassStudent {
  name: string;
  discordId: string;
  discordName: string;
  blogLogin: string;
  essayTitle: string;
  essayUrl: string;
}

export async function enrolClass(world: BotWorld, size: number): Promise<ClassStudent[]> {
  const students: ClassStudent[] = [];
  for (let i = 1; i <= size; i++) {
    const n = String(i).padStart(2, '0');
    const discordName = `learner${n}`;
    const user = world.emu.createUser({ username: discordName, globalName: `Learner ${n}` });
    world.emu.addMember(world.guildId, user.id);
    const blogLogin = `writer${n}`;
    // The blog's admin created an account for each student (WordPress: Users → Add New).
    world.wp.state.users.push(makeUser(1_000 + i, blogLogin, 'author', `Writer ${n}`));
    students.push({ name: `Learner ${n}`, discordId: user.id, discordName, blogLogin, essayTitle: `Essay number ${n}`, essayUrl: '' });
  }
  const csv = ['name,email,discord,blog username', ...students.map((s) => `${s.name},${s.blogLogin}@uni.edu,${s.discordId},${s.blogLogin}`)].join('\n');
  const imported = await runAs(world, world.instructorId, 'roster', 'import', {
    file: { attachment: { filename: 'roster.csv', contentType: 'text/csv', data: Buffer.from(csv) } },
  });
  if (!/import/i.test(imported.content)) throw new Error(`roster import failed: ${imported.content}`);
  for (const s of students)
    s.essayUrl = (await world.wp.as(s.blogLogin).publishPost({ title: s.essayTitle, content: `<p>${s.essayTitle}: an argument.</p>` })).link;
  // A thread per essay: on a busy machine (or PostgreSQL) a class of 60 takes a while.
  await runAs(world, world.instructorId, 'sync', 'now', {}, 150_000);
  return students;
}

/** /reviews assign then Confirm, as staff do; returns the confirm reply. */
export async function assignAndConfirm(world: BotWorld, options: { name: string; due: string; reviews: number }) {
  const preview = await runAs(world, world.instructorId, 'reviews', 'assign', options);
  const confirmId = /"custom_id":"(reviews:confirm:[^"]+)"/.exec(JSON.stringify(preview.components))?.[1];
  if (!confirmId) throw new Error(`no Confirm button: ${preview.content}`);
  return pressButton(world, world.instructorId, preview, confirmId).response(60_000);
}

export const inDays = (days: number, time = '23:00') => `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)} ${time}`;

/** A /reviews list page's lines, "⏳ Learner 07 → “Essay number 12” by Learner 12", as [reviewer, essay title]. */
export function pairsOnPage(content: string): Array<[string, string]> {
  return [...content.matchAll(/^[⏳✅] (.+?) → “(.+?)” by /gmu)].map((m) => [m[1]!, m[2]!]);
}
