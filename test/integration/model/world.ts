// The world a model history runs in (see sync-fault-model.test.ts): people acting in Discord and on the blog,
// two bot processes ticking, and time passing; blog-people.ts holds what people do on the blog.
import { onThreadReply, onThreadReplyDeleted, onThreadReplyEdited } from '../../../src/sync/comments/mirror-discord-reply.js';
import { renewClaim } from '../../../src/outbox/outbox-claims.js';
import type { IncomingThreadMessage } from '../../../src/ports/thread-message.js';
import type { MemoryThread } from '../../support/memory-chat.js';
import { humanReply } from '../../support/incoming-reply.js';
import { BotProcess, leaseSeconds, type Shared } from './bot-process.js';
import type { ModelFlags } from './flags.js';
import { studentNames, textFor, type History, type Step } from './history.js';
import { applyBlogStep, publishedPost } from './blog-people.js';
import type { Happened } from './truth.js';

export const studentDiscordId = (i: number) => `70000000000000000${i}`;

/**
 * The world one history runs in: the people (students in Discord, readers and moderators on the blog),
 * two bot processes, and the log of what people actually did (`happened`), from which the truth is computed.
 */
export class World {
  readonly happened: Happened[] = [];
  readonly processes: BotProcess[] = [];
  private replies: Array<{ messageId: string; threadId: string }> = [];
  private nextMessageId = 800_000;

  constructor(
    readonly shared: Shared,
    readonly flags: ModelFlags,
    private readonly history: History,
  ) {
    this.start(0);
    this.start(1);
  }

  /** A new process in slot `index` (a restart: new owner, same database). */
  start(index: number): BotProcess {
    const process = new BotProcess(this.shared, this.history.skewMs[index]!, {
      // While this process's call is held open, time passes past one lease period and the other process ticks.
      // The process is alive meanwhile, so its claim keeper renews the claims of its running calls (as
      // keepClaim's timer does, three times a period); its course lease, renewed only between courses, lapses.
      whileHeld: async () => {
        await this.passTimeRenewingClaims(leaseSeconds * 1_000 + 1_000);
        await this.processes[1 - index]!.tick();
      },
    });
    this.processes[index] = process;
    return process;
  }

  /** Time passes in thirds of a claim period; after each, every live claim is renewed by its (live) owner. */
  private async passTimeRenewingClaims(ms: number): Promise<void> {
    const claimMs = leaseSeconds * 1_000;
    const live = await this.shared.db.outboxItem.findMany({
      where: { status: 'pending', claimedUntil: { gt: this.shared.clock.now() } },
      select: { id: true, attempts: true },
    });
    for (let passed = 0; passed < ms; passed += claimMs / 3) {
      this.shared.clock.advance(Math.min(claimMs / 3, ms - passed));
      for (const claim of live) await renewClaim(this.shared.db, claim.id, claim.attempts, claimMs);
    }
  }

  private threadOf(postId: number): MemoryThread | undefined {
    const url = this.shared.blog.post(postId)!.url;
    return this.shared.discord.threads.find((t) => t.messages[0]?.content.includes(`<${url}>`));
  }

  /** As discord.js reports it; an edit carries Discord's edit time (edits are ordered by it). */
  private message(threadId: string, messageId: string, student: number, content: string, editedAt?: Date): IncomingThreadMessage {
    return humanReply({
      messageId,
      threadId,
      authorId: studentDiscordId(student),
      authorDisplayName: studentNames[student]!,
      content,
      createdAt: this.shared.clock.now(),
      ...(editedAt ? { editedAt } : {}),
    });
  }

  async apply(step: Step): Promise<void> {
    const { blog, clock, discord } = this.shared;
    const now = clock.now();
    clock.advance(1_000);
    switch (step.kind) {
      case 'wait':
        return clock.advance(step.ms);
      case 'sync':
        return this.sync(step);
      case 'reply': {
        const post = publishedPost(blog, step.pick);
        const thread = post && this.threadOf(post.id);
        // A person can only reply in a thread that is there and open (and, without earlyReplies, that the bot has recorded).
        if (!post || !thread || thread.locked) return;
        if (!this.flags.events.earlyReplies && !(await this.shared.db.essay.findFirst({ where: { threadId: thread.id }, select: { id: true } }))) return;
        const messageId = String((this.nextMessageId += 1));
        const text = textFor(this.flags, step.text, `ref${messageId}`);
        thread.messages.push({
          id: messageId,
          content: text,
          embed: null,
          username: studentNames[step.student]!,
          viaWebhook: false,
          deleted: false,
          reactions: new Set(),
        });
        this.replies.push({ messageId, threadId: thread.id });
        this.happened.push({ kind: 'reply', messageId, postId: post.id, author: studentNames[step.student]!, text });
        await onThreadReply(this.processes[step.process]!.ctx, this.message(thread.id, messageId, step.student, text));
        return;
      }
      case 'editReply':
      case 'deleteReply': {
        const live = this.replies.filter((r) => discord.threads.some((t) => t.id === r.threadId && t.messages.some((m) => m.id === r.messageId && !m.deleted)));
        const reply = live[step.pick % Math.max(1, live.length)];
        if (!reply) return;
        const thread = discord.threads.find((t) => t.id === reply.threadId)!;
        const message = thread.messages.find((m) => m.id === reply.messageId)!;
        const ctx = this.processes[step.process]!.ctx;
        if (step.kind === 'deleteReply') {
          message.deleted = true;
          this.happened.push({ kind: 'replyDeleted', messageId: reply.messageId });
          await onThreadReplyDeleted(ctx, reply.messageId);
          return;
        }
        if (thread.locked) return;
        message.content = textFor(this.flags, step.text, `ref${reply.messageId}`);
        this.happened.push({ kind: 'replyEdited', messageId: reply.messageId, text: message.content });
        const student = studentNames.indexOf(message.username!);
        await onThreadReplyEdited(ctx, this.message(thread.id, reply.messageId, student, message.content, this.shared.clock.now()));
        return;
      }
      default:
        return applyBlogStep(blog, this.flags, this.happened, step, now);
    }
  }

  /** A scheduled tick of one process with its faults armed, and `/sync now` in the other alongside. */
  private async sync(step: Extract<Step, { kind: 'sync' }>): Promise<void> {
    const process = this.processes[step.process]!;
    process.injector.arm(step.faults);
    const other = step.alongside ? this.processes[1 - step.process]!.syncNow() : Promise.resolve();
    await process.tick();
    await other;
    process.injector.disarm();
    // Killed mid-call: the process restarts as a new owner; its lease and claims lapse in their own time.
    if (process.injector.isCrashed) this.start(step.process);
  }
}
