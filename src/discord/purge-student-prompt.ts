import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import type { Context } from '../context.js';
import { requestConfirmation } from '../privacy/confirmations.js';
import { confirmButtons } from './confirm-buttons.js';
import type { CourseRow } from './course-access.js';

export const purgeStudentKind = 'privacy.purge_student';

/**
 * Asks staff to confirm deleting a student's personal data (/privacy purge and /roster remove purge:true).
 * Nothing changes until the Confirm button, which /privacy's button handler carries out.
 */
export async function promptStudentPurge(
  interaction: ChatInputCommandInteraction,
  ctx: Context,
  course: CourseRow,
  student: { id: string; displayName: string },
): Promise<void> {
  const id = await requestConfirmation(ctx.db, {
    kind: purgeStudentKind,
    courseId: course.id,
    actorUserId: interaction.user.id,
    payload: { studentId: student.id },
    now: ctx.clock.now(),
  });
  await interaction.reply({
    content: `Delete all personal data of **${student.displayName}** from CourseThreads for ${course.name}? Their roster entry, identities, reviews, reminders and links go; course totals stay right (counted anonymously). Their comments stay on the blog and in Discord, where their own accounts own them. This cannot be undone.`,
    components: [confirmButtons('privacy', id, 'Delete their data')],
    flags: MessageFlags.Ephemeral,
    allowedMentions: { parse: [] },
  });
}
