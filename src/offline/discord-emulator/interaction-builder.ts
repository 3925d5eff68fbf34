// INTERACTION_CREATE payloads for a slash command or a button press, shaped like Discord's (all
// the fields discord.js needs, or it drops the event in an unhandled rejection).
import {
  ApplicationCommandOptionType as O,
  ApplicationCommandType,
  InteractionContextType,
  Locale,
  type APIApplicationCommand,
  type APIApplicationCommandOption,
} from 'discord-api-types/v10';
import type { EmuContext } from './context.js';
import { channelPermissions } from './permissions.js';
import { attachmentFromUpload } from './messages-core.js';
import { channelPayload, memberPayload, userPayload } from './serializers.js';

export type SlashOptionValue = string | number | boolean | { attachment: { filename: string; contentType?: string; data: Buffer } };

export interface SlashCommandInput {
  guildId: string;
  channelId: string;
  name: string;
  subcommandGroup?: string;
  subcommand?: string;
  options?: Record<string, SlashOptionValue>;
}

export function baseInteraction(ctx: EmuContext, o: { id: string; token: string; type: number; guildId: string; channelId: string; userId: string }) {
  const channel = ctx.state.channels.get(o.channelId);
  if (!channel) throw new Error(`emulator: unknown channel ${o.channelId}`);
  const { user, ...member } = memberPayload(ctx, o.guildId, o.userId);
  const partialChannel = channelPayload(ctx, channel);
  return {
    id: o.id,
    application_id: ctx.config.applicationId,
    type: o.type,
    token: o.token,
    version: 1,
    guild_id: o.guildId,
    guild: { id: o.guildId, locale: Locale.EnglishUS, features: [] },
    channel: partialChannel,
    channel_id: o.channelId,
    member: { ...member, user, permissions: channelPermissions(ctx, channel, o.userId).toString() },
    app_permissions: channelPermissions(ctx, channel, ctx.config.botUserId).toString(),
    locale: Locale.EnglishUS,
    guild_locale: Locale.EnglishUS,
    entitlements: [],
    authorizing_integration_owners: { '0': o.guildId },
    context: InteractionContextType.Guild,
    attachment_size_limit: 26_214_400,
  };
}

function findCommand(ctx: EmuContext, guildId: string, name: string): APIApplicationCommand {
  const all = [...(ctx.state.commands.guilds.get(guildId) ?? []), ...ctx.state.commands.global];
  const cmd = all.find((c) => c.name === name && (c.type ?? 1) === ApplicationCommandType.ChatInput);
  if (!cmd)
    throw new Error(
      `emulator: /${name} is not registered for guild ${guildId} (register commands first; known: ${all.map((c) => c.name).join(', ') || 'none'})`,
    );
  return cmd;
}

/** Typed options + `resolved`, checked against the registered definition (types, choices, required). */
export function slashCommandData(ctx: EmuContext, input: SlashCommandInput) {
  const cmd = findCommand(ctx, input.guildId, input.name);
  let defs: APIApplicationCommandOption[] = cmd.options ?? [];
  const wrap: ((inner: unknown[]) => unknown[])[] = [];
  const pick = (name: string | undefined, type: O) => {
    const def = defs.find((d) => d.name === name && d.type === type);
    if (!def || !('options' in def)) throw new Error(`emulator: /${input.name} has no ${O[type]} "${name}"`);
    defs = def.options ?? [];
    wrap.push((inner) => [{ name, type, options: inner }]);
  };
  if (input.subcommandGroup) pick(input.subcommandGroup, O.SubcommandGroup);
  if (input.subcommand) pick(input.subcommand, O.Subcommand);
  const resolved: Record<string, Record<string, unknown>> = {};
  const add = (kind: string, id: string, value: unknown) => ((resolved[kind] ??= {})[id] = value);
  const options = Object.entries(input.options ?? {}).map(([name, value]) => {
    const def = defs.find((d) => d.name === name);
    if (!def) throw new Error(`emulator: /${input.name} has no option "${name}" (has: ${defs.map((d) => d.name).join(', ')})`);
    const choices = 'choices' in def ? def.choices : undefined;
    if (choices?.length && !choices.some((c) => c.value === value)) throw new Error(`emulator: ${String(value)} is not a choice of "${name}"`);
    if (def.type === O.Attachment) {
      if (typeof value !== 'object') throw new Error(`emulator: option "${name}" needs { attachment }`);
      const att = attachmentFromUpload(ctx, input.channelId, {
        filename: value.attachment.filename,
        contentType: value.attachment.contentType ?? 'application/octet-stream',
        data: value.attachment.data,
      });
      const { data: _d, ...wire } = att;
      add('attachments', att.id, wire);
      return { name, type: def.type, value: att.id };
    }
    if (def.type === O.User || def.type === O.Mentionable) {
      const id = String(value);
      if (ctx.state.users.has(id)) {
        add('users', id, userPayload(ctx, id));
        try {
          const { user: _u, ...m } = memberPayload(ctx, input.guildId, id);
          add('members', id, { ...m, permissions: '0' });
        } catch {
          /* not a member: users only, as on Discord */
        }
      } else if (ctx.state.roles.has(id)) add('roles', id, { ...ctx.state.roles.get(id), guild_id: undefined });
    }
    if (def.type === O.Channel) add('channels', String(value), channelPayload(ctx, ctx.state.channels.get(String(value))!));
    if (def.type === O.Role) add('roles', String(value), { ...ctx.state.roles.get(String(value)), guild_id: undefined });
    const ok =
      def.type === O.Integer
        ? Number.isInteger(value)
        : def.type === O.Number
          ? typeof value === 'number'
          : def.type === O.Boolean
            ? typeof value === 'boolean'
            : typeof value === 'string';
    if (!ok) throw new Error(`emulator: option "${name}" has the wrong type for ${O[def.type]}`);
    return { name, type: def.type, value };
  });
  const missing = defs.filter((d) => 'required' in d && d.required && !(d.name in (input.options ?? {})));
  if (missing.length) throw new Error(`emulator: /${input.name} is missing required option(s) ${missing.map((d) => d.name).join(', ')}`);
  const nested = wrap.reduceRight<unknown[]>((inner, w) => w(inner), options);
  return {
    id: cmd.id,
    name: cmd.name,
    type: ApplicationCommandType.ChatInput,
    guild_id: input.guildId,
    options: nested,
    ...(Object.keys(resolved).length ? { resolved } : {}),
  };
}

/** The custom ids of every button in a message's component tree. */
export function buttonIn(components: unknown, customId: string): { disabled?: boolean } | undefined {
  for (const c of (components as { type: number; custom_id?: string; disabled?: boolean; components?: unknown }[] | undefined) ?? []) {
    if (c.type === 2 && c.custom_id === customId) return c;
    const inner = buttonIn(c.components, customId);
    if (inner) return inner;
  }
  return undefined;
}
