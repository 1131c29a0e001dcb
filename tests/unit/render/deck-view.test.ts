import { describe, expect, it } from 'vitest';
import { deckView, roleGroups } from '../../../src/render/deck-view.js';
import { deckFile, lines, roleFile } from '../source-files.js';
import { comparison, deckText, defaultComparison, engineerText, scientistText } from './model.js';

const outline = (sections?: string) =>
  deckView(defaultComparison(sections)).slides.map((s) => `${s.kind}:${s.title}${s.part ? ` (${s.part})` : ''}`);

describe('deckView: slide order', () => {
  it('runs title, agenda, opening, compare slides with the chart after outlook, overlap chart and table, other prose, closing', () => {
    expect(outline()).toEqual([
      'title:Engineer vs. Scientist',
      'prose:Agenda',
      'prose:Introduction',
      'compare:Skills',
      'compare:Outlook',
      'chart:Projected job growth',
      'compare:Projects (1/2)',
      'compare:Projects (2/2)',
      'chart:What they share, what sets them apart',
      'overlap:What they share, what sets them apart',
      'prose:Common ground',
      'prose:Conclusion',
      'prose:Sources',
    ]);
  });

  it('ends with a Sources slide generated from the figures, each source with its date', () => {
    const slides = deckView(defaultComparison()).slides;
    expect(slides.at(-1)?.html).toBe(
      '<ol class="sources"><li><bdi>U.S. Bureau of Labor Statistics</bdi> (<bdi>2019-2029</bdi>)</li></ol>',
    );
    expect(slides.find((s) => s.kind === 'chart')?.caption).toContain('ML Engineer: +22%, 2019-2029');
  });

  it('follows the order of the deck sections', () => {
    const slides = outline('[projects, skills, outlook]');
    expect(slides.slice(3, 8)).toEqual([
      'compare:Projects (1/2)',
      'compare:Projects (2/2)',
      'compare:Skills',
      'compare:Outlook',
      'chart:Projected job growth',
    ]);
  });

  it('puts the chart after the last compare slide when the deck has no outlook section', () => {
    const slides = outline('[skills, projects]');
    expect(slides.indexOf('chart:Projected job growth')).toBe(slides.indexOf('compare:Projects (2/2)') + 1);
    expect(slides.indexOf('chart:What they share, what sets them apart')).toBe(
      slides.indexOf('chart:Projected job growth') + 1,
    );
  });

  it('lists the agenda: opening, compared sections, overlap, other prose and closing', () => {
    const view = deckView(defaultComparison());
    expect(view.slides.find((s) => s.title === 'Agenda')?.agenda).toEqual([
      'Introduction',
      'Skills',
      'Outlook',
      'Projects',
      'What they share, what sets them apart',
      'Common ground',
      'Conclusion',
    ]);
  });
});

describe('deckView: compare slides', () => {
  const view = deckView(defaultComparison());
  const compare = (title: string) => view.slides.filter((s) => s.kind === 'compare' && s.title === title);

  it('has one column per role, headed by the short name, with the rendered items', () => {
    const [skills] = compare('Skills');
    expect(skills?.columns?.map((c) => [c.heading, c.role])).toEqual([
      ['ML Engineer', 0],
      ['AI Scientist', 1],
    ]);
    expect(skills?.columns?.[0]?.html).toBe(
      '<ul><li><strong>Python</strong> and <strong>SQL</strong></li><li><strong>Docker</strong></li></ul>',
    );
  });

  it('splits a long section over continuation slides without losing or repeating items', () => {
    const pages = compare('Projects');
    expect(pages.map((p) => p.part)).toEqual(['1/2', '2/2']);
    const first = pages[0]?.columns?.[0]?.html ?? '';
    const second = pages[1]?.columns?.[0]?.html ?? '';
    for (let n = 1; n <= 6; n++) {
      const where = [first, second].filter((html) => html.includes(`end${n}`));
      expect(where).toHaveLength(1);
    }
    expect(first).toContain('end1');
    expect(second).toContain('end6');
  });

  it('marks a role that lacks the section as not covered', () => {
    const [first] = compare('Projects');
    expect(first?.columns?.[1]?.html).toContain('Not covered for this role.');
  });

  it('points back to the previous slide for a role whose short section already ended', () => {
    const scientist = `${scientistText}\n## Projects\n\n- One small project\n`;
    const c = comparison([
      roleFile('engineer', engineerText),
      roleFile('scientist', scientist),
      deckFile('deck', deckText()),
    ]);
    const pages = deckView(c).slides.filter((s) => s.title === 'Projects');
    expect(pages.map((p) => p.columns?.[1]?.html)).toEqual([
      '<ul><li>One small project</li></ul>',
      '<p class="muted">(see the previous slide)</p>',
    ]);
  });

  it('leaves single-page slides without a part', () => {
    expect(compare('Skills')[0]?.part).toBeUndefined();
  });

  it('carries the speaker notes of each role, labelled with its short name', () => {
    const text = (t: string) => [{ kind: 'text', paragraphs: [{ runs: [{ text: t }], level: 1 }] }];
    expect(compare('Skills')[0]?.notes).toEqual([
      { label: 'ML Engineer', html: '<p>Engineers ship.</p>\n', flow: text('Engineers ship.') },
      { label: 'AI Scientist', html: '<p>Scientists publish.</p>\n', flow: text('Scientists publish.') },
    ]);
  });

  it('gives prose slides the notes of their section', () => {
    const intro = view.slides.find((s) => s.title === 'Introduction');
    expect(intro?.html).toBe('<p>Welcome.</p>\n');
    expect(intro?.flow).toEqual([{ kind: 'text', paragraphs: [{ runs: [{ text: 'Welcome.' }], level: 1 }] }]);
    expect(intro?.notes).toEqual([
      {
        html: '<p>Say hello.</p>\n',
        flow: [{ kind: 'text', paragraphs: [{ runs: [{ text: 'Say hello.' }], level: 1 }] }],
      },
    ]);
  });
});

describe('deckView: chart, overlap and title fields', () => {
  const view = deckView(defaultComparison());

  it('draws the chart with a caption naming roles, figures and source', () => {
    const chart = view.slides.find((s) => s.kind === 'chart');
    expect(chart?.chart).toContain('<svg');
    expect(chart?.caption).toBe(
      'ML Engineer: +22%, 2019-2029, Software developers. AI Scientist: +15%, 2019-2029. Source: U.S. Bureau of Labor Statistics.',
    );
  });

  it('lists shared and unique keywords per section in the overlap table', () => {
    const overlap = view.slides.find((s) => s.kind === 'overlap');
    expect(overlap?.table?.head).toEqual(['Section', 'Both', 'Only ML Engineer', 'Only AI Scientist']);
    expect(overlap?.table?.rows).toEqual([
      ['Skills', 'Python', 'SQL, Docker', 'PhD'],
      ['Projects', '–', 'Long', '–'],
    ]);
  });

  it('opens with a title slide holding the cover fields', () => {
    expect(view.lang).toBe('en');
    expect(view.title).toBe('Engineer vs. Scientist');
    expect(view.slides[0]?.kind).toBe('title');
    expect(view.slides[0]?.cover).toEqual({
      title: 'Engineer vs. Scientist',
      subtitle: undefined,
      event: undefined,
      presenter: undefined,
      date: 'November 26, 2026',
      roles: [
        { title: 'Machine Learning Engineer', role: 0 },
        { title: 'AI Scientist', role: 1 },
      ],
    });
    expect(view.slides.filter((s) => s.cover !== undefined)).toHaveLength(1);
  });

  it('formats the cover date with the conventions of the deck language', () => {
    const date = (lang: string) => deckView(defaultComparison(undefined, [`lang: ${lang}`])).slides[0]?.cover?.date;
    expect(date('en-GB')).toBe('26 November 2026');
    expect(date('de')).toBe('26. November 2026');
  });
});

describe('deckView: fitting', () => {
  it('splits a section with a tighter budget into more slides, and fits it on one with a looser budget', () => {
    const c = defaultComparison();
    const parts = (budgets: Map<string, number>) =>
      deckView(c, budgets)
        .slides.filter((s) => s.title === 'Projects')
        .map((s) => s.part);
    expect(parts(new Map())).toEqual(['1/2', '2/2']);
    expect(parts(new Map([['section:projects', 100]]))).toEqual([undefined]);
    expect(parts(new Map([['section:projects', 5]]))).toEqual(['1/6', '2/6', '3/6', '4/6', '5/6', '6/6']);
  });

  it('names where a compare slide comes from, per column', () => {
    const slide = deckView(defaultComparison()).slides.find((s) => s.title === 'Skills');
    expect(slide?.source).toEqual({
      budget: 'section:skills',
      file: 'content/roles/engineer.md',
      line: 11,
      columns: [
        { file: 'content/roles/engineer.md', lines: [13, 14] },
        { file: 'content/roles/scientist.md', lines: [11] },
      ],
      shrink: [
        [
          { key: 'zoom:content/roles/engineer.md:13', file: 'content/roles/engineer.md', line: 13 },
          { key: 'zoom:content/roles/engineer.md:14', file: 'content/roles/engineer.md', line: 14 },
        ],
        [{ key: 'zoom:content/roles/scientist.md:11', file: 'content/roles/scientist.md', line: 11 }],
      ],
    });
  });
});

describe('roleGroups', () => {
  it('keeps up to three roles side by side', () => {
    expect(roleGroups(2)).toEqual([[0, 1]]);
    expect(roleGroups(3)).toEqual([[0, 1, 2]]);
  });

  it('splits more roles into groups of near-equal size, every role once', () => {
    expect(roleGroups(4)).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(
      roleGroups(5)
        .map((g) => g.length)
        .sort(),
    ).toEqual([2, 3]);
    for (let n = 1; n <= 6; n++) {
      const groups = roleGroups(n);
      expect(groups.flat()).toEqual(Array.from({ length: n }, (_, i) => i));
      for (const group of groups) expect(group.length).toBeLessThanOrEqual(3);
    }
  });

  it('shows four roles as two slides of two columns each', () => {
    const role = (slug: string) =>
      roleFile(slug, lines('---', `title: Role ${slug}`, '---', '## Skills', '', `- **${slug}**`));
    const deck = deckFile('deck', lines('---', 'title: Four', 'roles: [a, b, c, d]', '---', '## Intro', '', 'Hi.'));
    const slides = deckView(comparison([role('a'), role('b'), role('c'), role('d'), deck])).slides.filter(
      (s) => s.kind === 'compare',
    );
    expect(slides.map((s) => [s.part, s.columns?.map((col) => col.heading)])).toEqual([
      ['1/2', ['Role a', 'Role b']],
      ['2/2', ['Role c', 'Role d']],
    ]);
  });
});

describe('deckView: speaker notes of deck prose', () => {
  const view = deckView(defaultComparison());
  const prose = (title: string) => view.slides.find((s) => s.kind === 'prose' && s.title === title);

  it('gives a prose section without a Note: no notes at all', () => {
    expect(prose('Common ground')?.notes).toEqual([]);
    expect(prose('Conclusion')?.notes).toEqual([]);
  });

  it('keeps the notes of a prose section that has them', () => {
    expect(prose('Introduction')?.notes).toHaveLength(1);
  });
});

describe('deckView: outlook chart placement', () => {
  it('puts the chart right after the last compared section when there is no outlook section', () => {
    const slides = outline('[projects, skills]');
    expect(slides.indexOf('chart:Projected job growth')).toBe(slides.indexOf('compare:Skills') + 1);
    expect(slides.filter((s) => s === 'chart:Projected job growth')).toHaveLength(1);
  });

  it('places the chart after the section the comparison names', () => {
    const c = defaultComparison();
    const slides = deckView({ ...c, chartAfter: 'skills' }).slides.map((s) => s.title);
    expect(slides.indexOf('Projected job growth')).toBe(slides.indexOf('Skills') + 1);
    expect(slides.filter((t) => t === 'Projected job growth')).toHaveLength(1);
  });

  it('has no outlook chart when no role has an outlook', () => {
    const strip = (text: string) => text.replace(/outlook:\n( {2}.*\n)+/, '');
    const c = comparison([
      roleFile('engineer', strip(engineerText)),
      roleFile('scientist', strip(scientistText)),
      deckFile('deck', deckText('[skills, projects]')),
    ]);
    expect(c.chartAfter).toBeUndefined();
    expect(deckView(c).slides.map((s) => s.title)).not.toContain('Projected job growth');
  });
});

describe('deckView: every slide names its source', () => {
  const view = deckView(defaultComparison());
  const roleFiles = ['content/roles/engineer.md', 'content/roles/scientist.md'];

  it('gives every slide a file and a line', () => {
    for (const slide of view.slides) {
      expect(slide.source, `${slide.kind}:${slide.title}`).toBeDefined();
      expect(['content/decks/deck.md', ...roleFiles]).toContain(slide.source?.file);
      expect(slide.source?.line).toBeGreaterThanOrEqual(1);
    }
  });

  it('points the title and agenda slides at the deck file', () => {
    expect(view.slides[0]?.source).toMatchObject({ file: 'content/decks/deck.md', line: 1, budget: 'fixed' });
    expect(view.slides[1]?.title).toBe('Agenda');
    expect(view.slides[1]?.source).toMatchObject({ file: 'content/decks/deck.md', line: 1, budget: 'fixed' });
  });

  it('points the outlook chart at a role file with an outlook, and the overlap chart at the deck file', () => {
    const growth = view.slides.find((s) => s.kind === 'chart' && s.title === 'Projected job growth');
    expect(growth?.source).toMatchObject({ file: 'content/roles/engineer.md', budget: 'fixed' });
    const overlap = view.slides.find((s) => s.kind === 'chart' && s.title !== 'Projected job growth');
    expect(overlap?.source).toMatchObject({ file: 'content/decks/deck.md', budget: 'fixed' });
  });

  it('points deck prose slides at their heading line in the deck file', () => {
    const intro = view.slides.find((s) => s.title === 'Introduction');
    expect(intro?.source).toMatchObject({ budget: 'fixed', file: 'content/decks/deck.md', line: 7 });
    expect(intro?.source?.shrink).toEqual([
      [{ key: 'zoom:prose:introduction:content/decks/deck.md:7', file: 'content/decks/deck.md', line: 7 }],
    ]);
  });
});

describe('deckView: the PowerPoint draws what the HTML shows', () => {
  // The PowerPoint draws a slide's flow, never its HTML (emit/pptx): text with HTML but no flow
  // would be missing from it without a word.
  it('gives every piece of HTML its flow: slides, columns and notes', () => {
    const missing: string[] = [];
    for (const c of [
      defaultComparison(),
      defaultComparison('[skills, outlook, projects]', ['url: https://example.org/t']),
    ])
      for (const slide of deckView(c).slides) {
        const where = `${slide.kind}:${slide.title}`;
        if (slide.html !== undefined && slide.flow === undefined) missing.push(where);
        for (const col of slide.columns ?? [])
          if (col.flow === undefined) missing.push(`${where} column ${col.heading}`);
        for (const note of slide.notes ?? []) if (note.flow === undefined) missing.push(`${where} notes`);
      }
    expect(missing).toEqual([]);
  });
});

describe('deckView: six roles, a group without the section', () => {
  // Roles 3-5 have Skills only: a second "Outlook" slide would say "Not covered" three times.
  const skillsOnly = (slug: string) =>
    roleFile(slug, lines('---', `title: ${slug}`, '---', '## Skills', '', `- **${slug}-skill**`));
  const others = ['r3', 'r4', 'r5'];
  const c = comparison([
    roleFile('engineer', engineerText),
    roleFile('scientist', scientistText),
    roleFile(
      'third',
      scientistText.replace('title: AI Scientist', 'title: Third').replace('short: AI Scientist', 'short: Third'),
    ),
    ...others.map(skillsOnly),
    deckFile(
      'deck',
      deckText('[skills, outlook]').replace(
        'roles: [engineer, scientist]',
        `roles: [engineer, scientist, third, ${others.join(', ')}]`,
      ),
    ),
  ]);
  const view = deckView(c);
  const outlook = view.slides.filter((s) => s.kind === 'compare' && s.title === 'Outlook');

  it('leaves out the slide that would only say "Not covered", and warns naming its roles', () => {
    expect(outlook).toHaveLength(1);
    expect(outlook[0]?.part).toBeUndefined();
    expect(outlook[0]?.columns?.map((col) => col.heading)).toEqual(['ML Engineer', 'AI Scientist', 'Third']);
    expect(view.warnings).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        // At the deck's `sections:` entry (line 4), where the fix goes; not at line 1.
        file: 'content/decks/deck.md',
        line: 4,
        message: expect.stringMatching(/^no slide of "Outlook" for r3, r4, r5: none of them has this section/),
      }),
    );
  });

  it('keeps both slides of a section every group has', () => {
    expect(view.slides.filter((s) => s.kind === 'compare' && s.title === 'Skills').map((s) => s.part)).toEqual([
      '1/2',
      '2/2',
    ]);
  });
});
