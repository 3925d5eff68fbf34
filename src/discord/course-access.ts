import { PermissionFlagsBits, type BaseInteraction, type GuildMember } from 'discord.js';
import type { Db } from '../db/client.js';
import { findCourseInChannels, listServerCourses, type CourseRow } from '../db/repositories/courses.js';
import { UserError } from '../shared/user-error.js';

// Defined with its queries in src/db; re-exported because commands and src/discord name it from here.
export type { CourseRow };

/**
 * The course a command is about: the one whose channel (or one of its threads) it was run in, else the
 * server's only course. Several courses and no course channel: the person is told where to run it.
 */
export async function courseForInteraction(db: Db, interaction: BaseInteraction): Promise<CourseRow> {
  if (!interaction.guildId) throw new UserError('CourseThreads commands work inside a server, not in DMs.');
  const channel = interaction.channel;
  const ids = [interaction.channelId, channel?.isThread() ? channel.parentId : null].filter((v): v is string => Boolean(v));
  const here = await findCourseInChannels(db, interaction.guildId, ids);
  if (here) return here;
  const all = await listServerCourses(db, interaction.guildId, 2);
  if (all.length === 1) return all[0]!;
  if (all.length === 0) throw new UserError('No course is set up in this server yet. A server manager can run /course setup.');
  throw new UserError('This server has several courses: run the command in the course channel (or one of its essay threads).');
}

export function isServerManager(member: GuildMember | null): boolean {
  return Boolean(member?.permissions.has(PermissionFlagsBits.ManageGuild));
}

export function isCourseStaff(member: GuildMember | null, course: Pick<CourseRow, 'staffRoleId'>): boolean {
  if (!member) return false;
  return member.roles.cache.has(course.staffRoleId) || isServerManager(member);
}
