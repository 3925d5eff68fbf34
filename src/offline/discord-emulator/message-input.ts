// Turns a request body (+ uploaded files) into a message: spec schema, documented limits, the
// permissions sending it needs, and attachments matched to files[n] by their `id` index.
import { PermissionFlagsBits as P, type APIEmbed, type APIMessageTopLevelComponent } from 'discord-api-types/v10';
import type { EmuContext } from './context.js';
import { fieldError, invalidFormBody } from './errors.js';
import { checkContent, checkEmbeds, checkMessageBody } from './limits.js';
import { attachmentFromUpload, editMessage, type NewMessage } from './messages-core.js';
import { isThread, requirePermissions } from './permissions.js';
import type { UploadedFile } from './router.js';
import { validateBody, unknownKeys, type SchemaName } from './spec-validation.js';
import type { AllowedMentions, EmuAttachment, EmuChannel, EmuMessage } from './state.js';

export interface MessageBody {
  content?: string | null;
  embeds?: APIEmbed[] | null;
  components?: APIMessageTopLevelComponent[] | null;
  allowed_mentions?: AllowedMentions | null;
  attachments?: { id: string | number; filename?: string; description?: string | null }[] | null;
  message_reference?: { message_id: string; channel_id?: string; fail_if_not_exists?: boolean } | null;
  nonce?: string | number | null;
  enforce_nonce?: boolean | null;
  flags?: number | null;
  sticker_ids?: string[] | null;
  poll?: unknown;
}

/** Spec schema + documented limits; records unknown keys on the request log. */
export function validateMessageBody(schema: SchemaName, body: MessageBody, files: UploadedFile[], log: string[], path: (string | number)[] = []): void {
  validateBody(schema, body);
  log.push(...unknownKeys(schema, body));
  checkMessageBody(body, files.length, path);
}

/** Permissions to post `body` into `channel` as a bot (thread vs channel, files, embeds). */
export function requireSendPermissions(ctx: EmuContext, channel: EmuChannel, userId: string, body: MessageBody, fileCount: number): void {
  if (!channel.guild_id) return;
  let needed = isThread(channel) ? P.SendMessagesInThreads : P.SendMessages;
  if (fileCount > 0) needed |= P.AttachFiles;
  if ((body.embeds?.length ?? 0) > 0) needed |= P.EmbedLinks;
  requirePermissions(ctx, channel, userId, needed);
}

/**
 * New files are matched to attachments[].id == n for files[n]; an id naming an attachment the
 * message already has keeps it (edits).
 */
export function resolveAttachments(
  ctx: EmuContext,
  channelId: string,
  body: MessageBody,
  files: UploadedFile[],
  existing: EmuAttachment[] = [],
): EmuAttachment[] | undefined {
  if (!body.attachments && files.length === 0) return undefined;
  const out: EmuAttachment[] = [];
  const used = new Set<UploadedFile>();
  for (const [i, a] of (body.attachments ?? []).entries()) {
    const old = existing.find((e) => e.id === String(a.id));
    if (old) {
      out.push(old);
      continue;
    }
    const file = files.find((f) => f.field === `files[${a.id}]` || f.field === `file[${a.id}]`);
    if (!file) throw invalidFormBody(fieldError(['attachments', i], 'ATTACHMENT_NOT_FOUND', `Attachment data not found for id ${a.id}`));
    used.add(file);
    out.push(attachmentFromUpload(ctx, channelId, { ...file, filename: a.filename ?? file.filename }, a.description));
  }
  for (const f of files) if (!used.has(f)) out.push(attachmentFromUpload(ctx, channelId, f));
  return out;
}

/** The NewMessage fields common to every way of posting. */
export function messageFields(ctx: EmuContext, channel: EmuChannel, body: MessageBody, files: UploadedFile[]): Omit<NewMessage, 'channel' | 'authorId'> {
  return {
    content: body.content,
    embeds: body.embeds,
    components: body.components,
    attachments: resolveAttachments(ctx, channel.id, body, files),
    allowedMentions: body.allowed_mentions,
    replyTo: body.message_reference?.message_id,
    nonce: body.nonce,
    flags: body.flags ?? 0,
  };
}

/** Discord's idempotency: enforce_nonce + the same nonce from the same author within minutes. */
export function findByNonce(ctx: EmuContext, channelId: string, authorId: string, body: MessageBody): EmuMessage | undefined {
  if (!body.enforce_nonce || body.nonce == null) return undefined;
  const since = ctx.config.now() - 5 * 60_000;
  return ctx.state.messages.get(channelId)?.find((m) => m.nonce === body.nonce && m.author.id === authorId && m.createdAtMs >= since);
}

/**
 * PATCH of a webhook message (a webhook's own message, or an interaction's @original and follow-ups,
 * which Discord serves through the same webhook routes): validated like Discord, then applied.
 */
export function applyWebhookEdit(
  ctx: EmuContext,
  req: { body: unknown; files: UploadedFile[]; unknownKeys: string[] },
  message: EmuMessage,
  channelId: string,
): void {
  const body = (req.body ?? {}) as MessageBody;
  validateBody('webhookEdit', body);
  req.unknownKeys.push(...unknownKeys('webhookEdit', body));
  checkContent(body.content);
  checkEmbeds(body.embeds);
  editMessage(ctx, message, {
    content: body.content,
    embeds: body.embeds,
    components: body.components,
    allowedMentions: body.allowed_mentions,
    attachments: resolveAttachments(ctx, channelId, body, req.files, message.attachments),
  });
}
