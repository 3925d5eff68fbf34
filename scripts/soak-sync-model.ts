// The sync fault model for longer: many generated histories with faults, each failure printed with its
// seed and its shrunk history (paste that into test/integration/model/regressions.ts to keep it).
//   npm run soak:sync -- [runs] [seed]            (or SOAK_RUNS, SOAK_SEED)
//   SOAK_FLAGS=all|baseline  SOAK_ON=name,name  SOAK_OFF=name,name  SOAK_STEPS=40
// What `npm test` runs always, for longer: SOAK_FLAGS=all SOAK_OFF=earlyReplies (earlyReplies is an open hole).
import { allOn, baseline, parseFlagList } from '../test/integration/model/flags.js';
import { checkModel } from '../test/integration/model/property.js';

const runs = Number(process.argv[2] ?? process.env.SOAK_RUNS ?? 300);
const seed = Number(process.argv[3] ?? process.env.SOAK_SEED ?? Date.now() % 2_147_483_647);
let flags = process.env.SOAK_FLAGS === 'all' ? allOn() : baseline();
flags = parseFlagList(flags, process.env.SOAK_ON ?? '', true);
flags = parseFlagList(flags, process.env.SOAK_OFF ?? '', false);
const maxSteps = Number(process.env.SOAK_STEPS ?? 40);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`runs must be a positive whole number, got "${process.argv[2] ?? process.env.SOAK_RUNS}"`);

const on = (group: Record<string, boolean>) =>
  Object.keys(group)
    .filter((k) => group[k])
    .join(', ') || 'none';
process.stdout.write(
  `sync fault model: ${runs} runs, seed ${seed}, up to ${maxSteps} steps\n  events: ${on({ ...flags.events })}\n  faults: ${on({ ...flags.faults })}\n`,
);
const started = Date.now();
const failure = await checkModel(flags, { numRuns: runs, seed, maxSteps });
process.stdout.write(`${failure ?? `all ${runs} histories held every invariant`}\n(${((Date.now() - started) / 1_000).toFixed(1)} s)\n`);
process.exit(failure ? 1 : 0);
