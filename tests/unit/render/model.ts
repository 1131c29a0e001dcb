import { type Comparison, compareDeck } from '../../../src/compare/compare.js';
import { renderDeck } from '../../../src/render/render.js';
import type { SourceFile } from '../../../src/load/source.js';
import { validateContent } from '../../../src/validate/validate.js';
import { deckFile, lines, roleFile } from '../source-files.js';

/** A list item long enough (about four lines in a two-column slide) to force continuation slides. */
export const longItem = (n: number) =>
  `- Item ${n}: ${'**Long** words that keep going and going across the column '.repeat(3).trim()} end${n}`;

export const engineerText = lines(
  '---',
  'title: Machine Learning Engineer',
  'short: ML Engineer',
  'summary: Builds and runs ML systems in production.',
  'outlook:',
  '  growth: 22',
  '  period: "2019-2029"',
  '  group: Software developers',
  '  source: U.S. Bureau of Labor Statistics',
  '---',
  '## Skills',
  '',
  '- **Python** and **SQL**',
  '- **Docker**',
  '',
  'Note: Engineers ship.',
  '',
  '## Outlook',
  '',
  'Strong demand. More later.',
  '',
  '## Projects',
  '',
  ...Array.from({ length: 6 }, (_, i) => longItem(i + 1)),
);

export const scientistText = lines(
  '---',
  'title: AI Scientist',
  'short: AI Scientist',
  'outlook:',
  '  growth: 15',
  '  period: "2019-2029"',
  '  source: U.S. Bureau of Labor Statistics',
  '---',
  '## Skills',
  '',
  '- **python** and **PhD**',
  '',
  'Note: Scientists publish.',
  '',
  '## Outlook',
  '',
  'Growing fast. Very fast.',
);

export function deckText(sections = '[skills, outlook, projects]', extra: string[] = []): string {
  return lines(
    '---',
    'title: Engineer vs. Scientist',
    'roles: [engineer, scientist]',
    `sections: ${sections}`,
    'date: "2026-11-26"',
    ...extra,
    '---',
    '## Introduction',
    '',
    'Welcome.',
    '',
    'Note: Say hello.',
    '',
    '## Common ground',
    '',
    'Both use **Python**.',
    '',
    '## Conclusion',
    '',
    'Pick one.',
  );
}

export function comparison(files: SourceFile[]): Comparison {
  const model = validateContent(files);
  const [deck] = model.decks;
  if (!deck) throw new Error('no deck');
  return compareDeck(deck, model);
}

export function defaultComparison(sections?: string, extra?: string[]): Comparison {
  return comparison([
    roleFile('engineer', engineerText),
    roleFile('scientist', scientistText),
    deckFile('deck', deckText(sections, extra)),
  ]);
}

/** A rendered deck's pages by the names the tests read them by (every output of the default deck is rendered). */
export function renderPages(...args: Parameters<typeof renderDeck>) {
  const r = renderDeck(...args);
  const one = (kind: 'report' | 'handout' | 'notes') => r.pages[kind]?.[0]?.html ?? '';
  return {
    ...r,
    report: one('report'),
    handout: one('handout'),
    notes: one('notes'),
    factsheets: (r.pages.factsheets ?? []).map((page) => ({ slug: page.role ?? '', html: page.html })),
  };
}
