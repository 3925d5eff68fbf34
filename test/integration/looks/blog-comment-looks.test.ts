// Issue 12 item 9: how a comment written on the blog looks when the bot mirrors it into the essay's thread.
// Comments are posted on the WordPress fake by people; the test reads the thread in the Discord emulator.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { essayThreadsIn, startBotWorld, type BotWorld } from '../../support/bot-world.js';

let world: BotWorld;
beforeEach(async () => {
  world = await startBotWorld();
  await world.setupCourse();
});
afterEach(() => world?.close());

async function mirroredComments(postId: number) {
  await world.bot.syncNow();
  await world.bot.syncNow();
  const post = world.wp.state.posts.find((p) => p.id === postId)!;
  const thread = essayThreadsIn(world, world.forumId).find((t) => world.emu.messagesIn(t.id)[0]?.content.includes(`/${post.slug}/`))!;
  return world.emu.messagesIn(thread.id).filter((m) => m.webhook_id);
}

describe('blog comments in the thread', () => {
  it('shows the commenter’s name once, as the name the message is posted under', async () => {
    const post = await world.wp.as('student1').publishPost({ title: 'On Names', content: '<p>What is in a name?</p>' });
    await world.bot.syncNow();
    const created = await world.wp.as('student2').comment(post.id, '<p>I liked the second part best.</p>');
    expect(created.status).toBe(201);
    const name = created.json.author_name as string;
    const [message] = await mirroredComments(post.id);
    expect(message!.author.username).toBe(name);
    expect(message!.content).toContain('I liked the second part best.');
    expect(message!.content).not.toContain(name);
  });

  it('mirrors a comment that is only a picture as “[image]” with the picture’s link', async () => {
    const post = await world.wp.as('student1').publishPost({ title: 'Posters', content: '<p>Which poster works?</p>' });
    await world.bot.syncNow();
    const picture = `${world.wp.url}/wp-content/uploads/2026/11/answer.png`;
    // The admin may post images in comments (unfiltered_html), as on a real WordPress.
    const created = await world.wp.as('admin').comment(post.id, `<img src="${picture}" alt="">`);
    expect(created.status).toBe(201);
    const [message] = await mirroredComments(post.id);
    const body = message!.content.split('\n').slice(1).join('\n');
    expect(body).toContain('[image]');
    expect(body).toContain(picture);
  });
});
