import { describe, expect, it } from 'vitest';
import { codeBlockText, displayWidth, fitCell, redactEmails } from '../../../src/reports/render/text-cells.js';

describe('text cells', () => {
  it('measures accents, combining marks and wide characters in monospace columns', () => {
    expect(displayWidth('Zoë')).toBe(3);
    expect(displayWidth('Zoe\u0308')).toBe(3); // e + combining diaeresis is one column
    expect(displayWidth('李小龙')).toBe(6);
    expect(displayWidth('a\u200bb')).toBe(2);
  });

  it('fits a cell to an exact width, cutting with an ellipsis', () => {
    expect(fitCell('Ann', 6)).toBe('Ann   ');
    expect(fitCell('Renée Dubois', 8)).toBe('Renée D…');
    expect(displayWidth(fitCell('李小龙李小龙', 7))).toBe(7);
  });

  it('makes a name safe for one line of a code block', () => {
    expect(codeBlockText('a\nb\tc')).toBe('a b c');
    expect(codeBlockText('```x```')).not.toContain('```');
    expect(redactEmails('mail jane.doe@uni.edu now')).toBe('mail jane.doe@… now');
  });
});
