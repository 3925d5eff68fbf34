import { EmbedBuilder } from 'discord.js';
import type { StarterEmbed } from '../sync/chat-port.js';

export function toDiscordEmbed(embed: StarterEmbed): EmbedBuilder {
  const builder = new EmbedBuilder().setTitle(embed.title).setURL(embed.url).setDescription(embed.description || null).setColor(0x4f7cac);
  if (embed.authorName) builder.setAuthor({ name: embed.authorName });
  if (embed.imageUrl) builder.setImage(embed.imageUrl);
  if (embed.timestamp) builder.setTimestamp(new Date(embed.timestamp));
  if (embed.footer) builder.setFooter({ text: embed.footer });
  return builder;
}
