// The Confirm / Cancel buttons (src/discord/confirm-buttons.ts) that stand before a destructive staff action:
// /course archive and /privacy purge (also asked for by /roster remove purge:true).
import type { ButtonInteraction } from 'discord.js';
import type { Context } from '../../src/context.js';
import type { Command } from '../../src/discord/command.js';
import { parseConfirmButton } from '../../src/discord/confirm-buttons.js';
import type { CourseRow } from '../../src/discord/course-access.js';
import { cancelConfirmation, takeConfirmation } from '../../src/privacy/confirmations.js';
import { courseForStaff } from './in-course.js';

type Confirmed = (interaction: ButtonInteraction, ctx: Context, course: CourseRow, payload: unknown) => Promise<void>;

/**
 * `onButton` for the confirmation of `kind`: only the course's staff may press either button; Cancel drops the
 * request, Confirm takes it (once, by the person who asked, before it expires) and runs `confirmed` with its payload.
 */
export function staffConfirmButton(kind: string, confirmed: Confirmed): NonNullable<Command['onButton']> {
  return async (interaction, ctx) => {
    const button = parseConfirmButton(interaction.customId);
    if (!button) return;
    const course = await courseForStaff(ctx, interaction);
    if (button.action === 'cancel') {
      await cancelConfirmation(ctx.db, button.id);
      await interaction.update({ content: 'Cancelled: nothing was deleted.', components: [] });
      return;
    }
    const payload = await takeConfirmation(ctx.db, { id: button.id, kind, actorUserId: interaction.user.id, now: ctx.clock.now() });
    await confirmed(interaction, ctx, course, payload);
  };
}
