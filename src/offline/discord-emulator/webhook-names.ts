// Discord's rules for webhook names, documented under Create Webhook and applied by Discord to the
// `username` a webhook message is executed with as well (50035 on either): trimmed, 1-80 characters,
// no "clyde" or "discord" in any case, and (as for user names) not "everyone" or "here".
import { fieldError, invalidFormBody } from './errors.js';

const FORBIDDEN_PARTS = ['clyde', 'discord'];
const FORBIDDEN_NAMES = ['everyone', 'here'];

export function checkWebhookName(value: unknown, path: string[]): void {
  // Discord trims names before checking them; length is in characters (code points), not UTF-16 units.
  const name = typeof value === 'string' ? value.trim() : '';
  const length = [...name].length;
  if (length < 1 || length > 80) throw invalidFormBody(fieldError(path, 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 80 in length.'));
  const part = FORBIDDEN_PARTS.find((p) => name.toLowerCase().includes(p));
  if (part) throw invalidFormBody(fieldError(path, 'USERNAME_INVALID_CONTAINS', `Username cannot contain "${part}"`));
  if (FORBIDDEN_NAMES.includes(name.toLowerCase())) throw invalidFormBody(fieldError(path, 'USERNAME_INVALID', `Username cannot be "${name}"`));
}
