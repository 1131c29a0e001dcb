import { describe, expect, it } from 'vitest';
import { configSchema } from '../../../src/config/schema.js';
import { ContentError, type Diagnostic } from '../../../src/errors.js';
import type { Deck } from '../../../src/model/content.js';
import { validateContent } from '../../../src/validate/validate.js';
import { deckFile, lines, roleFile } from '../source-files.js';

const roleA = roleFile('a', lines('---', 'title: A', '---', '## Skills', '', '- x'));
const roleB = roleFile('b', lines('---', 'title: B', '---', '## Skills', '', '- y'));

function deckWith(...yaml: string[]): { deck?: Deck; problems: readonly Diagnostic[] } {
  const file = deckFile('d', lines('---', 'title: D', 'roles: [a, b]', ...yaml, '---', '## Intro', '', 'Hi.'));
  try {
    return { deck: validateContent([roleA, roleB, file]).decks[0], problems: [] };
  } catch (error) {
    if (error instanceof ContentError) return { problems: error.diagnostics };
    throw error;
  }
}

describe('deck keys for the outputs beyond the browser', () => {
  it('makes the PDFs, the PowerPoint and the one-file deck by default, slide images only on demand', () => {
    expect(deckWith().deck?.outputs).toEqual(['report', 'slides', 'handout', 'notes', 'factsheets', 'pptx', 'html']);
    expect(deckWith('outputs: [pptx, images]').deck?.outputs).toEqual(['pptx', 'images']);
  });

  it('takes a url for the QR code, on unless qr: false', () => {
    expect(deckWith('url: https://example.org/talk').deck).toMatchObject({ url: 'https://example.org/talk', qr: true });
    expect(deckWith('url: https://example.org/talk', 'qr: false').deck).toMatchObject({ qr: false });
  });

  it('refuses a url that is not http(s) and an unknown output, naming the line', () => {
    const bad = deckWith('url: javascript:alert(1)').problems;
    expect(bad.map((d) => d.line)).toEqual([4]);
    const unknown = deckWith('outputs: [pptx, keynote]').problems;
    expect(unknown[0]?.line).toBe(4);
    expect(unknown[0]?.message).toMatch(/pptx/);
  });

  it('lets a config file list the new kinds too', () => {
    expect(configSchema.safeParse({ outputs: ['html', 'images'] }).success).toBe(true);
    expect(configSchema.safeParse({ outputs: ['keynote'] }).success).toBe(false);
  });
});
