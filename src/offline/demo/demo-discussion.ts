// The demo's discussion steps: essays published on the blog become forum posts, and one reply goes each
// way (thread reply → blog comment, blog comment → thread message), each checked where a person sees it.
import { recordedCommentCount } from '../../db/repositories/participation-facts.js';
import type { OfflineWorld } from '../offline-world.js';
import { expectSeen, indent, step, type Say } from './demo-narration.js';
import { sampleBlogComment, sampleEssay, sampleReply, sampleSecondEssay } from './sample-course.js';

export interface Discussion {
  postId: number;
  threadId: string;
}

/** What a reader sees of a comment's HTML: its text, without tags or the bot's hidden markers. */
const stripTags = (html: string) =>
  html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]+>/g, '')
    .trim();

export async function publishEssays(world: OfflineWorld, say: Say): Promise<Discussion> {
  return step(4, 'an essay on the blog becomes a thread', async () => {
    const post = await world.wp.as('student1').publishPost(sampleEssay);
    await world.wp.as('student2').publishPost(sampleSecondEssay);
    say(`\n4. Alice published an essay on the blog: “${sampleEssay.title}” (and Bob published “${sampleSecondEssay.title}”)\n      ${post.link}`);
    await world.bot.syncNow();
    const thread = expectSeen(
      world.emu.threadsIn(world.forumId).find((t) => t.name === sampleEssay.title),
      `no forum post named “${sampleEssay.title}” in #essays after the bot polled the blog`,
    );
    const starter = expectSeen(world.emu.messagesIn(thread.id)[0], 'the essay thread has no first message');
    const embed = (starter.embeds[0] ?? {}) as { description?: string };
    say(`   The bot opened a forum post in #essays titled “${thread.name}”. Its first message:`);
    say(indent(starter.content));
    say(indent(`[excerpt] ${(embed.description ?? '').slice(0, 280)}…`));
    return { postId: post.id, threadId: thread.id };
  });
}

export async function replyBothWays(world: OfflineWorld, say: Say, { postId, threadId }: Discussion): Promise<void> {
  await step(5, 'a thread reply reaches the blog', async () => {
    world.emu.as(world.studentIds[1]).postMessage(threadId, { content: sampleReply });
    await world.emu.waitFor(async () => (await recordedCommentCount(world.database.db)) === 1, 10_000, 'the reply to be recorded');
    await world.bot.syncNow();
    const blogComment = expectSeen(
      world.wp.state.comments.find((c) => c.postId === postId),
      'no comment on Alice’s post on the blog',
    );
    say('\n5. Bob replied in the thread on Discord. The bot posted it on the blog as a comment:');
    say(indent(`${blogComment.authorName}: ${stripTags(blogComment.content)}`));
  });

  await step(6, 'a blog comment reaches the thread', async () => {
    await world.wp.as('student1').comment(postId, sampleBlogComment);
    await world.bot.syncNow();
    const mirrored = world.emu.messagesIn(threadId).filter((m) => m.webhook_id);
    if (mirrored.length !== 1) throw new Error(`expected one blog comment in the thread, found ${mirrored.length}`);
    const shown = mirrored[0]!;
    if (!shown.content.includes(stripTags(sampleBlogComment).slice(0, 40))) throw new Error(`the thread shows “${shown.content}”, not Alice’s comment`);
    say('\n6. Alice answered on the blog. The comment appeared in the Discord thread under her name:');
    say(indent(`${shown.author.username}: ${shown.content}`));
    const blogTotal = world.wp.state.comments.filter((c) => c.postId === postId).length;
    const threadTotal = world.emu.messagesIn(threadId).length - 1;
    say(`   One discussion in two places: ${blogTotal} comments on the blog, ${threadTotal} replies in the thread, nothing echoed or duplicated.`);
  });
}
