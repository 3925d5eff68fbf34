import { z } from 'zod';
import { courseStaffNotice } from '../../db/repositories/sync-courses.js';
import { defineEffect } from '../../outbox/effect-handler.js';
import { enqueueEffect, type Tx } from '../../outbox/outbox-store.js';

/**
 * Records, once per course (the dedupe key never changes), that staff must hear the blog refused an upload.
 * Later refusals find the key taken and add nothing.
 */
export function mediaUploadRefused(tx: Tx, courseId: string, now: Date): Promise<void> {
  return enqueueEffect(
    tx,
    {
      courseId,
      kind: mediaUploadNotice.kind,
      dedupeKey: `media-upload-refused:${courseId}`,
      orderKey: `media-upload-refused:${courseId}`,
      payload: { courseId },
    },
    now,
  );
}

export const MEDIA_UPLOAD_REFUSED =
  'the blog account the bot uses may not upload files, so pictures and files attached to Discord replies are linked to Discord, whose links expire after about a day. ' +
  'Give that account a role with the upload_files capability (Author, Editor or Administrator) under Users on the blog; later attachments are then copied to the media library.';

export const mediaUploadNotice = defineEffect({
  kind: 'discord.media_upload_notice',
  payload: z.object({ courseId: z.string() }),
  async run(ctx, { courseId }) {
    const course = await courseStaffNotice(ctx.db, courseId);
    if (!course.staffChannelId) {
      ctx.log.warn({ courseId }, 'the blog refused a media upload and the course has no staff channel to tell');
      return { result: { told: false } };
    }
    await ctx.chat.sendChannelMessage(course.staffChannelId, { content: `⚠️ **${course.name}**: ${MEDIA_UPLOAD_REFUSED}` });
    return { result: { told: true } };
  },
});
