// Interactions the emulator started (slash commands, button presses) and everything the bot
// answered to each, so a test can `await ix.response()` and inspect ix.all().
import type { EmuMessage } from './state.js';

export interface InteractionResponseView {
  kind: 'callback' | 'edit' | 'followup' | 'delete';
  /** Callback type (4 reply, 5 deferred, 6 deferred update, 7 update, 9 modal); 0 for edits/follow-ups. */
  type: number;
  content: string;
  embeds: unknown[];
  components: unknown[];
  flags: number;
  ephemeral: boolean;
  /** `description` is the alt text the bot gave the file, if any. */
  attachments: { filename: string; data: Buffer; description?: string }[];
  messageId?: string;
  /** Modal callbacks only: the modal the bot opened. */
  modal?: unknown;
}

export interface InteractionRecord {
  id: string;
  token: string;
  type: number;
  guildId?: string;
  channelId: string;
  userId: string;
  createdAt: number;
  acknowledged: boolean;
  /** The message @original refers to: the reply (or its placeholder), or the clicked message for components. */
  originalMessageId?: string;
  sourceMessageId?: string;
  commandName?: string;
  responses: InteractionResponseView[];
  waiters: (() => void)[];
}

export interface InteractionHandle {
  id: string;
  token: string;
  /** Resolves with the first real answer (a reply, an update, or the edit/follow-up after a defer). */
  response(timeoutMs?: number): Promise<InteractionResponseView>;
  /** Every callback, edit and follow-up so far, in order. */
  all(): InteractionResponseView[];
}

export function viewOf(
  kind: InteractionResponseView['kind'],
  type: number,
  m: EmuMessage | undefined,
  extra: Partial<InteractionResponseView> = {},
): InteractionResponseView {
  const flags = m?.flags ?? 0;
  return {
    kind,
    type,
    content: m?.content ?? '',
    embeds: m?.embeds ?? [],
    components: m?.components ?? [],
    flags,
    ephemeral: (flags & 64) === 64,
    attachments: (m?.attachments ?? []).map((a) => ({
      filename: a.filename,
      data: a.data ?? Buffer.alloc(0),
      ...(a.description ? { description: a.description } : {}),
    })),
    ...(m ? { messageId: m.id } : {}),
    ...extra,
  };
}

const isAnswer = (v: InteractionResponseView) => !(v.kind === 'callback' && (v.type === 5 || v.type === 6));

export class InteractionTracker {
  private readonly byId = new Map<string, InteractionRecord>();

  add(record: InteractionRecord): InteractionHandle {
    this.byId.set(record.id, record);
    return {
      id: record.id,
      token: record.token,
      all: () => [...record.responses],
      response: (timeoutMs = 5000) => {
        const found = () => record.responses.find(isAnswer);
        return new Promise((resolve, reject) => {
          const hit = found();
          if (hit) return resolve(hit);
          const timer = setTimeout(() => {
            const seen = record.responses.map((r) => `${r.kind}:${r.type}`).join(', ') || 'nothing';
            reject(new Error(`emulator: /${record.commandName ?? 'interaction'} got no answer within ${timeoutMs} ms (saw ${seen})`));
          }, timeoutMs);
          record.waiters.push(() => {
            const v = found();
            if (v) {
              clearTimeout(timer);
              resolve(v);
            }
          });
        });
      },
    };
  }

  get(id: string): InteractionRecord | undefined {
    return this.byId.get(id);
  }

  byToken(token: string): InteractionRecord | undefined {
    for (const r of this.byId.values()) if (r.token === token) return r;
    return undefined;
  }

  record(r: InteractionRecord, view: InteractionResponseView): void {
    r.responses.push(view);
    for (const w of [...r.waiters]) w();
  }
}
