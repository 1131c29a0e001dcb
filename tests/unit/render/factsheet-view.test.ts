import { describe, expect, it } from 'vitest';
import { factsheetViews } from '../../../src/render/factsheet-view.js';
import { defaultComparison } from './model.js';

describe('factsheetViews', () => {
  const sheets = factsheetViews(defaultComparison());
  const [engineer, scientist] = sheets.map((s) => s.view);

  it('makes one sheet per role, in deck order, by role slug', () => {
    expect(sheets.map((s) => s.slug)).toEqual(['engineer', 'scientist']);
    expect(sheets.map((s) => [s.view.title, s.view.role])).toEqual([
      ['Machine Learning Engineer', 0],
      ['AI Scientist', 1],
    ]);
  });

  it("holds only the compared sections the role has, with the role's file and line", () => {
    expect(engineer?.sections.map((s) => [s.id, s.file, s.line])).toEqual([
      ['skills', 'content/roles/engineer.md', 11],
      ['outlook', 'content/roles/engineer.md', 18],
      ['projects', 'content/roles/engineer.md', 22],
    ]);
    expect(scientist?.sections.map((s) => s.id)).toEqual(['skills', 'outlook']);
    expect(engineer?.sections[0]?.html).toBe(
      '<ul><li><strong>Python</strong> and <strong>SQL</strong></li><li><strong>Docker</strong></li></ul>',
    );
  });

  it('shows the outlook figure and its details', () => {
    expect(engineer?.outlook).toEqual({
      growth: '+22%',
      detail: 'Software developers · 2019-2029 · U.S. Bureau of Labor Statistics',
    });
    expect(scientist?.outlook).toEqual({ growth: '+15%', detail: '2019-2029 · U.S. Bureau of Labor Statistics' });
  });

  it('carries the deck context in the footer', () => {
    expect(engineer?.deckTitle).toBe('Engineer vs. Scientist');
    expect(engineer?.footer).toBe('Engineer vs. Scientist · November 26, 2026');
    expect(engineer?.paper).toBe('A4');
  });
});
