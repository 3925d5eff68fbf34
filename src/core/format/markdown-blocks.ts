import { fenceAwareLines } from './tidy-markdown.js';

/** Splits markdown into blocks at blank lines, keeping each fenced code block whole. */
export function markdownBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  for (const { line, inFence } of fenceAwareLines(markdown)) {
    if (!inFence && line.trim() === '') {
      if (current.length) blocks.push(current.join('\n'));
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length) blocks.push(current.join('\n'));
  return blocks;
}
