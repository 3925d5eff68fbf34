/**
 * Switches for the fault model: every kind of event and every class of fault can be turned off, so a
 * hole that is being fixed elsewhere can be kept out of the default run and turned on once it merges.
 */
export interface EventFlags {
  /** Essays published with a date ahead of the bot's clock (a scheduled post, a blog whose clock runs ahead). */
  futureDatedEssays: boolean;
  essayEdits: boolean;
  /** Unpublish an essay; with `republish`, publish it again later. */
  unpublish: boolean;
  republish: boolean;
  replies: boolean;
  /**
   * A student replies in a thread the bot created but has not recorded yet (its create crashed, timed out or
   * was fenced out after the call landed, until a retry adopts the thread). Off, students reply only in
   * threads the bot has recorded: the open hole "replies in a thread not yet recorded are dropped".
   */
  earlyReplies: boolean;
  replyEdits: boolean;
  replyDeletes: boolean;
  blogComments: boolean;
  blogEdits: boolean;
  /** A moderator holds, spams, trashes or approves a blog comment. */
  moderation: boolean;
  blogDeletes: boolean;
  /** Texts drawn from a small shared vocabulary ("Agreed."), so different people (or one person twice) say the same. */
  identicalTexts: boolean;
}

export interface FaultFlags {
  /** The remote call happens, then the process dies before recording it (restart on the same database). */
  crashAfterCall: boolean;
  /** 429 from Discord or the blog. */
  rateLimit: boolean;
  /** 5xx from Discord or the blog. */
  serverError: boolean;
  /** The remote call happens but the answer never comes back in time (the worker records a retry). */
  timeout: boolean;
  /** A call slower than the outbox claim: another process drains meanwhile, then the slow call returns. */
  hangPastClaim: boolean;
  /** `/sync now` in a second process runs alongside the scheduled tick. */
  twoDrainers: boolean;
  /** The course lease lapses mid-call and another process takes it over (the first one is fenced out). */
  lostLease: boolean;
  /** The two processes' clocks disagree by up to a few minutes. */
  clockSkew: boolean;
}

export interface ModelFlags {
  events: EventFlags;
  faults: FaultFlags;
}

const allEvents: EventFlags = {
  futureDatedEssays: true,
  essayEdits: true,
  unpublish: true,
  republish: true,
  replies: true,
  earlyReplies: true,
  replyEdits: true,
  replyDeletes: true,
  blogComments: true,
  blogEdits: true,
  moderation: true,
  blogDeletes: true,
  identicalTexts: true,
};

const allFaults: FaultFlags = {
  crashAfterCall: true,
  rateLimit: true,
  serverError: true,
  timeout: true,
  hangPastClaim: true,
  twoDrainers: true,
  lostLease: true,
  clockSkew: true,
};

/** Everything on: what the model should pass once every known hole is fixed. */
export function allOn(): ModelFlags {
  return { events: { ...allEvents }, faults: { ...allFaults } };
}

/** Everything off but plain essays, replies and blog comments, with no faults: the baseline that must hold today. */
export function baseline(): ModelFlags {
  const events = Object.fromEntries(Object.keys(allEvents).map((k) => [k, false])) as unknown as EventFlags;
  const faults = Object.fromEntries(Object.keys(allFaults).map((k) => [k, false])) as unknown as FaultFlags;
  return { events: { ...events, replies: true, blogComments: true }, faults };
}

/** Flags built from a baseline with some switched on (or off). */
export function withFlags(base: ModelFlags, on: { events?: Partial<EventFlags>; faults?: Partial<FaultFlags> }): ModelFlags {
  return { events: { ...base.events, ...on.events }, faults: { ...base.faults, ...on.faults } };
}

/** Parses `futureDatedEssays,crashAfterCall` style lists (soak script): names of events or faults to switch. */
export function parseFlagList(base: ModelFlags, list: string, value: boolean): ModelFlags {
  const flags = withFlags(base, {});
  for (const name of list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (name in flags.events) (flags.events as unknown as Record<string, boolean>)[name] = value;
    else if (name in flags.faults) (flags.faults as unknown as Record<string, boolean>)[name] = value;
    else throw new Error(`unknown flag "${name}": use one of ${[...Object.keys(flags.events), ...Object.keys(flags.faults)].join(', ')}`);
  }
  return flags;
}
