import type { BlogSource } from '../ports/blog-source.js';

type Verified = Awaited<ReturnType<BlogSource['verify']>>;

/**
 * The blog's name, time zone and the bot's moderation right change rarely, but every mirrored comment
 * needs them: keep a successful answer for `ttlMs` (a failure is never kept), saving two round trips.
 */
export function withCachedVerify(source: BlogSource, ttlMs = 10 * 60_000, now: () => number = Date.now): BlogSource {
  let cached: { at: number; value: Verified } | null = null;
  return {
    async verify() {
      if (cached && now() - cached.at < ttlMs) return cached.value;
      const value = await source.verify();
      cached = { at: now(), value };
      return value;
    },
    listEssays: (query) => source.listEssays(query),
    getEssay: (id) => source.getEssay(id),
    listComments: (query) => source.listComments(query),
    listCommentListing: (query) => source.listCommentListing(query),
    getComment: (id) => source.getComment(id),
    createComment: (comment) => source.createComment(comment),
    updateComment: (id, html) => source.updateComment(id, html),
    trashComment: (id) => source.trashComment(id),
    findUser: (query) => source.findUser(query),
    // Optional: passed on only where the source has a media library.
    ...(source.uploadMedia && { uploadMedia: source.uploadMedia.bind(source) }),
    ...(source.findMedia && { findMedia: source.findMedia.bind(source) }),
    ...(source.deleteMedia && { deleteMedia: source.deleteMedia.bind(source) }),
  };
}
