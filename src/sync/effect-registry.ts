import { closeEssayThread, createEssayThread, editEssayThread, reopenEssayThread } from './essays/essay-effects.js';
import { createBlogComment, trashBlogComment, updateBlogComment } from './comments/comment-effects.js';
import { deleteBlogCommentMirror, editBlogCommentMirror, postBlogComment } from './comments/mirror-effects.js';
import { moderationMark } from './comments/moderation-effects.js';
import { mediaUploadNotice } from './comments/media-upload-notice.js';
import { uploadReplyAttachment } from './comments/reply-attachment-upload.js';
import { deleteReplyMedia } from './comments/reply-media-delete.js';
import { readBackThread } from './comments/read-back-thread.js';
import { linkNotice } from '../roster/link-notice-effect.js';
import { roundNotice } from '../reviews/round-notice-effect.js';
import { pseudonymNotice, pseudonymRequestNotice } from '../privacy/pseudonym-notice-effect.js';
import type { EffectHandler } from '../outbox/effect-handler.js';

/** Every effect the outbox can perform, by kind. */
export const effectHandlers: ReadonlyMap<string, EffectHandler> = new Map(
  [
    createEssayThread,
    editEssayThread,
    closeEssayThread,
    reopenEssayThread,
    createBlogComment,
    updateBlogComment,
    trashBlogComment,
    postBlogComment,
    editBlogCommentMirror,
    deleteBlogCommentMirror,
    moderationMark,
    linkNotice,
    roundNotice,
    uploadReplyAttachment,
    deleteReplyMedia,
    mediaUploadNotice,
    readBackThread,
    pseudonymNotice,
    pseudonymRequestNotice,
  ].map((h) => [h.kind, h as EffectHandler]),
);
