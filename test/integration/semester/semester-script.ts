// The semester, scripted from what people do (issue 12, "Done means"). Staff set up the course and import a
// roster with blog usernames and one wrong Discord handle; students publish (before the bot can link them,
// one essay only images), staff post an announcement, people comment in Discord and on the blog, Bob links
// late with /link claim, staff fix Erin's row, a round of 2 reviews each is previewed and confirmed, an essay
// arrives late, and the clock walks through the round's reminder stages across Europe's DST change.
// Every event is written to the Ledger as it happens; the bot's answers are kept for the assertions.
import type { InteractionResponseView } from '../../../src/offline/discord-emulator/interaction-tracker.js';
import { CAST, DMS_CLOSED, Ledger, MIN_WORDS, ROUND, STAGES, STUDENTS, TIME_ZONE, words, type StudentKey } from './semester-cast.js';
import { csvFile, people, type SemesterWorld } from './semester-people.js';
import { readPairs, reminderSnapshot, type ListedPair, type ReminderSnapshot } from './semester-observe.js';

export const TITLES = {
  aliceThaw: 'Alice on the Thaw',
  alicePictures: 'Alice in Pictures',
  bobGulag: 'Bob on the Gulag',
  bobArchives: 'Bob on the Archives',
  announcement: 'Week 1 announcement',
  aliceLate: 'Alice on Late Stalinism',
} as const;

export interface SemesterRun {
  ledger: Ledger;
  ids: Record<StudentKey, string>;
  firstImport: InteractionResponseView;
  linkDm: string[];
  preview: InteractionResponseView;
  confirmed: InteractionResponseView;
  pairs: ListedPair[];
  /** /reviews list again once the deadline has passed, with its done marks. */
  pairsAfterDue: ListedPair[];
  /** New reminders seen half an hour before the 48 h stage (local calendar), at each stage, and at a repeat of each stage. */
  beforeFirstStage: ReminderSnapshot;
  stages: { stage: string; sent: ReminderSnapshot; repeat: ReminderSnapshot; sendNow: string }[];
  staffChannelReminders: number;
  report: InteractionResponseView;
  csv: InteractionResponseView;
  chart: InteractionResponseView;
  reminderThreadId: string;
}

export async function runSemester(sw: SemesterWorld): Promise<SemesterRun> {
  const p = people(sw);
  const { world } = sw;
  const ledger = new Ledger();
  const staff = world.instructorId;
  const [aliceId, bobId] = world.studentIds;
  const extra = (key: StudentKey) => {
    const user = p.emu.createUser({ username: CAST[key].discordUsername, globalName: CAST[key].name });
    p.emu.addMember(world.guildId, user.id);
    return user.id;
  };
  const ids: Record<StudentKey, string> = { alice: aliceId, bob: bobId, carol: extra('carol'), dan: extra('dan'), erin: extra('erin') };

  const setup = await p.run(staff, 'course', 'setup', {
    name: 'HIST 214',
    channel: world.forumId,
    blog_kind: 'wordpress',
    blog_url: sw.blog.url,
    staff_role: world.staffRoleId,
    time_zone: TIME_ZONE,
    blog_user: sw.blog.username,
    blog_password: sw.blog.appPassword,
    staff_channel: world.staffChannelId,
    ends_on: '2027-06-30',
    min_words: MIN_WORDS,
  });
  if (!setup.content.startsWith('Course set up')) throw new Error(`course setup: ${setup.content}`);

  // Bob's row has no blog username (he will claim his account); Erin's Discord handle is mistyped.
  const roster = (erinHandle: string) =>
    [
      'name,email,discord,blog username',
      ...STUDENTS.map((s) => {
        const c = CAST[s];
        return `${c.name},${c.email},${s === 'erin' ? erinHandle : c.discordUsername},${s === 'alice' ? c.blogLogin : ''}`;
      }),
    ].join('\n') + '\n';
  const firstImport = await p.run(staff, 'roster', 'import', { file: csvFile('roster.csv', roster('erin.typo')) });

  const post: Record<string, number> = {};
  const publish = async (login: 'admin' | 'student1' | 'student2', title: string, html: string, author: StudentKey | 'staff') => {
    post[title] = await p.publish(login, title, html);
    ledger.essay(title, author);
  };
  await publish('student1', TITLES.aliceThaw, '<p>Khrushchev’s thaw opened the archives — a little.</p>', 'alice');
  await publish('admin', TITLES.announcement, '<p>Read chapter 9 and comment on two essays.</p>', 'staff');
  await publish('student2', TITLES.bobGulag, '<p>The camps after 1953.</p>', 'bob');
  await publish('student2', TITLES.bobArchives, '<p>What the archives show, and what they hide.</p>', 'bob');
  await publish('student1', TITLES.alicePictures, '<p><img src="https://example.org/poster-1957.jpg" alt="" /></p>', 'alice');
  // The blog shows an account to the bot once it has published: staff name the instructor's after the announcement.
  const staffPosts = await p.run(staff, 'course', 'staff_posts', { blog_username: 'admin' });
  if (!staffPosts.content.includes('Staff posts')) throw new Error(`staff posts: ${staffPosts.content}`);
  await p.run(staff, 'sync', 'now');
  for (const title of Object.keys(post)) await p.threadOf(title);

  // Talk before the round: short comments (they count as comments, never as reviews).
  const say = async (by: StudentKey, title: string, where: 'discord' | 'blog', text: string) => {
    if (where === 'discord') await p.discordReply(ids[by], title, post[title]!, text);
    else await p.blogComment(CAST[by].blogLogin!, post[title]!, text);
    ledger.comment(by, title, where, text);
  };
  await say('carol', TITLES.aliceThaw, 'discord', 'Which archives opened first, and to whom?');
  await say('bob', TITLES.aliceThaw, 'blog', 'Good start — I would add the 1956 speech.'); // before Bob is linked
  await say('alice', TITLES.bobGulag, 'blog', 'The numbers here are striking.');
  await say('dan', TITLES.bobArchives, 'discord', 'Which fonds did you read? The party ones seem thin.');

  // Bob links late: /link claim, then the code as a comment on his own essay (not participation).
  const claim = await p.run(bobId, 'link', 'claim', { blog_username: CAST.bob.blogLogin });
  const code = /`(CT-[A-Z0-9]{4}-[A-Z0-9]{4})`/.exec(claim.content)?.[1];
  if (!code) throw new Error(`link claim: ${claim.content}`);
  await p.blogComment('student2', post[TITLES.bobGulag]!, `My code: ${code}`);
  ledger.comment('bob', TITLES.bobGulag, 'blog', `My code: ${code}`);
  await p.run(staff, 'sync', 'now');
  const linkDm = await p.emu.waitFor(
    () => {
      const dms = p.emu
        .dmsTo(bobId)
        .map((m) => m.content)
        .filter((c) => c.includes('is now linked'));
      return dms.length ? dms : undefined;
    },
    20_000,
    'Bob told he is linked',
  );

  // Staff fix Erin's handle (a roster edit), Carol and Dan close their DMs, and the round is assigned.
  await p.run(staff, 'roster', 'import', { file: csvFile('roster.csv', roster(CAST.erin.discordUsername)) });
  for (const s of DMS_CLOSED) p.emu.setDmClosed(ids[s]);
  const preview = await p.run(staff, 'reviews', 'assign', { name: ROUND.name, due: ROUND.dueInput, reviews: ROUND.reviews });
  const confirmed = await p.pressConfirm(staff, preview);
  ledger.roundConfirmed = true;

  await publish('student1', TITLES.aliceLate, '<p>Zhdanov, and what came after.</p>', 'alice');
  await p.run(staff, 'sync', 'now');
  await p.threadOf(TITLES.aliceLate);
  await p.run(staff, 'reminders', 'send-now'); // the sweep gives the late essay its reviewers
  const pairs = await readPairs(p, staff, ROUND.name);

  // Reviews written: Carol's first in Discord, Alice's first on the blog (long enough); Bob's first too short.
  const first = (s: StudentKey) => pairs.find((x) => x.reviewer === CAST[s].name)!;
  await say('carol', first('carol').title, 'discord', words(MIN_WORDS + 10, first('carol').title));
  await say('alice', first('alice').title, 'blog', words(MIN_WORDS + 3, first('alice').title));
  await say('bob', first('bob').title, 'blog', words(MIN_WORDS - 10, first('bob').title));
  await p.run(staff, 'sync', 'now');

  const reminderThreadId = p.emu.findThreadByName('Review reminders', world.forumId)!.id;
  const snap = () => reminderSnapshot(p.emu, ids, reminderThreadId);
  sw.clock.set(new Date(STAGES[0].at.getTime() - 30 * 60_000));
  let seen = snap();
  await p.run(staff, 'reminders', 'send-now');
  const beforeFirstStage = snap().since(seen);
  const stages: SemesterRun['stages'] = [];
  for (const { stage, at } of STAGES) {
    sw.clock.set(at);
    seen = snap();
    const sendNow = await p.run(staff, 'reminders', 'send-now');
    const sent = snap().since(seen);
    seen = snap();
    await p.run(staff, 'reminders', 'send-now');
    stages.push({ stage, sent, repeat: snap().since(seen), sendNow: sendNow.content });
  }
  const staffChannelReminders = p.emu.messagesIn(world.staffChannelId).filter((m) => /peer review reminder/i.test(m.content)).length;

  sw.clock.set(new Date(STAGES[3].at.getTime() + 3_600_000));
  const pairsAfterDue = await readPairs(p, staff, ROUND.name);
  const report = await p.run(staff, 'report', 'participation');
  const csv = await p.run(staff, 'report', 'participation', { format: 'csv' });
  const chart = await p.run(staff, 'report', 'participation', { format: 'chart' });
  return {
    ledger,
    ids,
    firstImport,
    linkDm,
    preview,
    confirmed,
    pairs,
    pairsAfterDue,
    beforeFirstStage,
    stages,
    staffChannelReminders,
    report,
    csv,
    chart,
    reminderThreadId,
  };
}
