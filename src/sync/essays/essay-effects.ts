import { z } from 'zod';
import { essayThreadMarker } from '../../core/essays/essay-marker.js';
import {
  essayThreadOpening,
  essayThreadPlace,
  markEssayStarterRendered,
  markEssayThreadLocked,
  markEssayThreadReopened,
  recordEssayThread,
} from '../../db/repositories/essay-threads.js';
import { ChatError, type StarterEmbed } from '../../ports/chat-port.js';
import { defineEffect } from '../../outbox/effect-handler.js';
import { enqueueThreadReadBack } from '../comments/read-back-thread.js';

const starter = z.object({
  title: z.string(),
  content: z.string(),
  embed: z.custom<StarterEmbed>().nullable(),
  hash: z.string(),
});

/**
 * Opens the essay's thread. A forum post takes no nonce, so a retry after an interrupted try first
 * looks for the thread by the essay's marker (its `<url>` line) in the starter message; a text channel message carries a
 * nonce and a thread can be started only once per message (160004), which makes the retry safe.
 */
export const createEssayThread = defineEffect({
  kind: 'discord.create_essay_thread',
  payload: z.object({ essayId: z.string(), starter }),
  async run(ctx, { essayId, starter: view }, attempt) {
    const essay = await essayThreadOpening(ctx.db, essayId);
    if (essay.threadId) return { result: { threadId: essay.threadId, reused: true } };
    const where = { guildId: essay.course.guildId, channelId: essay.course.channelId };
    const found = attempt > 1 ? await ctx.chat.findEssayThread({ ...where, marker: essayThreadMarker(essay.url), title: view.title }) : null;
    const ref =
      found ??
      (await ctx.chat.createEssayThread({
        ...where,
        channelKind: essay.course.channelKind === 'text' ? 'text' : 'forum',
        title: view.title,
        content: view.content,
        embed: view.embed,
        nonce: essay.threadNonce,
      }));
    return {
      result: { threadId: ref.threadId, reconciled: Boolean(found) },
      record: async (tx) => {
        await recordEssayThread(tx, essayId, { threadId: ref.threadId, starterMessageId: ref.starterMessageId, renderedHash: view.hash });
        // Students can reply from the moment Discord shows the thread; until this commits, their replies' events
        // find no essay for it. Reading the thread back afterwards records them.
        await enqueueThreadReadBack(tx, { courseId: essay.courseId, essayId, reason: 'created' }, ctx.clock.now());
      },
    };
  },
});

async function threadOf(ctx: Parameters<typeof createEssayThread.run>[0], essayId: string) {
  const essay = await essayThreadPlace(ctx.db, essayId);
  if (!essay.threadId) throw new ChatError('unavailable', 'the essay thread is not created yet');
  return { guildId: essay.course.guildId, channelId: essay.course.channelId, threadId: essay.threadId, starterMessageId: essay.starterMessageId };
}

/** Brings the thread title and starter message in line with the edited essay (idempotent). */
export const editEssayThread = defineEffect({
  kind: 'discord.edit_essay_thread',
  payload: z.object({ essayId: z.string(), starter }),
  async run(ctx, { essayId, starter: view }) {
    const ref = await threadOf(ctx, essayId);
    await ctx.chat.editEssayThread(ref, { title: view.title, content: view.content, embed: view.embed });
    return { record: (tx) => markEssayStarterRendered(tx, essayId, view.hash) };
  },
});

/** Marks and locks the thread of an essay that left the blog, rather than leaving it silently. */
export const closeEssayThread = defineEffect({
  kind: 'discord.close_essay_thread',
  payload: z.object({ essayId: z.string(), reason: z.enum(['unpublished', 'deleted']) }),
  async run(ctx, { essayId, reason }) {
    const ref = await threadOf(ctx, essayId);
    const note =
      reason === 'deleted'
        ? 'This essay was deleted from the blog. The thread is locked; its discussion stays here for the record.'
        : 'This essay is no longer published on the blog. The thread is locked until it is published again.';
    await ctx.chat.closeEssayThread(ref, note);
    return { record: (tx) => markEssayThreadLocked(tx, essayId) };
  },
});

/** Unlocks the thread of an essay published again and brings its title and starter back in line. */
export const reopenEssayThread = defineEffect({
  kind: 'discord.reopen_essay_thread',
  payload: z.object({ essayId: z.string(), starter, noteNonce: z.string() }),
  async run(ctx, { essayId, starter: view, noteNonce }) {
    const ref = await threadOf(ctx, essayId);
    const note = 'This essay is published again on the blog. The thread is open: replies here and comments on the blog are mirrored again.';
    await ctx.chat.reopenEssayThread(ref, { title: view.title, content: view.content, embed: view.embed, note, noteNonce });
    return { record: (tx) => markEssayThreadReopened(tx, essayId, view.hash) };
  },
});
