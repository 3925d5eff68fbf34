// The real bot's start as the HTTP start-up tests need it: logging in to the Discord emulator, on a test database,
// with no scheduler (nothing to tick), and its HTTP server on 127.0.0.1 at the port the test chose.
import { startBot, type RunningBot } from '../../../src/app/start-bot.js';
import { realBlogSources } from '../../../src/courses/course-blogs.js';
import type { DiscordEmulator } from '../../../src/offline/discord-emulator/index.js';
import { SecretBox } from '../../../src/privacy/secret-box.js';
import { systemClock } from '../../../src/shared/clock.js';
import { silentLogger } from '../../../src/shared/logger.js';
import { testSecretKeys } from '../../support/course-fixture.js';
import type { TestDb } from '../../support/test-db.js';

export function startBotOnPort(emu: DiscordEmulator, t: TestDb, port: number): Promise<RunningBot> {
  return startBot({
    token: emu.botToken,
    apiUrl: emu.apiUrl,
    db: t.db,
    secrets: new SecretBox(testSecretKeys),
    createBlog: realBlogSources(),
    clock: systemClock,
    log: silentLogger(),
    schedule: false,
    databaseUrl: t.url,
    http: { host: '127.0.0.1', port },
  });
}
