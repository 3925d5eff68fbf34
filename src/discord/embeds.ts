import { EmbedBuilder } from 'discord.js';
import type { StarterEmbed } from '../ports/chat-port.js';

export function toDiscordEmbed(embed: StarterEmbed): EmbedBuilder {
  const builder = new EmbedBuilder()
    .setTitle(embed.title)
    .setURL(embed.url)
    .setDescription(embed.description || null)
    .setColor(0x4f7cac);
  if (embed.author) builder.setAuthor({ name: embed.author.name });
  if (embed.image) builder.setImage(embed.image.url);
  if (embed.timestamp) builder.setTimestamp(new Date(embed.timestamp));
  builder.setFooter({ text: embed.footer.text });
  return builder;
}
