import { ActionRowBuilder, ButtonBuilder, ButtonStyle } from 'discord.js';

/** Confirm / Cancel buttons whose custom ids route back to `command` (`${command}:confirm|cancel:${id}`). */
export function confirmButtons(command: string, pendingId: string, confirmLabel: string): ActionRowBuilder<ButtonBuilder> {
  return new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder().setCustomId(`${command}:confirm:${pendingId}`).setLabel(confirmLabel).setStyle(ButtonStyle.Danger),
    new ButtonBuilder().setCustomId(`${command}:cancel:${pendingId}`).setLabel('Cancel').setStyle(ButtonStyle.Secondary),
  );
}

export function parseConfirmButton(customId: string): { action: 'confirm' | 'cancel'; id: string } | null {
  const [, action, id] = customId.split(':');
  if ((action !== 'confirm' && action !== 'cancel') || !id) return null;
  return { action, id };
}
