import { describe, expect, it } from 'vitest';
import { projectEslint } from './project-eslint.js';

// A boundary break fails CI: the project's ESLint config, run on small sources placed in the project's folders.
const boundaryErrors = projectEslint().messagesOf('boundaries/dependencies');

describe('lint fails on an import that crosses the architecture', () => {
  it('src/core importing src/db', async () => {
    const errors = await boundaryErrors('src/core/reviews/peek.ts', "import { openDb } from '../../db/client.js';\nexport const peek = openDb;\n");
    expect(errors).toEqual(['src/core imports nothing of ours but src/core (pure domain)']);
  });

  // Each source imports two forbidden things: the rule reports both, with the same message.
  it.each([
    {
      name: 'a port importing an adapter or a use case',
      file: 'src/ports/peek.ts',
      text: "import { DiscordChat } from '../discord/discord-chat.js';\nimport { enqueueEffect } from '../outbox/outbox-store.js';\nexport const both = [DiscordChat, enqueueEffect];\n",
      message: 'src/ports imports nothing of ours but src/core and src/ports (interfaces only)',
    },
    {
      name: 'a use case in src/reviews importing discord.js or @discordjs/rest',
      file: 'src/reviews/notify.ts',
      text: "import { Client } from 'discord.js';\nimport { REST } from '@discordjs/rest';\nexport const both = [Client, REST];\n",
      message: 'only src/discord and commands/ import discord.js and @discordjs/*',
    },
    {
      name: 'a use case importing the generated Prisma client or @prisma/client',
      file: 'src/reminders/raw.ts',
      text: "import { Prisma } from '../generated/prisma/client.js';\nimport { PrismaClient } from '@prisma/client';\nexport const both = [Prisma, PrismaClient];\n",
      message: 'only src/db imports Prisma (src/generated, @prisma/*): add a repository function in src/db',
    },
  ])('$name', async ({ file, text, message }) => {
    expect(await boundaryErrors(file, text)).toEqual([message, message]);
  });

  it('anything importing the composition root', async () => {
    expect(await boundaryErrors('src/jobs/tick.ts', "import '../main.js';\n")).toEqual(['nothing imports the composition root (src/main.ts)']);
  });

  it('the bot importing the offline world (static, re-exported or dynamic) or a test helper', async () => {
    const text = [
      "import { startDiscordEmulator } from '../offline/discord-emulator/index.js';",
      "export * from '../offline/offline-world.js';",
      "export const fake = await import('../offline/wordpress-fake/index.js');",
      "export { fixture } from '../../test/support/course-fixture.js';",
      'export const emu = startDiscordEmulator;',
    ].join('\n');
    expect(await boundaryErrors('src/jobs/tick.ts', text)).toEqual([
      'only src/offline, tests, benchmarks and scripts import src/offline',
      'only src/offline, tests, benchmarks and scripts import src/offline',
      'only src/offline, tests, benchmarks and scripts import src/offline',
      'the bot never imports test/ or bench/',
    ]);
    expect(await boundaryErrors('commands/course.ts', "export const fake = await import('../src/offline/wordpress-fake/index.js');\n")).toEqual([
      'only src/offline, tests, benchmarks and scripts import src/offline',
    ]);
    expect(
      await boundaryErrors(
        'src/offline/demo/run-demo.ts',
        "import { startBotWorld } from '../../../test/support/bot-world.js';\nexport const w = startBotWorld;\n",
      ),
    ).toEqual(['the bot never imports test/ or bench/']);
  });
});

describe('lint allows the imports the architecture intends', () => {
  it('discord.js in src/discord and commands/, Prisma in src/db, the offline world in tests and in itself', async () => {
    const allowed: [string, string][] = [
      ['src/discord/probe.ts', "import { Client } from 'discord.js';\nimport { openDb } from '../db/client.js';\nexport const x = [Client, openDb];\n"],
      ['commands/probe.ts', "import { SlashCommandBuilder } from 'discord.js';\nexport const x = SlashCommandBuilder;\n"],
      ['src/db/probe.ts', "import { Prisma } from '../generated/prisma/client.js';\nexport const x = Prisma;\n"],
      ['src/core/reviews/probe.ts', "import { z } from 'zod';\nimport { countWords } from '../format/index.js';\nexport const x = [z, countWords];\n"],
      [
        'src/offline/offline-world-probe.ts',
        "import { startBot } from '../app/start-bot.js';\nimport { startDiscordEmulator } from './discord-emulator/index.js';\nexport const x = [startBot, startDiscordEmulator];\n",
      ],
      ['test/support/probe.ts', "import { startOfflineWorld } from '../../src/offline/offline-world.js';\nexport const x = startOfflineWorld;\n"],
    ];
    for (const [file, text] of allowed) expect({ file, errors: await boundaryErrors(file, text) }).toEqual({ file, errors: [] });
  });
});
