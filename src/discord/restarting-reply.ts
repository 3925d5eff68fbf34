import { MessageFlags, type Interaction } from 'discord.js';

/**
 * What a person sees when their command reaches a process that is shutting down (a deploy, a restart).
 * Said at once, instead of leaving the command to Discord's own "The application did not respond" after
 * 3 s: that message leaves them wondering whether their round was created or their link saved; this one
 * says nothing was done and when to retry (the next process serves the course within a minute).
 */
export const restartingText = 'CourseThreads is restarting, so this command was not run and nothing was changed. Please try again in a minute.';

export async function replyRestarting(interaction: Interaction): Promise<void> {
  if (!interaction.isRepliable()) return; // autocomplete: Discord shows no suggestions, which is harmless
  await interaction.reply({ content: restartingText, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
}
