import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { deckView } from '../../../src/render/deck-view.js';
import { renderDeck } from '../../../src/render/render.js';
import { loadTemplates, type Templates } from '../../../src/render/templates.js';
import { deckFile, lines, roleFile } from '../source-files.js';
import { comparison, defaultComparison, engineerText, scientistText } from './model.js';

const TEMPLATES = fileURLToPath(new URL('../../../templates', import.meta.url));
const count = (text: string, needle: string) => text.split(needle).length - 1;

let templates: Templates;
beforeAll(async () => {
  templates = await loadTemplates(TEMPLATES);
});

describe('loadTemplates', () => {
  it('loads the deck start-up script', () => {
    expect(templates.deckScript.length).toBeGreaterThan(0);
    expect(templates.deckScript).toContain('Reveal');
  });
});

describe('renderDeck', () => {
  it('renders one <section> per slide, the title slide included', () => {
    const c = defaultComparison();
    const rendered = renderDeck(c, templates);
    expect(rendered.slideCount).toBe(deckView(c).slides.length);
    expect(rendered.slideCount).toBeGreaterThan(10);
    expect(count(rendered.deck, '<section')).toBe(rendered.slideCount);
    expect(rendered.deck).toContain('data-kind="title"');
    expect(count(rendered.deck, 'data-kind="compare"')).toBe(4);
  });

  it('puts speaker notes in <aside class="notes"> with role labels', () => {
    const { deck } = renderDeck(defaultComparison(), templates);
    expect(deck).toContain('<aside class="notes">');
    expect(deck).toContain('<p><strong>ML Engineer:</strong></p><p>Engineers ship.</p>');
  });

  it('marks continuation slides with their part', () => {
    const { deck } = renderDeck(defaultComparison(), templates);
    expect(deck).toContain('Projects <span class="part">(1/2)</span>');
    expect(deck).toContain('Projects <span class="part">(2/2)</span>');
  });

  it('renders the report with the deck title, glance table, chart and sources', () => {
    const { report } = renderDeck(defaultComparison(), templates);
    expect(report).toContain('<h1 class="cover-title">Engineer vs. Scientist</h1>');
    expect(report).toContain('<th scope="row">In one sentence</th>');
    expect(count(report, '<svg')).toBeGreaterThanOrEqual(1);
    expect(count(report, 'id="outlook-title"')).toBe(1);
    expect(report).toContain('@page { size: A4; @top-left { content: "Engineer vs. Scientist"; } }');
    expect(report).toContain('<li>U.S. Bureau of Labor Statistics</li>');
  });

  it('renders the handout: every slide once, three to a page, with its notes', () => {
    const { handout, slideCount } = renderDeck(defaultComparison(), templates);
    expect(count(handout, 'class="handout-row"')).toBe(slideCount);
    expect(count(handout, 'class="handout-page"')).toBe(Math.ceil(slideCount / 3));
    expect(handout).toContain('<p><strong>ML Engineer:</strong></p><p>Engineers ship.</p>');
    expect(handout).toContain('@page { size: A4;');
  });

  it('uses the Letter paper size when the deck asks for it', () => {
    const { report } = renderDeck(defaultComparison(undefined, ['paper: Letter']), templates);
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

  it('escapes role titles, short names and deck titles in the deck', () => {
    const { deck } = renderDeck(hostile(), templates);
    expect(deck).not.toMatch(/<script>alert/);
    expect(deck).not.toMatch(/<img/);
    expect(deck).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Engineer');
    const scripts = [...deck.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts).toEqual(['<script src="assets/reveal/reveal.js">', '<script src="assets/reveal/notes.js">', '<script src="assets/deck.js">']);
  });

  it('escapes the same content in the report, inside <style> too', () => {
    const { report } = renderDeck(hostile(), templates);
    expect(report).not.toMatch(/<script/);
    expect(report).not.toMatch(/<img/);
    expect(count(report, '</style>')).toBe(2);
    expect(report).toMatch(/<meta name="author" content="&quot; onload[^"]*alert\(4\)">/);
    expect(report).not.toMatch(/\sonload="/);
  });

  it('escapes the same content in the handout', () => {
    const { handout } = renderDeck(hostile(), templates);
    expect(handout).not.toMatch(/<script/);
    expect(handout).not.toMatch(/<img/);
    expect(count(handout, '</style>')).toBe(2);
    expect(handout).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Engineer');
  });

  it('escapes the same content in the fact sheets', () => {
    const { factsheets } = renderDeck(hostile(), templates);
    expect(factsheets.map((f) => f.slug)).toEqual(['engineer', 'scientist']);
    const engineer = factsheets[0]?.html ?? '';
    expect(engineer).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Engineer');
    for (const { html } of factsheets) {
      expect(html).not.toMatch(/<script/);
      expect(html).not.toMatch(/<img/);
    }
  });

  it('escapes a keyword label holding HTML in the overlap table', () => {
    const { deck } = renderDeck(hostile(), templates);
    expect(deck).toContain('<td>SQL, &lt;b&gt;Docker&lt;/b&gt;</td>');
    expect(deck).not.toMatch(/<b>Docker/);
  });

  it('prints Handlebars-looking text in content literally', () => {
    const { deck, report } = renderDeck(hostile(), templates);
    expect(deck).toContain('{{constructor.constructor}}');
    expect(deck).toContain('{{&gt; columns}}');
    expect(deck).toContain('{{#each roles}}{{title}}{{/each}}');
    expect(report).toContain('{{constructor.constructor}}');
  });
});
