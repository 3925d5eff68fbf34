// Discord's documented limits that the OpenAPI spec is looser about (it allows 4000-char content,
// it does not sum embed text). Applied on top of the spec's zod schemas.
import { ErrorCode, DiscordApiError, fieldError, invalidFormBody } from './errors.js';

export const MAX_CONTENT = 2000;
export const MAX_EMBEDS = 10;
export const MAX_EMBED_TOTAL = 6000;

interface EmbedLike {
  title?: string | null;
  description?: string | null;
  fields?: { name?: string; value?: string }[] | null;
  footer?: { text?: string } | null;
  author?: { name?: string } | null;
}

const EMBED_LIMITS: [keyof EmbedLike | 'footer.text' | 'author.name', number][] = [
  ['title', 256],
  ['description', 4096],
  ['footer.text', 2048],
  ['author.name', 256],
];

export function checkContent(content: unknown, path: (string | number)[] = ['content']): void {
  if (typeof content === 'string' && content.length > MAX_CONTENT) {
    throw invalidFormBody(fieldError(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${MAX_CONTENT} or fewer in length.`));
  }
}

export function checkEmbeds(embeds: unknown): void {
  if (!Array.isArray(embeds)) return;
  if (embeds.length > MAX_EMBEDS) {
    throw invalidFormBody(fieldError(['embeds'], 'BASE_TYPE_MAX_LENGTH', `Must be ${MAX_EMBEDS} or fewer in length.`));
  }
  let total = 0;
  embeds.forEach((embed: EmbedLike, i) => {
    for (const [key, max] of EMBED_LIMITS) {
      const value = key.includes('.')
        ? key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], embed)
        : embed[key as keyof EmbedLike];
      if (typeof value === 'string') {
        total += value.length;
        if (value.length > max)
          throw invalidFormBody(fieldError(['embeds', i, ...key.split('.')], 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`));
      }
    }
    const fields = embed.fields ?? [];
    if (fields.length > 25) throw invalidFormBody(fieldError(['embeds', i, 'fields'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.'));
    fields.forEach((f, j) => {
      if ((f.name ?? '').length > 256)
        throw invalidFormBody(fieldError(['embeds', i, 'fields', j, 'name'], 'BASE_TYPE_MAX_LENGTH', 'Must be 256 or fewer in length.'));
      if ((f.value ?? '').length > 1024)
        throw invalidFormBody(fieldError(['embeds', i, 'fields', j, 'value'], 'BASE_TYPE_MAX_LENGTH', 'Must be 1024 or fewer in length.'));
      if (!f.name || !f.value) throw invalidFormBody(fieldError(['embeds', i, 'fields', j], 'BASE_TYPE_REQUIRED', 'This field is required'));
      total += f.name.length + f.value.length;
    });
  });
  if (total > MAX_EMBED_TOTAL) {
    throw invalidFormBody(fieldError(['embeds'], 'MAX_EMBED_SIZE_EXCEEDED', `Embed size exceeds maximum size of ${MAX_EMBED_TOTAL}`));
  }
}

export function checkThreadName(name: unknown, path: string[] = ['name']): void {
  if (typeof name !== 'string' || name.length < 1 || name.length > 100) {
    throw invalidFormBody(fieldError(path, 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.'));
  }
}

export interface MessageBodyLike {
  content?: string | null;
  embeds?: unknown[] | null;
  components?: unknown[] | null;
  sticker_ids?: unknown[] | null;
  poll?: unknown;
}

/** Content, embeds and their sizes, and "a message must carry something". */
export function checkMessageBody(body: MessageBodyLike, fileCount: number, path: (string | number)[] = []): void {
  checkContent(body.content, [...path, 'content']);
  checkEmbeds(body.embeds);
  const hasSomething =
    (typeof body.content === 'string' && body.content.length > 0) ||
    (body.embeds?.length ?? 0) > 0 ||
    (body.components?.length ?? 0) > 0 ||
    (body.sticker_ids?.length ?? 0) > 0 ||
    fileCount > 0 ||
    body.poll != null;
  if (!hasSomething) throw new DiscordApiError(400, ErrorCode.CannotSendEmptyMessage, 'Cannot send an empty message');
}
