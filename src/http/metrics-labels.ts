import { effectHandlers } from '../sync/effect-registry.js';

// Every label value /metrics shows goes through one of these. Each maps its input onto a closed list (or onto a
// course's generated id), so no student name, e-mail, blog URL or secret can become a label, whatever a caller
// passes by mistake. Unknown values collapse into 'other' (or 'invalid') instead of growing the series.

const blogOutcomes = new Set(['ok', 'client_error', 'server_error', 'rate_limited', 'network', 'timeout', 'invalid_response']);
const reminderChannels = new Set(['dm', 'channel', 'staff_channel']);

/** The words Discord's REST routes are made of (the ones the bot calls and their neighbours); anything else is an id. */
const discordRouteWords = new Set([
  'applications',
  'archived',
  'active',
  'bot',
  'bulk-delete',
  'callback',
  'channels',
  'commands',
  'crosspost',
  'gateway',
  'guilds',
  'interactions',
  'invites',
  'members',
  'me',
  '@me',
  'messages',
  'original',
  'permissions',
  'pins',
  'private',
  'public',
  'reactions',
  'roles',
  'thread-members',
  'threads',
  'typing',
  'users',
  'webhooks',
  'followup',
  'search',
]);
const placeholders = new Set([':id', ':token', ':reaction']);

export function effectKindLabel(kind: string): string {
  return effectHandlers.has(kind) ? kind : 'other';
}

/** Course ids are Prisma cuids (lowercase letters and digits); a course's name never is one. */
export function courseLabel(courseId: string): string {
  return /^[a-z0-9]{20,40}$/.test(courseId) ? courseId : 'invalid';
}

export function blogOutcomeLabel(outcome: string): string {
  return blogOutcomes.has(outcome) ? outcome : 'other';
}

export function reminderStageLabel(stage: string): string {
  return /^before_\d{1,4}h$|^at_due$|^overdue_digest$/.test(stage) ? stage : 'other';
}

export function reminderChannelLabel(channel: string): string {
  return reminderChannels.has(channel) ? channel : 'other';
}

/**
 * discord.js's bucket route (`/channels/:id/messages`) already hides ids and webhook tokens; this keeps only
 * known route words and turns any other segment into `:id`, so a full path passed by mistake stays safe too.
 */
export function discordRouteLabel(route: string): string {
  const path = route.split('?')[0] ?? '';
  const parts = path
    .split('/')
    .slice(1)
    .map((part) => (discordRouteWords.has(part) || placeholders.has(part) ? part : ':id'));
  return `/${parts.join('/')}`;
}
