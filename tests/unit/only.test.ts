import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { CareerdeckError } from '../../src/errors.js';
import { parseOnly } from '../../src/only.js';
import { DEFAULT_CONTENT } from '../support/content.js';

describe('--only', () => {
  it('reads a comma-separated list of outputs, spaces and repeats aside', () => {
    expect(parseOnly('report')).toEqual(['report']);
    expect(parseOnly('report,slides')).toEqual(['report', 'slides']);
    expect(parseOnly(' factsheets , pptx,factsheets,')).toEqual(['factsheets', 'pptx']);
    expect(parseOnly('handout,notes,html,images')).toEqual(['handout', 'notes', 'html', 'images']);
  });

  it('refuses a name that is no output, or none, as a usage error naming the choices', () => {
    for (const [text, said] of [
      ['report,deck', 'names no output "deck"'],
      ['pdf', 'names no output "pdf"'],
      ['Report', 'names no output "Report"'],
      ['', 'names no output;'],
      [',', 'names no output;'],
    ] as const) {
      const error = (() => {
        try {
          parseOnly(text);
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(error, text).toBeInstanceOf(CareerdeckError);
      expect((error as CareerdeckError).exitCode).toBe(2);
      expect((error as Error).message).toContain(said);
      expect((error as Error).message).toContain('report, slides, handout, notes, factsheets, pptx, html, images');
    }
  });

  it('is a usage error (exit 2) on the command line, before anything is read or built', async () => {
    const err: string[] = [];
    const status = await main(
      ['build', '--only', 'report,slide', '--content', DEFAULT_CONTENT, '--out', path.join('/nonexistent', 'out')],
      { err: (line) => err.push(line) },
    );
    expect(status).toBe(2);
    expect(err.join('\n')).toContain('--only "report,slide" names no output "slide"');
  });
});
