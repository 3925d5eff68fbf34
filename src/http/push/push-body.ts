import { z } from 'zod';

export const pushEvents = [
  'post.published',
  'post.updated',
  'post.unpublished',
  'post.trashed',
  'comment.created',
  'comment.edited',
  'comment.status',
  'comment.deleted',
  'ping',
] as const;

/**
 * The notification's body. Nothing in it is trusted beyond naming what changed: the sync reads the blog
 * itself. Unknown fields are ignored so a newer plugin keeps working.
 */
export const pushBodySchema = z.object({
  v: z.literal(1),
  event: z.enum(pushEvents),
  id: z.number().int().min(0),
  postId: z.number().int().min(0).optional(),
  modified: z.string().nullable().optional(),
  site: z.string().max(500).optional(),
});

export type PushBody = z.infer<typeof pushBodySchema>;

export const deliveryIdPattern = /^[A-Za-z0-9_-]{8,64}$/;
export const courseKeyPattern = /^[A-Za-z0-9_-]{16,64}$/;

/** Parses the raw bytes; null when they are not a notification this bot understands. */
export function parsePushBody(raw: Buffer): PushBody | null {
  try {
    const result = pushBodySchema.safeParse(JSON.parse(raw.toString('utf8')));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}
