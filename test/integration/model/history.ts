import fc from 'fast-check';
import type { Fault, FaultMode } from './faults.js';
import type { ModelFlags } from './flags.js';

/**
 * What people (and the clock) do, as generated steps. Items are picked by index among those that exist
 * when the step runs (`pick` modulo their count), so any generated or shrunk history is applicable.
 */
export type Step =
  | { kind: 'publish'; future: boolean; title: number }
  | { kind: 'editEssay'; pick: number; title: number }
  | { kind: 'unpublish'; pick: number }
  | { kind: 'republish'; pick: number }
  | { kind: 'reply'; pick: number; student: number; text: number; process: number }
  | { kind: 'editReply'; pick: number; text: number; process: number }
  | { kind: 'deleteReply'; pick: number; process: number }
  | { kind: 'blogComment'; pick: number; reader: number; text: number }
  | { kind: 'editBlogComment'; pick: number; text: number }
  | { kind: 'moderate'; pick: number; status: 'approved' | 'hold' | 'spam' | 'trash' }
  | { kind: 'deleteBlogComment'; pick: number }
  | { kind: 'sync'; process: number; faults: Fault[]; alongside: boolean }
  | { kind: 'wait'; ms: number };

export interface History {
  /** Each process's clock minus the real time (the blog's clock is the real time). */
  skewMs: [number, number];
  steps: Step[];
}

/** Short texts, none inside another, so the text a message shows can be told from its other versions. */
export const phrases = [
  'Agreed.',
  'Great post!',
  'Good point on the sources.',
  'I disagree with the second claim.',
  'Thanks for sharing this.',
  'What about the primary evidence?',
];
export const titles = ['On Reform', 'The Thaw', 'Letters Home', 'A Quiet Archive'];
export const studentNames = ['Ada Student', 'Ben Student', 'Cy Student'];
export const readerNames = ['Reader One', 'Reader Two'];

/** The text of an item: a shared phrase when identical texts are on, else one only this item uses. */
export function textFor(flags: ModelFlags, phrase: number, itemKey: string): string {
  const base = phrases[phrase % phrases.length]!;
  return flags.events.identicalTexts ? base : `${base} ${itemKey}`;
}

const pick = fc.nat({ max: 20 });
const phrase = fc.nat({ max: phrases.length - 1 });
const proc = fc.constantFrom(0, 1);

function faultArb(flags: ModelFlags): fc.Arbitrary<Fault> | null {
  const modes = (Object.keys(flags.faults) as Array<keyof ModelFlags['faults']>).filter(
    (m) => flags.faults[m] && m !== 'twoDrainers' && m !== 'clockSkew',
  ) as FaultMode[];
  if (modes.length === 0) return null;
  return fc.record({ side: fc.constantFrom('chat' as const, 'blog' as const), mode: fc.constantFrom(...modes), after: fc.nat({ max: 2 }) });
}

function syncArb(flags: ModelFlags): fc.Arbitrary<Step> {
  const fault = faultArb(flags);
  return fc.record({
    kind: fc.constant('sync' as const),
    process: proc,
    faults: fault ? fc.array(fault, { maxLength: 2 }) : fc.constant<Fault[]>([]),
    alongside: flags.faults.twoDrainers ? fc.boolean() : fc.constant(false),
  });
}

/** Steps enabled by the flags, weighted so histories have threads to talk in. */
export function stepArb(flags: ModelFlags): fc.Arbitrary<Step> {
  const e = flags.events;
  const options: Array<{ weight: number; arbitrary: fc.Arbitrary<Step> }> = [
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('publish' as const),
        future: e.futureDatedEssays ? fc.boolean() : fc.constant(false),
        title: fc.nat({ max: titles.length - 1 }),
      }),
    },
    { weight: 6, arbitrary: syncArb(flags) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.constantFrom(1_000, 20_000, 90_000, 10 * 60_000, 3 * 3_600_000) }) },
  ];
  const add = (on: boolean, weight: number, arbitrary: fc.Arbitrary<Step>) => on && options.push({ weight, arbitrary });
  add(e.essayEdits, 1, fc.record({ kind: fc.constant('editEssay' as const), pick, title: fc.nat({ max: titles.length - 1 }) }));
  add(e.unpublish, 1, fc.record({ kind: fc.constant('unpublish' as const), pick }));
  add(e.unpublish && e.republish, 1, fc.record({ kind: fc.constant('republish' as const), pick }));
  add(e.replies, 5, fc.record({ kind: fc.constant('reply' as const), pick, student: fc.nat({ max: studentNames.length - 1 }), text: phrase, process: proc }));
  add(e.replyEdits, 2, fc.record({ kind: fc.constant('editReply' as const), pick, text: phrase, process: proc }));
  add(e.replyDeletes, 1, fc.record({ kind: fc.constant('deleteReply' as const), pick, process: proc }));
  add(e.blogComments, 4, fc.record({ kind: fc.constant('blogComment' as const), pick, reader: fc.nat({ max: readerNames.length - 1 }), text: phrase }));
  add(e.blogEdits, 2, fc.record({ kind: fc.constant('editBlogComment' as const), pick, text: phrase }));
  add(
    e.moderation,
    2,
    fc.record({
      kind: fc.constant('moderate' as const),
      pick,
      status: fc.constantFrom('approved' as const, 'hold' as const, 'spam' as const, 'trash' as const),
    }),
  );
  add(e.blogDeletes, 1, fc.record({ kind: fc.constant('deleteBlogComment' as const), pick }));
  return fc.oneof(...options);
}

const skewArb = fc.constantFrom(0, -30_000, 30_000, -3 * 60_000, 3 * 60_000);

/** Every history starts with an essay on the blog, so the generated steps have a thread to happen in. */
const firstEssay: Step = { kind: 'publish', future: false, title: 0 };

export function historyArb(flags: ModelFlags, maxSteps = 24): fc.Arbitrary<History> {
  return fc
    .record({
      skewMs: flags.faults.clockSkew ? fc.tuple(skewArb, skewArb) : fc.constant<[number, number]>([0, 0]),
      steps: fc.array(stepArb(flags), { minLength: 1, maxLength: maxSteps }),
    })
    .map((h) => ({ ...h, steps: [firstEssay, ...h.steps] }));
}
