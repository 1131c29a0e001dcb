import { describe, expect, it } from 'vitest';
import { reportView } from '../../../src/render/report-view.js';
import { deckFile, roleFile } from '../source-files.js';
import { comparison, deckText, defaultComparison, engineerText, scientistText } from './model.js';

describe('reportView', () => {
  const view = reportView(defaultComparison());

  it('has one glance column per role, by short name', () => {
    expect(view.glance.head).toEqual(['ML Engineer', 'AI Scientist']);
  });

  it('has glance rows: one sentence, then one row per compared section', () => {
    expect(view.glance.rows.map((r) => r.label)).toEqual(['In one sentence', 'Skills', 'Outlook', 'Projects']);
    const row = (label: string) => view.glance.rows.find((r) => r.label === label)?.cells;
    expect(row('In one sentence')).toEqual(['Builds and runs ML systems in production.', '–']);
    expect(row('Skills')).toEqual(['Python, SQL, Docker', 'python, PhD']);
    expect(row('Outlook')).toEqual([
      '+22% projected job growth (U.S. Bureau of Labor Statistics, 2019-2029)',
      '+15% projected job growth (U.S. Bureau of Labor Statistics, 2019-2029)',
    ]);
    expect(row('Projects')?.[1]).toBe('–');
    // Cells listing bold terms are marked (Chinese keeps each term whole there); a figure is not.
    const terms = (label: string) => view.glance.rows.find((r) => r.label === label)?.terms;
    expect(terms('Skills')).toEqual([true, true]);
    expect(terms('Outlook')).toEqual([false, false]);
  });

  it('summarises a prose section by its first sentence', () => {
    const c = comparison([
      roleFile('engineer', engineerText),
      roleFile('scientist', scientistText.replace(/outlook:\n( {2}.*\n)+/, '')),
      deckFile('deck', deckText()),
    ]);
    const outlook = reportView(c).glance.rows.find((r) => r.label === 'Outlook')?.cells;
    expect(outlook).toEqual([
      '+22% projected job growth (U.S. Bureau of Labor Statistics, 2019-2029)',
      'Growing fast.',
    ]);
  });

  it('leaves out the one-sentence row when no role has a summary', () => {
    const c = comparison([
      roleFile('engineer', engineerText.replace(/summary: .*\n/, '')),
      roleFile('scientist', scientistText),
      deckFile('deck', deckText()),
    ]);
    expect(reportView(c).glance.rows[0]?.label).toBe('Skills');
  });

  it('puts the chart and caption on the outlook section only', () => {
    const withChart = view.sections.filter((s) => s.chart !== undefined).map((s) => s.id);
    expect(withChart).toEqual(['outlook']);
    expect(view.sections.find((s) => s.id === 'outlook')?.caption).toBe(
      'Software developers, 2019-2029, U.S. Bureau of Labor Statistics; 2019-2029, U.S. Bureau of Labor Statistics',
    );
  });

  it('renders every section in full, without continuation pages', () => {
    const projects = view.sections.find((s) => s.id === 'projects');
    for (let n = 1; n <= 6; n++) expect(projects?.columns[0]?.html).toContain(`end${n}`);
    expect(projects?.columns[1]?.html).toContain('Not covered for this role.');
  });

  it('splits deck prose into opening, others and closing', () => {
    expect(view.opening).toEqual({ id: 'introduction', title: 'Introduction', html: '<p>Welcome.</p>\n' });
    expect(view.others.map((o) => o.title)).toEqual(['Common ground']);
    expect(view.closing?.title).toBe('Conclusion');
  });

  it('adds an outlook source the deck does not list, with its date and every source field present', () => {
    expect(view.sources).toEqual([
      {
        title: 'U.S. Bureau of Labor Statistics',
        publisher: undefined,
        date: '2019-2029',
        url: undefined,
        licence: undefined,
      },
    ]);
  });

  it('shows pay in its own currency with its source and year, and lists its source once with both dates', () => {
    const c = comparison([
      roleFile(
        'engineer',
        engineerText.replace(
          '---\n## Skills',
          [
            'pay:',
            '  amount: 131450',
            '  currency: USD',
            '  year: 2024',
            '  area: United States',
            '  source: U.S. Bureau of Labor Statistics',
            '---',
            '## Skills',
          ].join('\n'),
        ),
      ),
      roleFile('scientist', scientistText),
      deckFile('deck', deckText(undefined, ['lang: de'])),
    ]);
    const report = reportView(c);
    const pay = report.glance.rows.find((r) => r.label === 'mittleres Jahresgehalt')?.cells;
    expect(pay).toEqual(['131.450\u00a0$ (2024, United States); U.S. Bureau of Labor Statistics', '–']);
    expect(report.sources.map((s) => [s.title, s.date])).toEqual([
      ['U.S. Bureau of Labor Statistics', '2019-2029; 2024'],
    ]);
  });

  it('does not repeat an outlook source the deck already lists by publisher', () => {
    const c = defaultComparison(undefined, [
      'sources:',
      '  - title: Occupational Outlook Handbook',
      '    publisher: U.S. Bureau of Labor Statistics',
    ]);
    expect(reportView(c).sources.map((s) => s.title)).toEqual(['Occupational Outlook Handbook']);
  });

  it('carries the paper size and role cards', () => {
    expect(view.paper).toBe('A4');
    expect(view.roles.map((r) => [r.title, r.short, r.role])).toEqual([
      ['Machine Learning Engineer', 'ML Engineer', 0],
      ['AI Scientist', 'AI Scientist', 1],
    ]);
  });
});

describe('reportView: outlook chart placement', () => {
  it('attaches the chart and caption to the last compared section when no outlook section is compared', () => {
    const sections = reportView(defaultComparison('[skills, projects]')).sections;
    expect(sections.filter((s) => s.chart !== undefined).map((s) => s.id)).toEqual(['projects']);
    expect(sections.find((s) => s.id === 'projects')?.chart).toContain('<svg');
    expect(sections.find((s) => s.id === 'projects')?.caption).toBe(
      'Software developers, 2019-2029, U.S. Bureau of Labor Statistics; 2019-2029, U.S. Bureau of Labor Statistics',
    );
    expect(sections.find((s) => s.id === 'skills')?.chart).toBeUndefined();
    expect(sections.find((s) => s.id === 'skills')?.caption).toBeUndefined();
  });

  it('follows the last section in the order the deck lists them', () => {
    const sections = reportView(defaultComparison('[projects, skills]')).sections;
    expect(sections.filter((s) => s.chart !== undefined).map((s) => s.id)).toEqual(['skills']);
  });

  it('draws no chart when no role has an outlook', () => {
    const strip = (text: string) => text.replace(/outlook:\n( {2}.*\n)+/, '');
    const c = comparison([
      roleFile('engineer', strip(engineerText)),
      roleFile('scientist', strip(scientistText)),
      deckFile('deck', deckText('[skills, projects]')),
    ]);
    expect(reportView(c).sections.every((s) => s.chart === undefined)).toBe(true);
  });
});
