// Discord replies as the adapter reports them, for the tests that feed the reply handlers directly (here and
// in ../model). Only what differs from one reply to the next is given; the rest is a plain human message.
import type { IncomingThreadMessage } from '../../src/ports/thread-message.js';

export type ReplyFields = Pick<IncomingThreadMessage, 'messageId' | 'threadId' | 'authorId' | 'authorDisplayName' | 'content' | 'createdAt'> &
  Partial<IncomingThreadMessage>;

/** A person's message in a thread: not from a bot or webhook, not a reply to another, no attachments or mentions. */
export function humanReply(fields: ReplyFields): IncomingThreadMessage {
  return {
    fromBotOrWebhook: false,
    isSystem: false,
    replyToMessageId: null,
    attachments: [],
    users: {},
    channels: {},
    roles: {},
    ...fields,
  };
}
