import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { deckView } from '../../../src/render/deck-view.js';
import { FACTSHEET_MARGIN_MM, factsheetViews } from '../../../src/render/factsheet-view.js';
import { loadTemplates, type Templates } from '../../../src/render/templates.js';
import { deckFile, lines, roleFile } from '../source-files.js';
import { comparison, defaultComparison, engineerText, scientistText, renderPages } from './model.js';

const TEMPLATES = fileURLToPath(new URL('../../../templates', import.meta.url));
const count = (text: string, needle: string) => text.split(needle).length - 1;

let templates: Templates;
beforeAll(async () => {
  templates = await loadTemplates(TEMPLATES);
});

// The default deck and the hostile one are each rendered once, on first use, and read by the many
// tests that only look at their pages (each of them rendered every output again).
type Pages = ReturnType<typeof renderPages>;
let plainPages: Pages | undefined;
const plain = (): Pages => (plainPages ??= renderPages(defaultComparison(), templates));

describe('loadTemplates', () => {
  it('loads the deck start-up script', () => {
    expect(templates.deckScript.length).toBeGreaterThan(0);
    expect(templates.deckScript).toContain('Reveal');
  });
});

describe('fonts of a deck', () => {
  // A refit keeps the first rendering's fonts and may add a label not drawn before (a split
  // slide's "(see the previous slide)"): every label's characters get a font from the start.
  it('cover every label, drawn or not', () => {
    const c = defaultComparison(undefined, ['lang: zh-Hans', 'labels:', '  seePreviousSlide: "（见龘）"']);
    const { fonts, deck } = renderPages(c, templates);
    expect(deck).not.toContain('龘');
    const covers = (cp: number) =>
      fonts.faces.some((f) =>
        f.unicodeRange.split(/,\s*/).some((r) => {
          const [lo = '', hi = lo] = r.replace(/^U\+/i, '').split('-');
          return parseInt(lo, 16) <= cp && cp <= parseInt(hi, 16);
        }),
      );
    expect(covers('龘'.codePointAt(0)!)).toBe(true);
  });
});

describe('the report', () => {
  it('has no Sources heading when the deck cites no source', () => {
    const c = defaultComparison();
    expect(renderPages(c, templates).report).toContain('<h1 id="sources">');
    const bare = {
      ...c,
      roles: c.roles.map((r) => ({ ...r, outlook: undefined, pay: undefined, sources: [] })),
    } as typeof c;
    const report = renderPages(bare, templates).report;
    expect(report).not.toContain('id="sources"');
    expect(report).not.toContain('>Sources<');
  });
});

describe('labels in every output', () => {
  it("draws every output in the deck's language, with its overrides escaped", () => {
    const c = defaultComparison(undefined, ['lang: fr', 'labels:', '  sources: "<b>Lectures</b> & plus"']);
    const rendered = renderPages(c, templates);
    expect(rendered.report).toContain('<h1 id="at-a-glance">En bref</h1>');
    expect(rendered.report).toContain('<h1 id="sources">&lt;b&gt;Lectures&lt;/b&gt; &amp; plus</h1>');
    expect(rendered.report).toContain('@bottom-right { content: "Page " counter(page) " sur " counter(pages); }');
    expect(rendered.report).not.toContain("content: 'Page '");
    expect(rendered.deck).toContain('Programme');
    expect(rendered.deck).toContain('Ce qu’ils partagent, ce qui les distingue');
    expect(rendered.handout).toContain('Diapositive 1 · Vos notes');
    expect(rendered.notes).toContain('Diapositive 2 : Programme');
    expect(rendered.factsheets[0]?.html).toContain('<p class="eyebrow">Fiche métier</p>');
    for (const html of [rendered.deck, rendered.report, rendered.handout, rendered.notes])
      expect(html).not.toMatch(/>(At a glance|Agenda|Sources|Your notes|Projected job growth)</);
  });
});

describe('renderDeck', () => {
  it('renders one <section> per slide, the title slide included', () => {
    const c = defaultComparison();
    const rendered = renderPages(c, templates);
    expect(rendered.slideCount).toBe(deckView(c).slides.length);
    expect(rendered.slideCount).toBeGreaterThan(10);
    expect(count(rendered.deck, '<section')).toBe(rendered.slideCount);
    expect(rendered.deck).toContain('data-kind="title"');
    expect(count(rendered.deck, 'data-kind="compare"')).toBe(4);
  });

  it('puts speaker notes in <aside class="notes"> with role labels', () => {
    const { deck } = plain();
    expect(deck).toContain('<aside class="notes">');
    expect(deck).toContain('<p class="notes-label"><strong>ML Engineer:</strong></p><p>Engineers ship.</p>');
  });

  it('marks continuation slides with their part', () => {
    const { deck } = plain();
    expect(deck).toContain('<bdi>Projects</bdi>&nbsp;<span class="part">(1/2)</span>');
    expect(deck).toContain('<bdi>Projects</bdi>&nbsp;<span class="part">(2/2)</span>');
  });

  it('renders the report with the deck title, glance table, chart and sources', () => {
    const { report } = plain();
    expect(report).toContain('<h1 class="cover-title">Engineer vs. Scientist</h1>');
    expect(report).toContain('<th scope="row">In one sentence</th>');
    expect(count(report, '<svg')).toBeGreaterThanOrEqual(1);
    expect(count(report, 'id="outlook-title"')).toBe(1);
    expect(report).toContain(
      '@page { size: A4; margin: 20mm 16mm 20mm; @top-left { content: "Engineer vs. Scientist"; } }',
    );
    // Generated from the figures: the source with the date of the figures taken from it.
    expect(report).toContain('<li><bdi>U.S. Bureau of Labor Statistics</bdi> (<bdi>2019-2029</bdi>)</li>');
  });

  it('renders the handout: every slide once, three to a page, with lines and no notes', () => {
    const { handout, slideCount } = plain();
    expect(count(handout, 'class="handout-cell"')).toBe(slideCount);
    expect(count(handout, 'class="handout-page per-3 as-text"')).toBe(Math.ceil(slideCount / 3));
    // At 3 a page each slide is a text cell: a picture of it would print its text under 7 pt.
    expect(count(handout, 'class="text-cell')).toBe(slideCount);
    expect(count(handout, 'class="thumb-frame"')).toBe(0);
    expect(count(handout, 'class="ruled"')).toBe(slideCount);
    expect(handout).not.toContain('Engineers ship.');
    expect(handout).not.toContain('Say hello.');
    expect(handout).toContain('@page { size: A4;');
  });

  it('lays the handout out as the deck asks: handout.perPage', () => {
    const { handout, slideCount } = renderPages(defaultComparison(undefined, ['handout: { perPage: 6 }']), templates);
    expect(count(handout, 'class="handout-page per-6 as-text"')).toBe(Math.ceil(slideCount / 6));
    // At 1 a page the slides are pictures (their text prints at 7 pt and more).
    const one = renderPages(defaultComparison(undefined, ['handout: { perPage: 1 }']), templates);
    expect(count(one.handout, 'class="handout-page per-1"')).toBe(one.slideCount);
    expect(count(one.handout, 'class="thumb-frame"')).toBe(one.slideCount);
  });

  it('renders the notes: every slide once, with every note, labelled by role', () => {
    const { notes, slideCount } = plain();
    expect(count(notes, 'class="notes-slide"')).toBe(slideCount);
    expect(notes).toContain('<p class="notes-label"><strong>ML Engineer:</strong></p><p>Engineers ship.</p>');
    expect(notes).toContain('<p>Say hello.</p>');
    expect(notes).toContain('<h1 class="notes-heading">Slide 1: Engineer vs. Scientist</h1>');
    expect(notes).toContain('@page { size: A4;');
  });

  it('uses the Letter paper size when the deck asks for it', () => {
    const { report } = renderPages(defaultComparison(undefined, ['paper: Letter']), templates);
    expect(report).toContain('@page { size: Letter;');
  });
});

describe('renderDeck: untrusted content', () => {
  const hostile = () => {
    const engineer = engineerText
      .replace('title: Machine Learning Engineer', 'title: "<script>alert(1)</script> Engineer"')
      .replace('short: ML Engineer', 'short: "<img src=x onerror=alert(2)>"')
      .replace('- **Docker**', '- **<b>Docker</b>** {{constructor.constructor}} and {{> columns}}');
    const deck = lines(
      '---',
      'title: "</style><script>alert(3)</script>"',
      'presenter: "\\" onload=\\"alert(4)"',
      'roles: [engineer, scientist]',
      '---',
      '## Intro',
      '',
      'Text with {{#each roles}}{{title}}{{/each}} and <script>alert(5)</script>.',
    );
    return comparison([roleFile('engineer', engineer), roleFile('scientist', scientistText), deckFile('deck', deck)]);
  };
  let hostilePages: Pages | undefined;
  const hostileRendered = (): Pages => (hostilePages ??= renderPages(hostile(), templates));

  it('escapes role titles, short names and deck titles in the deck', () => {
    const { deck } = hostileRendered();
    expect(deck).not.toMatch(/<script>alert/);
    expect(deck).not.toMatch(/<img/);
    expect(deck).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Engineer');
    const scripts = [...deck.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts).toEqual([
      '<script src="assets/reveal/reveal.js">',
      '<script src="assets/reveal/notes.js">',
      '<script src="assets/deck.js">',
    ]);
  });

  it('escapes the same content in the report, inside <style> too', () => {
    const { report } = hostileRendered();
    expect(report).not.toMatch(/<script/);
    expect(report).not.toMatch(/<img/);
    expect(count(report, '</style>')).toBe(2);
    expect(report).toMatch(/<meta name="author" content="&quot; onload[^"]*alert\(4\)">/);
    expect(report).not.toMatch(/\sonload="/);
  });

  it('escapes the same content in the handout', () => {
    const { handout } = hostileRendered();
    expect(handout).not.toMatch(/<script/);
    expect(handout).not.toMatch(/<img/);
    expect(count(handout, '</style>')).toBe(2);
    expect(handout).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Engineer');
  });

  it('escapes the same content in the fact sheets', () => {
    const { factsheets } = hostileRendered();
    expect(factsheets.map((f) => f.slug)).toEqual(['engineer', 'scientist']);
    const engineer = factsheets[0]?.html ?? '';
    expect(engineer).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Engineer');
    for (const { html } of factsheets) {
      expect(html).not.toMatch(/<script/);
      expect(html).not.toMatch(/<img/);
    }
  });

  it('escapes a keyword label holding HTML in the overlap table', () => {
    const { deck } = hostileRendered();
    expect(deck).toContain('<td>SQL, &lt;b&gt;Docker&lt;/b&gt;</td>');
    expect(deck).not.toMatch(/<b>Docker/);
  });

  it('prints Handlebars-looking text in content literally', () => {
    const { deck, report } = hostileRendered();
    expect(deck).toContain('{{constructor.constructor}}');
    expect(deck).toContain('{{&gt; columns}}');
    expect(deck).toContain('{{#each roles}}{{title}}{{/each}}');
    expect(report).toContain('{{constructor.constructor}}');
  });
});

/** The Content-Security-Policy of a page, directive name to its sources. */
function csp(html: string): Map<string, string[]> {
  const policies = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/g)].map(
    (m) => m[1] ?? '',
  );
  expect(policies).toHaveLength(1);
  return new Map(
    (policies[0] ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name ?? '', sources]),
  );
}

describe('renderDeck: scripts by Content-Security-Policy', () => {
  it("lets the deck run its own scripts and reveal's inline speaker view", () => {
    const { deck } = plain();
    expect(csp(deck).get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it('lets no script run in the report, the handout or the fact sheets', () => {
    const { report, handout, factsheets } = plain();
    expect(factsheets).toHaveLength(2);
    for (const html of [report, handout, ...factsheets.map((f) => f.html)]) {
      const policy = csp(html);
      expect(policy.get('script-src')).toEqual(["'none'"]);
      expect(policy.get('default-src')).toEqual(["'none'"]);
    }
  });
});

describe('renderDeck: deck prose without speaker notes', () => {
  const slideHtml = (deck: string, title: string) =>
    deck.split('<section ').find((part) => part.includes(`<h2>${title}</h2>`)) ?? '';

  it('renders no <aside> for a prose slide whose section has no Note:', () => {
    const { deck } = plain();
    expect(slideHtml(deck, 'Common ground')).toContain('Both use');
    expect(slideHtml(deck, 'Common ground')).not.toContain('<aside');
    expect(slideHtml(deck, 'Conclusion')).not.toContain('<aside');
    expect(slideHtml(deck, 'Introduction')).toContain('<aside class="notes"><p>Say hello.</p>');
  });

  it('leaves ruled space for the reader under every slide in the handout', () => {
    const { handout } = plain();
    const cell =
      handout.split('<div class="handout-cell"').find((part) => part.includes('data-title="Common ground"')) ?? '';
    expect(cell).toContain('Your notes');
    expect(cell).toContain('class="ruled"');
  });
});

describe('renderDeck: fact sheet page margin', () => {
  it(`sets the @page margin to FACTSHEET_MARGIN_MM (${FACTSHEET_MARGIN_MM} mm) beside the paper size`, () => {
    expect(FACTSHEET_MARGIN_MM).toBe(14);
    const { factsheets } = plain();
    for (const { html } of factsheets) expect(html).toContain(`@page { size: A4; margin: ${FACTSHEET_MARGIN_MM}mm; }`);
  });

  it('takes the margin from the view, not from a number in the CSS', () => {
    const [sheet] = factsheetViews(defaultComparison());
    if (!sheet) throw new Error('no fact sheet');
    const html = templates.page('factsheets', { ...sheet.view, marginMm: 20 });
    expect(html).toContain('@page { size: A4; margin: 20mm; }');
    expect(html).not.toMatch(/margin:\s*14mm/);
  });
});

describe('fonts in every output', () => {
  const fontFaces = (css: string) => [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].map((m) => m[1] ?? '');
  const fontUrl = (rule: string) => /url\('([^']+)'\)/.exec(rule)?.[1];

  it('base.css declares no font itself: the deck plan does', async () => {
    const css = await readFile(path.join(TEMPLATES, 'partials', 'base.css'), 'utf8');
    expect(fontFaces(css)).toEqual([]);
  });

  it('declares, in every output, exactly the faces of the deck plan, each limited by a unicode-range', () => {
    const { deck, report, handout, notes, factsheets, fonts } = plain();
    const planned = fonts.faces.map((f) => f.path).sort();
    // The default English deck: Inter's Latin subset at the three weights, nothing else.
    expect(planned).toEqual([400, 600, 700].map((w) => `assets/fonts/inter-latin-${w}-normal.woff2`));
    for (const html of [deck, report, handout, notes, ...factsheets.map((f) => f.html)]) {
      const rules = fontFaces(html);
      expect(rules.map(fontUrl).sort()).toEqual(planned);
      for (const rule of rules) expect(rule).toMatch(/unicode-range:\s*U\+[0-9A-F]/);
      expect(html).toMatch(/--font: 'Inter', 'DejaVu Sans', sans-serif;/);
      expect(html).not.toContain('careerdeck-fonts');
    }
  });
});

describe('renderDeck: only the outputs wanted', () => {
  it("renders the pages of the PDFs the deck's outputs list, and no other", async () => {
    const { renderDeck } = await import('../../../src/render/render.js');
    const { pdfJobs } = await import('../../../src/emit/jobs.js');
    const some = defaultComparison(undefined, ['outputs: [report, factsheets, pptx]']);
    const r = renderDeck(some, templates);
    expect(Object.keys(r.pages).sort()).toEqual(['factsheets', 'report']);
    expect(r.pages.factsheets?.map((page) => page.role)).toEqual(some.roles.map((role) => role.slug));
    // The slides are always fitted (index.html is written), so the deck prints as a job too.
    expect(pdfJobs(some, r).map((job) => job.name)).toEqual([
      'deck-report.pdf',
      'deck-slides.pdf',
      ...some.roles.map((role) => `deck-${role.slug}-factsheet.pdf`),
    ]);
    expect(renderDeck(defaultComparison(undefined, ['outputs: [slides]']), templates).pages).toEqual({});
  });
});
