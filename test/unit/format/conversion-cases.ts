// Tests of text conversions written as tables: each case is one test, named for what it shows, and lists
// examples of an input and the exact output it must convert to.
import { expect, it } from 'vitest';

export type ConversionCase<Input> = [name: string, ...examples: [input: Input, output: string][]];

/** One `it` per case; each example of the case is one `expect(convert(input)).toBe(output)`, in order. */
export function itConverts<Input>(convert: (input: Input) => string, cases: readonly ConversionCase<Input>[]): void {
  for (const [name, ...examples] of cases) {
    it(name, () => {
      for (const [input, output] of examples) expect(convert(input)).toBe(output);
    });
  }
}
