// The bot world a test file runs in, built and closed by the file's hooks. The world, its clock and the essay
// thread are exported as live bindings, so each test, and the helpers written beside it, read the current
// world without passing it around.
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { ManualClock } from '../../src/shared/clock.js';
import { startBotWorld, type BotWorld } from './bot-world.js';
import { publishEssayThread, startCourseWorld } from './course-world.js';

export let world: BotWorld;
/** With `onManualClock`: the clock the world runs on, moved only by the test (past a retry's backoff, say). */
export let clock: ManualClock;
/** With useEssayThreadWorld: the essay published before the file's tests, and its thread. */
export let postId: number;
export let threadId: string;

interface WorldChoice {
  /** Start after the instructor ran /course setup (else the test sets the course up itself, or not at all). */
  courseSetUp?: boolean;
  /** Run the world on a new ManualClock instead of the real one. */
  onManualClock?: boolean;
  /** 'whole file': one world shared by the file's tests, for tests that build on each other or cost much to start. */
  scope?: 'each test' | 'whole file';
  /** Runs on the new world before any test sees it; the world is closed after even when this throws. */
  prepare?: (world: BotWorld) => Promise<void>;
}

/** Call once at the top of a test file: builds the world before each test (or once), and closes it after. */
export function useBotWorld({ courseSetUp = false, onManualClock = false, scope = 'each test', prepare }: WorldChoice = {}): void {
  const [before, after] = scope === 'each test' ? [beforeEach, afterEach] : [beforeAll, afterAll];
  before(async () => {
    const start = courseSetUp ? startCourseWorld : startBotWorld;
    if (onManualClock) clock = new ManualClock(new Date());
    world = await start(onManualClock ? { clock } : {});
    await prepare?.(world);
  });
  after(() => world?.close());
}

/** One world for the whole file: the course set up, and `title` published by Alice and polled into its thread. */
export function useEssayThreadWorld(title: string): void {
  useBotWorld({
    courseSetUp: true,
    scope: 'whole file',
    prepare: async (built) => {
      ({ postId, threadId } = await publishEssayThread(built, title));
    },
  });
}

/** Syncs until `seen` holds; a generous bound, since syncing shares the machine with other suites. */
export const syncUntil = (seen: () => boolean, what: string) => world.emu.waitFor(async () => (await world.bot.syncNow(), seen()), 20_000, what);
