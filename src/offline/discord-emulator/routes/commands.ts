// Application command registration: bulk overwrite (PUT), list, create one, delete one; global and
// per guild. Bodies are checked against the spec's command schemas.
import { ApplicationCommandType, type APIApplicationCommand } from 'discord-api-types/v10';
import type { EmuContext } from '../context.js';
import { DiscordApiError, fieldError, invalidFormBody, notFound } from '../errors.js';
import { getGuild } from '../lookups.js';
import type { EmuRequest, Router } from '../router.js';
import { nextSnowflake } from '../snowflake.js';
import { validateBody } from '../spec-validation.js';

type CommandBody = Partial<APIApplicationCommand> & { name: string };

export function registerCommandRoutes(router: Router, ctx: EmuContext): void {
  const listFor = (req: EmuRequest): { list: APIApplicationCommand[]; guildId?: string; save(l: APIApplicationCommand[]): void } => {
    if (req.params.application_id !== ctx.config.applicationId) throw new DiscordApiError(403, 50001, 'Missing Access');
    const guildId = req.params.guild_id;
    if (!guildId) return { list: ctx.state.commands.global, save: (l) => (ctx.state.commands.global = l) };
    getGuild(ctx, guildId);
    return { list: ctx.state.commands.guilds.get(guildId) ?? [], guildId, save: (l) => ctx.state.commands.guilds.set(guildId, l) };
  };
  const toCommand = (body: CommandBody, guildId: string | undefined, existing: APIApplicationCommand[]): APIApplicationCommand => {
    const type = body.type ?? ApplicationCommandType.ChatInput;
    const prior = existing.find((c) => c.name === body.name && c.type === type);
    return {
      ...body,
      id: prior?.id ?? nextSnowflake(),
      application_id: ctx.config.applicationId,
      ...(guildId ? { guild_id: guildId } : {}),
      type,
      description: body.description ?? '',
      options: body.options ?? [],
      default_member_permissions: body.default_member_permissions ?? null,
      version: nextSnowflake(),
      nsfw: body.nsfw ?? false,
    };
  };

  for (const base of ['/applications/{application_id}/commands', '/applications/{application_id}/guilds/{guild_id}/commands']) {
    router.add('GET', base, (req) => ({ status: 200, body: listFor(req).list, schema: 'command' }));

    router.add('PUT', base, (req) => {
      const target = listFor(req);
      if (!Array.isArray(req.body)) throw invalidFormBody(fieldError([], 'BASE_TYPE_ARRAY', 'Must be an array.'));
      const bodies = req.body as CommandBody[];
      bodies.forEach((b, i) => {
        try {
          validateBody('commandBulkItem', b);
        } catch (err) {
          if (err instanceof DiscordApiError && err.errors) throw invalidFormBody({ [i]: err.errors });
          throw err;
        }
      });
      const names = bodies.map((b) => `${b.type ?? 1}:${b.name}`);
      const dup = names.findIndex((n, i) => names.indexOf(n) !== i);
      if (dup >= 0) throw invalidFormBody(fieldError([dup, 'name'], 'APPLICATION_COMMANDS_DUPLICATE_NAME', `Application command names must be unique`));
      const next = bodies.map((b) => toCommand(b, target.guildId, target.list));
      target.save(next);
      return { status: 200, body: next, schema: 'command' };
    });

    router.add('POST', base, (req) => {
      const target = listFor(req);
      validateBody('commandCreate', req.body);
      const cmd = toCommand(req.body as CommandBody, target.guildId, target.list);
      const exists = target.list.some((c) => c.id === cmd.id);
      target.save([...target.list.filter((c) => c.id !== cmd.id), cmd]);
      return { status: exists ? 200 : 201, body: cmd, schema: 'command' };
    });

    router.add('DELETE', `${base}/{command_id}`, (req) => {
      const target = listFor(req);
      if (!target.list.some((c) => c.id === req.params.command_id)) throw notFound(10063, 'application command');
      target.save(target.list.filter((c) => c.id !== req.params.command_id));
      return { status: 204 };
    });
  }
}
