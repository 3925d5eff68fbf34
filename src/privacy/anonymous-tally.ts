// The course's AnonymousTally lives in src/db/repositories/tally-anonymous.ts; purges and reports reach it from here.
export { addToTally, readTally, type TallyIncrement } from '../db/repositories/tally-anonymous.js';
