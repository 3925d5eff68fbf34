// Issue 16, hole 6: a blog commenter whose name Discord refuses as a webhook username ("Discord Fan",
// "clyde", "everyone", no name, a very long name) still appears in the essay's thread, under a name
// close to their own, and nothing is left as a dead letter. Blog comments are written on the
// WordPress fake; the real bot mirrors them through the Discord emulator, which answers 50035 where
// Discord would.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { essayThreadsIn, startBotWorld, type BotWorld } from '../../support/bot-world.js';

let world: BotWorld;
beforeEach(async () => {
  world = await startBotWorld();
});
afterEach(() => world?.close());

const LONG = 'Professor Maximiliana Konstantinovna Rostropovich-Weatherington of the Department of Slavic Studies';

describe('blog commenters with names Discord refuses', () => {
  it('each comment appears in the thread under a recognisable name, and none becomes a dead letter', async () => {
    await world.setupCourse();
    const post = await world.wp.as('student1').publishPost({ title: 'On Names', content: '<p>What is in a name?</p>' });
    await world.bot.syncNow();
    const thread = essayThreadsIn(world, world.forumId)[0]!;
    // Readers' comments as the blog records them (written through the moderator account, like a comment form).
    const readers: [string, string][] = [
      ['Discord Fan', 'fan'],
      ['clyde', 'clyde'],
      ['everyone', 'everyone'],
      ['Nameless', 'nameless'],
      [LONG, 'prof'],
    ];
    for (const [name, mailbox] of readers) {
      const created = await world.wp
        .as('bot')
        .comment(post.id, `<p>A thought from ${mailbox}.</p>`, { author_name: name, author_email: `${mailbox}@readers.example` });
      expect(created.status).toBe(201);
    }
    // WordPress keeps an empty name when the site does not require one ("Comment author must fill out name").
    world.wp.state.comments.find((c) => c.authorEmail === 'nameless@readers.example')!.authorName = '';
    await world.bot.syncNow();
    await world.bot.syncNow();

    const mirrored = world.emu.messagesIn(thread.id).filter((m) => m.webhook_id);
    expect(mirrored.map((m) => [m.author.username, /A thought from (\w+)/.exec(m.content)?.[1]])).toEqual([
      ['Disc\u043Erd Fan', 'fan'], // Cyrillic о: reads as written
      ['clyd\u0435', 'clyde'], // Cyrillic е
      ['everyone (blog)', 'everyone'],
      ['Blog reader', 'nameless'],
      ['Professor Maximiliana Konstantinovna Rostropovich-Weatherington of the Departme…', 'prof'],
    ]);
    const refused = world.emu.state.requests.filter((r) => r.route === '/webhooks/{webhook_id}/{webhook_token}' && r.status >= 400);
    expect(refused).toEqual([]);
    expect(await world.testDb.db.outboxItem.count({ where: { status: { not: 'done' } } })).toBe(0);
  });
});
