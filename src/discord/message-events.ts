import { Events, type Client } from 'discord.js';
import type { Context } from '../context.js';
import type { InFlight } from '../shared/in-flight.js';
import { onThreadReply, onThreadReplyDeleted, onThreadReplyEdited } from '../sync/comments/mirror-discord-reply.js';
import { completeMessage, toIncomingThreadMessage } from './thread-messages.js';

/**
 * Thread replies, edits and deletions become blog effects; the outbox is kicked to send them promptly. Each
 * handler's work is tracked in `running`, so a shutdown closes the database only after it.
 */
export function attachMessageEvents(client: Client, ctx: Context, running: InFlight): void {
  const fail = (what: string) => (error: unknown) => ctx.log.error({ err: error }, `could not record a ${what}`);
  client.on(Events.MessageCreate, (message) => {
    const incoming = toIncomingThreadMessage(message);
    if (!incoming) return;
    running.track(
      onThreadReply(ctx, incoming)
        .then((outcome) => outcome === 'mirrored' && ctx.kickOutbox())
        .catch(fail('thread reply')),
    );
  });
  client.on(Events.MessageUpdate, (_old, updated) => {
    running.track(
      completeMessage(updated)
        .then(async (message) => {
          const incoming = message && toIncomingThreadMessage(message);
          // Read with the content, from the same message state: the edit time orders this edit among the others.
          if (incoming && (await onThreadReplyEdited(ctx, { ...incoming, editedAt: message.editedAt })) === 'updated') ctx.kickOutbox();
        })
        .catch(fail('reply edit')),
    );
  });
  client.on(Events.MessageDelete, (message) => {
    if (!message.channel.isThread()) return;
    running.track(
      onThreadReplyDeleted(ctx, message.id)
        .then((outcome) => outcome === 'trashed' && ctx.kickOutbox())
        .catch(fail('reply deletion')),
    );
  });
}
