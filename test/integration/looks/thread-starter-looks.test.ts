// Issue 12 item 9 (and item 11's first sentence): what a student sees at the top of an essay's thread.
// Essays are published on the WordPress fake; the real bot opens the thread through the Discord emulator;
// the test reads the starter message (content and embed) as Discord would show it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { essayThreadsIn, startBotWorld, type BotWorld } from '../../support/bot-world.js';

let world: BotWorld;
beforeEach(async () => {
  world = await startBotWorld();
  await world.setupCourse();
});
afterEach(() => world?.close());

async function starterOf(post: { link: string }) {
  await world.bot.syncNow();
  const thread = essayThreadsIn(world, world.forumId).find((t) => world.emu.messagesIn(t.id)[0]?.content.includes(post.link));
  expect(thread, 'a thread for the essay').toBeDefined();
  return world.emu.messagesIn(thread!.id)[0]!;
}

/** Everything a reader sees in the starter: its text and its card, as one string. */
const visibleText = (m: Awaited<ReturnType<typeof starterOf>>) =>
  [m.content, ...(m.embeds ?? []).flatMap((e) => [e.title, e.description, e.footer?.text, e.author?.name])].filter(Boolean).join('\n');
const occurrences = (text: string, needle: string) => text.split(needle).length - 1;

describe('what an essay thread starter shows', () => {
  it('gives the essay link and its publication date once', async () => {
    const post = await world.wp.as('student1').publishPost({ title: 'On the Thaw', content: '<p>When the thaw came, it came unevenly.</p>' });
    const starter = await starterOf(post);
    const text = visibleText(starter);
    expect(occurrences(text, post.link)).toBe(1);
    // The date is shown once: either Discord's own timestamp in the content or a written date in the card.
    const discordStamps = (text.match(/<t:\d+:[a-zA-Z]>/g) ?? []).length + (starter.embeds ?? []).filter((e) => e.timestamp).length;
    const writtenDates = (text.match(/Published/g) ?? []).length;
    expect(discordStamps + writtenDates).toBe(1);
  });

  it('says that replies in the thread are published on the public blog', async () => {
    const post = await world.wp.as('student1').publishPost({ title: 'Consent', content: '<p>Short.</p>' });
    const starter = await starterOf(post);
    expect(visibleText(starter)).toMatch(/replies (in|to) this thread are (also )?published on the public (class )?blog/i);
  });

  it('keeps one line per item when the essay opens with a list', async () => {
    const items = ['Bread queues in Leningrad', 'The 1956 amnesty', 'Letters to the editor'];
    const post = await world.wp
      .as('student1')
      .publishPost({ title: 'Three sources', content: `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul><p>Each tells a different story.</p>` });
    const description = (await starterOf(post)).embeds[0]!.description!;
    const lines = description.split('\n');
    for (const item of items) expect(lines.filter((l) => l.includes(item))).toHaveLength(1);
    expect(lines.findIndex((l) => l.includes(items[1]!))).toBe(lines.findIndex((l) => l.includes(items[0]!)) + 1);
  });

  it('keeps numbered list items apart too', async () => {
    const items = ['Read the decree', 'Compare the drafts', 'Ask who benefited'];
    const post = await world.wp
      .as('student1')
      .publishPost({ title: 'A method', content: `<ol class="wp-block-list">${items.map((i) => `<li>${i}</li>`).join('')}</ol>` });
    const description = (await starterOf(post)).embeds[0]!.description!;
    const lines = description.split('\n');
    const lineOf = items.map((item) => lines.findIndex((l) => l.includes(item)));
    expect(lineOf.every((i) => i >= 0)).toBe(true);
    expect(new Set(lineOf).size).toBe(items.length);
  });

  it('shows the first picture of an essay made only of images', async () => {
    const first = `${world.wp.url}/wp-content/uploads/2026/11/poster-1.jpg`;
    const second = `${world.wp.url}/wp-content/uploads/2026/11/poster-2.jpg`;
    const post = await world.wp.as('student1').publishPost({
      title: 'Posters of 1957',
      content: `<figure class="wp-block-image"><img src="${first}" alt="A poster"/></figure>\n<figure class="wp-block-image"><img src="${second}" alt=""/></figure>`,
    });
    const embed = (await starterOf(post)).embeds[0]!;
    expect(embed.image?.url).toBe(first);
  });
});
