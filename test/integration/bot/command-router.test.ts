import { Events, MessageFlags, REST, Routes, SlashCommandBuilder, type Client } from 'discord.js';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../../../src/context.js';
import type { Command } from '../../../src/discord/command.js';
import { deployCommands } from '../../../src/discord/deploy-commands.js';
import { createInteractionRouter } from '../../../src/discord/interaction-router.js';
import { createLogger } from '../../../src/shared/logger.js';
import { UserError } from '../../../src/shared/user-error.js';
import { commands } from '../../../commands/index.js';
import { connectClient } from '../../support/connect-client.js';
import { startDiscordEmulator, type DiscordEmulator } from '../../../src/offline/discord-emulator/index.js';

let emu: DiscordEmulator;
let client: Client<true>;
const logLines: Array<Record<string, unknown>> = [];
let guildId: string;
let channelId: string;
let userId: string;

const probe: Command = {
  data: new SlashCommandBuilder()
    .setName('probe')
    .setDescription('test command')
    .addSubcommand((s) => s.setName('expected').setDescription('a problem the person can fix'))
    .addSubcommand((s) => s.setName('unexpected').setDescription('a bug'))
    .addSubcommand((s) => s.setName('fine').setDescription('works')),
  access: 'everyone',
  async execute(interaction) {
    const sub = interaction.options.getSubcommand();
    if (sub === 'expected') throw new UserError('The due date must be in the future (you gave 2020-01-01).');
    if (sub === 'unexpected') throw new Error('database exploded with secret detail');
    await interaction.reply({ content: 'ok', flags: MessageFlags.Ephemeral });
  },
};

beforeAll(async () => {
  emu = await startDiscordEmulator();
  const guild = emu.createGuild({ name: 'Router test' });
  guildId = guild.id;
  channelId = emu.createChannel(guild.id, { name: 'general', type: 'text' }).id;
  userId = emu.createUser({ username: 'student' }).id;
  emu.addMember(guild.id, userId);
  const rest = new REST({ api: emu.apiUrl }).setToken(emu.botToken);
  await rest.put(Routes.applicationGuildCommands(emu.applicationId, guild.id), { body: [probe.data.toJSON()] });
  client = await connectClient(emu);
  const log = createLogger(
    'info',
    new Writable({
      write(chunk, _enc, done) {
        logLines.push(JSON.parse(String(chunk)));
        done();
      },
    }),
  );
  const route = createInteractionRouter([probe], { log } as unknown as Context);
  client.on(Events.InteractionCreate, (i) => void route(i));
});
afterAll(async () => {
  await client?.destroy();
  await emu?.close();
});

describe('interaction router', () => {
  it('shows an expected problem to the person only, as is', async () => {
    const reply = await emu.as(userId).runSlashCommand({ guildId, channelId, name: 'probe', subcommand: 'expected' }).response();
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toBe('The due date must be in the future (you gave 2020-01-01).');
  });

  it('hides an unexpected error behind a reference id that is also in the log', async () => {
    const reply = await emu.as(userId).runSlashCommand({ guildId, channelId, name: 'probe', subcommand: 'unexpected' }).response();
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).not.toContain('secret detail');
    const reference = /reference ([0-9a-f]{8})/.exec(reply.content)?.[1];
    expect(reference).toBeDefined();
    const logged = logLines.find((l) => l.reference === reference);
    expect(logged?.msg).toBe('command failed');
  });

  it('lets a working command reply normally', async () => {
    const reply = await emu.as(userId).runSlashCommand({ guildId, channelId, name: 'probe', subcommand: 'fine' }).response();
    expect(reply.content).toBe('ok');
  });
});

describe('commands:deploy', () => {
  it('registers every command in a server through @discordjs/rest', async () => {
    const count = await deployCommands({ token: emu.botToken, applicationId: emu.applicationId, guildId, apiUrl: emu.apiUrl });
    expect(count).toBe(commands.length);
    const registered = emu.state.commands.guilds
      .get(guildId)!
      .map((c) => c.name)
      .sort();
    expect(registered).toEqual(commands.map((c) => c.data.name).sort());
  });

  it('fails clearly with a wrong token', async () => {
    await expect(deployCommands({ token: 'not-the-token', applicationId: emu.applicationId, guildId, apiUrl: emu.apiUrl })).rejects.toThrow(/401|Unauthorized/);
  });
});
