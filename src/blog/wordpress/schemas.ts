// zod schemas for the wp/v2 responses the adapter reads. Shapes checked against WordPress 6.1
// (Debian's package) with curl: unknown fields are stripped, optional ones are those WordPress
// leaves out by context (view vs edit) or by permission (embedded author of a private user).
import { z } from 'zod';

const rendered = z.object({ rendered: z.string() });
const int = z.number().int();

/** Embedded objects can be WordPress error bodies ({ code, message }) when not readable. */
const embeddedAuthor = z.object({ id: int.optional(), name: z.string().optional() });
const embeddedMedia = z.object({ source_url: z.string().optional() });
const embeddedTerm = z.object({ name: z.string(), taxonomy: z.string() });

export const wpPostSchema = z.object({
  id: int,
  date: z.string(),
  date_gmt: z.string().nullable(),
  modified: z.string(),
  modified_gmt: z.string().nullable(),
  status: z.string(),
  link: z.string(),
  title: rendered,
  content: z.object({ rendered: z.string(), protected: z.boolean().optional() }),
  excerpt: rendered.optional(),
  author: int.optional(),
  featured_media: int.optional(),
  _embedded: z
    .object({
      author: z.array(embeddedAuthor).optional(),
      'wp:featuredmedia': z.array(embeddedMedia).optional(),
      'wp:term': z.array(z.array(embeddedTerm)).optional(),
    })
    .optional(),
});
export type WpPost = z.infer<typeof wpPostSchema>;
export const wpPostListSchema = z.array(wpPostSchema);

export const wpCommentSchema = z.object({
  id: int,
  post: int,
  parent: int,
  author: int,
  author_name: z.string(),
  /** Only in context=edit. */
  author_email: z.string().optional(),
  author_avatar_urls: z.record(z.string(), z.string()).optional(),
  date: z.string(),
  date_gmt: z.string(),
  content: rendered,
  link: z.string(),
  status: z.string(),
});
export type WpComment = z.infer<typeof wpCommentSchema>;
export const wpCommentListSchema = z.array(wpCommentSchema);

export const wpUserSchema = z.object({
  id: int,
  name: z.string(),
  slug: z.string(),
  /** Only in context=edit. */
  username: z.string().optional(),
  /** Only in context=edit, for accounts that may list users (or the account itself). */
  email: z.string().optional(),
  capabilities: z.record(z.string(), z.boolean()).optional(),
  roles: z.array(z.string()).optional(),
});
export type WpUser = z.infer<typeof wpUserSchema>;
export const wpUserListSchema = z.array(wpUserSchema);

/** GET /wp-json/ (self-hosted). gmt_offset is a number, or a numeric string on some hosts. */
export const wpSiteInfoSchema = z.object({
  name: z.string(),
  timezone_string: z.string().optional(),
  gmt_offset: z.union([z.number(), z.string()]).optional(),
});

/** GET /rest/v1.1/sites/{site} (WordPress.com): the same facts live under `options`. */
export const wpcomSiteSchema = z.object({
  name: z.string(),
  options: z
    .object({
      timezone: z.string().optional(),
      gmt_offset: z.union([z.number(), z.string()]).optional(),
    })
    .optional(),
});

/** DELETE /comments/{id} without force returns the comment; with force, { deleted, previous }. */
export const wpDeleteCommentSchema = z.union([wpCommentSchema, z.object({ deleted: z.boolean(), previous: wpCommentSchema })]);
