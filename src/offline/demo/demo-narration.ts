// How the demo tells what happened: one printed line at a time (stdout for `npm run demo`, a list in
// tests), and a step wrapper so a step that does not happen stops the demo with the step's name.

export type Say = (line: string) => void;

/** Indents a block of bot output under the step that produced it. */
export const indent = (text: string) =>
  text
    .split('\n')
    .map((line) => `      ${line}`)
    .join('\n');

/**
 * Runs one numbered step; if it fails, the error says which step did not happen and why, so a newcomer
 * (or CI) reads "Step 4 (a reply in the thread) did not happen: ..." instead of a bare stack.
 */
export async function step<T>(number: number, name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`Step ${number} (${name}) did not happen: ${why}`, { cause: error });
  }
}

/** Throws the step's own message when what a person should see is not there. */
export function expectSeen<T>(value: T | undefined | null | false, missing: string): T {
  if (value === undefined || value === null || value === false) throw new Error(missing);
  return value;
}
