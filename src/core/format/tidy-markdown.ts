/** Splits markdown into lines tagged with whether they sit inside a fenced code block. */
export function fenceAwareLines(markdown: string): Array<{ line: string; inFence: boolean }> {
  let fence: string | null = null;
  return markdown.split('\n').map((line) => {
    const marker = /^\s*(`{3,})/.exec(line)?.[1];
    if (fence === null && marker && !line.trim().slice(marker.length).includes('`')) {
      fence = marker;
      return { line, inFence: true };
    }
    if (fence !== null) {
      if (marker && marker.length >= fence.length && line.trim() === marker) fence = null;
      return { line, inFence: true };
    }
    return { line, inFence: false };
  });
}

/**
 * Final whitespace pass: trailing spaces go, runs of blank lines become one, code blocks stay as
 * written. Removed elements (empty paragraphs, &nbsp; spacers, dropped images) leave such gaps.
 */
export function tidyMarkdown(markdown: string): string {
  const out: string[] = [];
  for (const { line, inFence } of fenceAwareLines(markdown.replace(/\r\n?/g, '\n'))) {
    if (inFence) {
      out.push(line);
      continue;
    }
    let clean = line.replace(/[ \t\u00a0]+$/, '').replace(/\u00a0/g, ' ');
    // A block's first line has no business being indented (a dropped image or shortcode left a
    // space); later lines may be, for nested lists.
    if (out.length === 0 || out[out.length - 1] === '') clean = clean.replace(/^[ \t]+/, '');
    if (clean.trim() === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(clean.trim() === '' ? '' : clean);
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}
