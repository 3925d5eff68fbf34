// Request bodies are parsed with the zod schemas generated from Discord's official OpenAPI spec
// (discord-api-spec), so a body real Discord would reject fails here too. The schemas ignore
// unknown keys, so those are reported separately (Discord also ignores them: usually a typo).
import { fieldError, invalidFormBody, type FieldErrors } from './errors.js';

interface MiniSchema {
  safeParse(data: unknown): { success: boolean; error?: { issues: ZodIssue[] } };
  _zod?: { def?: { shape?: Record<string, unknown> } };
}
interface ZodIssue {
  code: string;
  path: PropertyKey[];
  maximum?: unknown;
  minimum?: unknown;
  message: string;
}

// The package's "types" entry points at a .js file, so TypeScript cannot see its exports; load it
// through a non-literal specifier and describe the little we use (safeParse and the object shape).
const SPEC_MODULE: string = 'discord-api-spec/zod';
const spec = (await import(SPEC_MODULE)) as Record<string, MiniSchema>;

export const schemas = {
  messageCreate: spec.MessageCreateRequestSchema,
  messageEdit: spec.MessageEditRequestPartialSchema,
  forumThread: spec.CreateForumThreadRequestSchema,
  textThread: spec.CreateTextThreadWithoutMessageRequestSchema,
  threadFromMessage: spec.CreateTextThreadWithMessageRequestSchema,
  threadUpdate: spec.UpdateThreadRequestPartialSchema,
  webhookExecute: spec.IncomingWebhookRequestPartialSchema,
  webhookEdit: spec.IncomingWebhookUpdateRequestPartialSchema,
  callbackMessage: spec.CreateMessageInteractionCallbackRequestSchema,
  callbackUpdate: spec.UpdateMessageInteractionCallbackRequestSchema,
  callbackModal: spec.ModalInteractionCallbackRequestSchema,
  commandCreate: spec.ApplicationCommandCreateRequestSchema,
  commandBulkItem: spec.ApplicationCommandUpdateRequestSchema,
  openDm: spec.CreatePrivateChannelRequestSchema,
} as const;

export type SchemaName = keyof typeof schemas;

function issueToError(issue: ZodIssue): FieldErrors {
  const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
  if (issue.code === 'too_big') return fieldError(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${String(issue.maximum)} or fewer in length.`);
  if (issue.code === 'too_small') return fieldError(path, 'BASE_TYPE_MIN_LENGTH', `Must be ${String(issue.minimum)} or more in length.`);
  if (issue.code === 'invalid_type' && issue.message.includes('undefined')) return fieldError(path, 'BASE_TYPE_REQUIRED', 'This field is required');
  return fieldError(path, issue.code.toUpperCase(), issue.message);
}

function merge(a: FieldErrors, b: FieldErrors): FieldErrors {
  const out: FieldErrors = { ...a };
  for (const [k, v] of Object.entries(b)) {
    out[k] = k in out && typeof out[k] === 'object' && typeof v === 'object' && k !== '_errors' ? merge(out[k] as FieldErrors, v as FieldErrors) : v;
  }
  return out;
}

/**
 * Discord documents some integers as strings (`default_member_permissions: ?string`, permission bit
 * sets) and discord.js sends them so; the spec's generated schemas type them as numbers. Digits-only
 * strings in those fields are read as numbers before validation; anything else still fails.
 */
const stringEncodedIntegers = ['default_member_permissions', 'permissions'];
function withStringIntegersAsNumbers(body: unknown): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const copy: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  for (const key of stringEncodedIntegers) {
    const value = copy[key];
    if (typeof value === 'string' && /^\d+$/.test(value)) copy[key] = Number(value);
  }
  return copy;
}

/** Throws 50035 Invalid Form Body with Discord-style nested errors when the spec schema rejects the body. */
export function validateBody(name: SchemaName, body: unknown): void {
  const schema = schemas[name];
  if (!schema) throw new Error(`emulator: discord-api-spec has no schema for ${name}`);
  const result = schema.safeParse(withStringIntegersAsNumbers(body));
  if (result.success) return;
  const errors = (result.error?.issues ?? []).map(issueToError).reduce(merge, {});
  throw invalidFormBody(errors);
}

/** Top-level keys of the body that the schema does not declare. */
export function unknownKeys(name: SchemaName, body: unknown): string[] {
  const shape = schemas[name]?._zod?.def?.shape;
  if (!shape || !body || typeof body !== 'object' || Array.isArray(body)) return [];
  return Object.keys(body).filter((k) => !(k in shape));
}

/** Response schemas from the spec, to check what the emulator sends back (reported, not thrown). */
export const responseSchemas = {
  message: spec.MessageResponseSchema,
  guildChannel: spec.GuildChannelResponseSchema,
  thread: spec.ThreadResponseSchema,
  createdThread: spec.CreatedThreadResponseSchema,
  threads: spec.ThreadsResponseSchema,
  privateChannel: spec.PrivateChannelResponseSchema,
  guild: spec.GuildResponseSchema,
  role: spec.GuildRoleResponseSchema,
  member: spec.GuildMemberResponseSchema,
  gatewayBot: spec.GatewayBotResponseSchema,
  userPii: spec.UserPIIResponseSchema,
  user: spec.UserResponseSchema,
  webhook: spec.GuildIncomingWebhookResponseSchema,
  command: spec.ApplicationCommandResponseSchema,
  application: spec.PrivateApplicationResponseSchema,
  interactionCallback: spec.InteractionCallbackResponseSchema,
} as const;

export type ResponseSchemaName = keyof typeof responseSchemas;

/** "path: problem" lines for each way `body` departs from the spec's response schema. */
export function responseIssues(name: ResponseSchemaName, body: unknown): string[] {
  const items = Array.isArray(body) && name !== 'threads' ? body : [body];
  return items.flatMap((item, i) => {
    const result = responseSchemas[name]?.safeParse(item);
    if (!result || result.success) return [];
    return (result.error?.issues ?? []).map((iss) => `${name}${items.length > 1 || Array.isArray(body) ? `[${i}]` : ''}.${iss.path.join('.')}: ${iss.code}`);
  });
}
