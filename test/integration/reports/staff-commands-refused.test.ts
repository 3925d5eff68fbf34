// A student runs every staff subcommand of every registered command (discovered from the registry,
// so a new command is covered without touching this test): each is refused with a clear, private
// message, each attempt is logged, and nothing else changes — not one row, not one public message.
import { ApplicationCommandOptionType as O, type APIApplicationCommandOption } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.js';
import type { SlashOptionValue } from '../../../src/offline/discord-emulator/interaction-builder.js';
import { dumpDatabase } from './db-dump.js';
import { reportWorldForFile } from './report-world.js';

const w = reportWorldForFile(30);

interface Call {
  name: string;
  group?: string;
  sub: string | null;
  options: Record<string, SlashOptionValue>;
}

/** A plausible value for every required option, so the call reaches the bot (the emulator checks them). */
function requiredOptions(defs: readonly APIApplicationCommandOption[]): Record<string, SlashOptionValue> {
  const { world } = w;
  const out: Record<string, SlashOptionValue> = {};
  for (const d of defs) {
    if (!('required' in d) || !d.required) continue;
    const choices = 'choices' in d ? d.choices : undefined;
    if (choices?.length) out[d.name] = choices[0]!.value;
    else if (d.type === O.String) out[d.name] = 'Week 1';
    else if (d.type === O.Integer || d.type === O.Number) out[d.name] = ('min_value' in d ? d.min_value : undefined) ?? 1;
    else if (d.type === O.Boolean) out[d.name] = true;
    else if (d.type === O.User || d.type === O.Mentionable) out[d.name] = world.studentIds[0];
    else if (d.type === O.Role) out[d.name] = world.staffRoleId;
    else if (d.type === O.Channel) out[d.name] = 'channel_types' in d && d.channel_types && !d.channel_types.includes(0) ? world.forumId : world.staffChannelId;
    else if (d.type === O.Attachment)
      out[d.name] = { attachment: { filename: 'roster.csv', contentType: 'text/csv', data: Buffer.from('name,email\nEve,eve@uni.example.edu\n') } };
  }
  return out;
}

/** Every staff (or server-manager) subcommand of every registered command. */
function staffCalls(): Call[] {
  const calls: Call[] = [];
  for (const command of commands) {
    const json = command.data.toJSON();
    const access = (sub: string | null) => (typeof command.access === 'function' ? command.access(sub) : command.access);
    const options = json.options ?? [];
    const subs = options.flatMap((o): { group?: string; def: APIApplicationCommandOption }[] =>
      o.type === O.SubcommandGroup ? (o.options ?? []).map((s) => ({ group: o.name, def: s })) : o.type === O.Subcommand ? [{ def: o }] : [],
    );
    if (subs.length === 0) {
      if (access(null) !== 'everyone') calls.push({ name: json.name, sub: null, options: requiredOptions(options) });
      continue;
    }
    for (const { group, def } of subs) {
      if (access(def.name) === 'everyone') continue;
      calls.push({
        name: json.name,
        ...(group ? { group } : {}),
        sub: def.name,
        options: requiredOptions(('options' in def ? def.options : []) as APIApplicationCommandOption[]),
      });
    }
  }
  return calls;
}

const publicMessages = () => [...w.world.emu.state.messages.values()].flat().filter((m) => !m.deleted && !m.ephemeral).length;

describe('staff commands, run by a student', () => {
  it('are all refused, logged, and change nothing', async () => {
    const { world } = w;
    const db = world.testDb.db;
    const student = world.studentIds[1];
    const calls = staffCalls();
    const names = calls.map((c) => `${c.name}${c.group ? ` ${c.group}` : ''}${c.sub ? ` ${c.sub}` : ''}`);
    // The discovery found the commands it must (and therefore finds new ones the same way).
    for (const expected of ['report participation', 'report reminders', 'report health', 'report audit', 'course setup', 'roster import', 'reviews assign'])
      expect(names).toContain(expected);

    const notDenial = (model: string, row: Record<string, unknown>) => !(model === 'AuditEntry' && row.action === 'access.denied');
    const before = await dumpDatabase(db, notDenial);
    const messagesBefore = publicMessages();
    const deniedBefore = await db.auditEntry.count({ where: { action: 'access.denied', actorUserId: student } });

    for (const [i, call] of calls.entries()) {
      const reply = await world.emu
        .as(student)
        .runSlashCommand({
          guildId: world.guildId,
          channelId: world.staffChannelId,
          name: call.name,
          ...(call.group ? { subcommandGroup: call.group } : {}),
          ...(call.sub ? { subcommand: call.sub } : {}),
          options: call.options,
        })
        .response();
      expect({ call: names[i], ephemeral: reply.ephemeral }).toEqual({ call: names[i], ephemeral: true });
      expect(reply.content, names[i]).toMatch(/^Only (the staff of HIST 214|server managers)/);
      expect(reply.attachments, names[i]).toEqual([]);
    }

    expect(await dumpDatabase(db, notDenial)).toEqual(before);
    expect(publicMessages()).toBe(messagesBefore);
    // Every refusal by the course-staff check is logged (server-manager refusals are logged by the router too, as warnings).
    const staffOnly = calls.filter((c) => {
      const command = commands.find((x) => x.data.name === c.name)!;
      return (typeof command.access === 'function' ? command.access(c.sub) : command.access) === 'staff';
    }).length;
    expect(await db.auditEntry.count({ where: { action: 'access.denied', actorUserId: student } })).toBe(deniedBefore + staffOnly);
  }, 120_000);

  it('the staff commands also carry default_member_permissions, so Discord hides them from students', () => {
    for (const command of commands) {
      const json = command.data.toJSON();
      const access = typeof command.access === 'function' ? null : command.access;
      if (access === 'staff' || access === 'server_manager') expect(json.default_member_permissions, json.name).toBeTruthy();
    }
    expect(commands.find((c) => c.data.name === 'report')!.data.toJSON().default_member_permissions).toBeTruthy();
  });
});
