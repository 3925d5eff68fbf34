// An operator whose HTTP_PORT is taken by another program: the start stops at once with an error that names
// the setting and how to fix it, even while Discord is slow to let the bot in, and no gateway session is left
// behind. This is why the HTTP server starts before the login and not beside it: a login under way cannot be
// called back reliably (discord.js may still connect after destroy() while it retries a refused gateway).
import { createServer, type Server } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { startDiscordEmulator, type DiscordEmulator } from '../../../src/offline/discord-emulator/index.js';
import { createTestDb, type TestDb } from '../../support/test-db.js';
import { startBotOnPort } from './start-bot-on-port.js';

let emu: DiscordEmulator | undefined;
let t: TestDb | undefined;
let squatter: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => (squatter ? squatter.close(resolve) : resolve(undefined)));
  await emu?.close();
  await t?.close();
});

it('refuses to start when HTTP_PORT is taken, naming the setting, before any login, while Discord holds logins', async () => {
  emu = await startDiscordEmulator({ heartbeatIntervalMs: 1_000 });
  t = await createTestDb();
  squatter = createServer();
  await new Promise<void>((resolve) => squatter!.listen(0, '127.0.0.1', resolve));
  const port = (squatter.address() as { port: number }).port;
  emu.refuseGatewayConnections(true); // the login would never finish on its own

  const started = startBotOnPort(emu, t, port);

  await expect(started).rejects.toThrow(`HTTP_PORT=${port}: the port is already in use on 127.0.0.1; choose another port, or HTTP_PORT=off`);
  // Let the gateway in now: a login begun before the refusal would get in (discord.js retries every few seconds).
  emu.refuseGatewayConnections(false);
  await new Promise((resolve) => setTimeout(resolve, 6_000));
  expect(emu.gateway.log.filter((entry) => entry.event === 'identify')).toEqual([]);
}, 45_000);
