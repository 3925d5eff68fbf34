// GET /channels/{id}/messages with `after`, as Discord documents it: the `limit` messages right after that
// id (the oldest of the newer ones), listed newest first; `after` may be a snowflake built from a time;
// a value that is not a snowflake is a 400 Invalid Form Body, not a crash.
import { afterEach, expect, it } from 'vitest';
import type { TextChannel } from 'discord.js';
import { setupFixture, teardownFixtures } from './test-setup.js';

afterEach(teardownFixtures);

const DISCORD_EPOCH_MS = 1_420_070_400_000n;
const snowflakeOf = (ms: number) => ((BigInt(ms) - DISCORD_EPOCH_MS) << 22n).toString();

it('lists the messages right after an id, newest first, and everything after a time', async () => {
  let now = Date.parse('2026-03-10T16:00:00Z');
  const { client, textId } = await setupFixture({ now: () => now });
  const channel = (await client.channels.fetch(textId)) as TextChannel;
  const sent: string[] = [];
  for (const n of [1, 2, 3, 4, 5]) {
    sent.push((await channel.send(`message ${n}`)).id);
    now += 60_000;
  }

  const two = await channel.messages.fetch({ after: sent[1]!, limit: 2, cache: false });
  expect([...two.values()].map((m) => m.content)).toEqual(['message 4', 'message 3']);

  // From 16:02 on: messages 3, 4 and 5 (sent at 16:02, 16:03, 16:04).
  const fromTime = await channel.messages.fetch({ after: snowflakeOf(Date.parse('2026-03-10T16:02:00Z')), limit: 100, cache: false });
  expect([...fromTime.values()].map((m) => m.content)).toEqual(['message 5', 'message 4', 'message 3']);
});

it('answers 400 Invalid Form Body naming `after` when it is not a snowflake', async () => {
  const { emu, textId } = await setupFixture();
  const res = await fetch(`${emu.apiUrl}/v10/channels/${textId}/messages?after=yesterday`, { headers: { authorization: `Bot ${emu.botToken}` } });
  expect(res.status).toBe(400);
  const body = (await res.json()) as { code: number; errors: Record<string, unknown> };
  expect(body.code).toBe(50035);
  expect(Object.keys(body.errors)).toEqual(['after']);
});
