// A monitor probing the bot while Discord is slow to let it in: the process is alive (/healthz 200) from the
// moment it starts, and not ready (/readyz 503) until its shards are. The emulator holds the login by refusing
// gateway connections (discord.js keeps retrying), then lets it through.
import { createServer } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import type { RunningBot } from '../../../src/app/start-bot.js';
import { startDiscordEmulator, type DiscordEmulator } from '../../../src/offline/discord-emulator/index.js';
import { createTestDb, type TestDb } from '../../support/test-db.js';
import { startBotOnPort } from './start-bot-on-port.js';

let emu: DiscordEmulator | undefined;
let t: TestDb | undefined;
let bot: RunningBot | undefined;
afterEach(async () => {
  await bot?.stop({ drainMs: 1_000 });
  await emu?.close();
  await t?.close();
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const status = (url: string) =>
  fetch(url).then(
    (r) => r.status,
    () => 'refused' as const,
  );

it('/healthz answers 200 while the Discord login is held, and /readyz stays 503 until the shard is ready', async () => {
  emu = await startDiscordEmulator({ heartbeatIntervalMs: 1_000 });
  t = await createTestDb();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  emu.refuseGatewayConnections(true);
  const starting = startBotOnPort(emu, t, port);
  starting.then(
    (b) => (bot = b),
    () => undefined,
  );

  await emu.waitFor(async () => (await status(`${base}/healthz`)) === 200, 15_000, '/healthz while the login is held');
  expect(await status(`${base}/readyz`)).toBe(503);
  expect(bot).toBeUndefined(); // still logging in

  emu.refuseGatewayConnections(false);
  bot = await starting;
  await emu.waitFor(async () => (await status(`${base}/readyz`)) === 200, 15_000, '/readyz once the shard is ready');
}, 60_000);
