import { describe, expect, it } from 'vitest';
import { describeWarnings, warningsReport } from '../../../src/dev/report.js';

describe('describeWarnings', () => {
  it('is nothing for a build without warnings', () => {
    expect(describeWarnings([])).toBeUndefined();
  });

  it('lists each warning as file:line: warning: message, under a count', () => {
    const shown = describeWarnings([
      {
        file: 'content/roles/a.md',
        line: 29,
        message: '"Skills" is only in a.md; did you mean "Required skills"?',
        severity: 'warning',
      },
      {
        file: 'content/decks/d.md',
        line: 5,
        column: 3,
        message: 'b.md has no section "Education"',
        severity: 'warning',
      },
    ]);
    expect(shown).toEqual({
      title: '2 warnings: the deck is built, but check these',
      lines: [
        'content/roles/a.md:29: warning: "Skills" is only in a.md; did you mean "Required skills"?',
        'content/decks/d.md:5:3: warning: b.md has no section "Education"',
      ],
    });
    expect(warningsReport(shown!)).toBe(`2 warnings: the deck is built, but check these:\n${shown!.lines.join('\n')}`);
  });
});
