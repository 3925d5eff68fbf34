// npm run commands:deploy — registers the slash commands with Discord (globally, or in
// DISCORD_DEV_GUILD_ID for instant updates while developing). Separate from the bot on purpose:
// registration is rate limited and only needed when commands change.
import { ConfigError, loadConfig } from '../src/config.js';
import { deployCommands } from '../src/discord/deploy-commands.js';

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.discordToken || !config.discordApplicationId) {
    throw new ConfigError(['DISCORD_TOKEN and DISCORD_APPLICATION_ID are needed to register commands (see README, "Create the Discord application").']);
  }
  const count = await deployCommands({
    token: config.discordToken,
    applicationId: config.discordApplicationId,
    guildId: config.devGuildId,
    apiUrl: config.discordApiUrl,
  });
  process.stdout.write(
    `Registered ${count} command(s) ${config.devGuildId ? `in server ${config.devGuildId}` : 'globally (may take up to an hour to appear)'}.\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
