// Discord's rules for the name a webhook message is posted under (execute webhook `username`), as
// Discord documents them for webhook names: 1-80 characters after trimming, no "clyde" or "discord"
// in any case, and not "everyone" or "here". A name Discord refuses gets 400 / 50035 here too.
import { afterEach, describe, expect, it } from 'vitest';
import { DiscordAPIError, type ForumChannel } from 'discord.js';
import { setupFixture, teardownFixtures } from './test-setup.js';

afterEach(teardownFixtures);

async function threadWithWebhook() {
  const fx = await setupFixture();
  const forum = (await fx.client.channels.fetch(fx.forumId)) as ForumChannel;
  const post = await forum.threads.create({ name: 'Essay', message: { content: 'New essay' } });
  const hook = await forum.createWebhook({ name: 'blog-mirror' });
  const send = (username: string) => hook.send({ content: 'A comment from the blog', username, threadId: post.id, allowedMentions: { parse: [] } });
  return { ...fx, post, send };
}

describe('webhook usernames Discord refuses (50035)', () => {
  // Length errors come from the spec's schema (MIN/MAX) or the trimmed check (BAD): Discord uses all three names.
  const badLength = expect.stringMatching(/^BASE_TYPE_(BAD|MIN|MAX)_LENGTH$/);
  const refused: [string, string, unknown][] = [
    ['contains "discord"', 'Discord Fan', 'USERNAME_INVALID_CONTAINS'],
    ['contains "discord" in any case', 'mydiscordname', 'USERNAME_INVALID_CONTAINS'],
    ['contains "clyde"', 'clyde', 'USERNAME_INVALID_CONTAINS'],
    ['contains "clyde" in any case', 'Bonnie & CLYDE', 'USERNAME_INVALID_CONTAINS'],
    ['is "everyone"', 'everyone', 'USERNAME_INVALID'],
    ['is "here"', 'here', 'USERNAME_INVALID'],
    ['is empty', '', badLength],
    ['is only spaces', '   ', badLength],
    ['is 81 characters', 'x'.repeat(81), badLength],
  ];
  for (const [why, name, code] of refused) {
    it(`refuses a name that ${why}`, async () => {
      const { emu, post, send } = await threadWithWebhook();
      const err = await send(name).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DiscordAPIError);
      expect((err as DiscordAPIError).status).toBe(400);
      expect((err as DiscordAPIError).code).toBe(50035);
      expect((err as DiscordAPIError).rawError).toMatchObject({ errors: { username: { _errors: [{ code }] } } });
      expect(emu.messagesIn(post.id).filter((m) => m.webhook_id)).toEqual([]);
    });
  }

  it('accepts names that only look close: 80 characters, "Here and there", "Everyone’s friend", accents and emoji', async () => {
    const { emu, post, send } = await threadWithWebhook();
    const names = ['y'.repeat(80), 'Here and there', 'Everyone’s friend', 'Zoë Ó Dálaigh 🎓', 'd'];
    for (const name of names) await send(name);
    expect(
      emu
        .messagesIn(post.id)
        .filter((m) => m.webhook_id)
        .map((m) => m.author.username),
    ).toEqual(names);
  });
});
