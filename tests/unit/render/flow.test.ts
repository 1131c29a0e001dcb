import { parseDocument, DomUtils } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import type { FlowBlock, Paragraph } from '../../../src/model/flow.js';
import type { Block, Section } from '../../../src/model/content.js';
import { markdownFlow, plainFlow } from '../../../src/render/flow.js';
import { piecesToFlow } from '../../../src/render/flow-pieces.js';
import { markdownToHtml } from '../../../src/render/markdown.js';
import { paperLayout, piecesToHtml, sectionPieces } from '../../../src/render/pieces.js';

const section = (...blocks: Block[]): Section => ({ id: 's', title: 'S', line: 1, notes: [], blocks });
const flowOf = (...blocks: Block[]) => piecesToFlow(sectionPieces(section(...blocks)));
const text = (p: Paragraph) => p.runs.map((r) => r.text).join('');
const paragraphs = (flow: readonly FlowBlock[]) => flow.flatMap((b) => (b.kind === 'text' ? b.paragraphs : []));
const image = { src: 'images/photo.png', path: '/c/images/photo.png', asset: 'assets/content/images/photo.png' };
const use = { ...image, file: 'content/roles/r.md', line: 3 };

describe('the flow of a section (what the PowerPoint draws)', () => {
  it('numbers an ordered list from its first number, nests lists by level and marks task items', () => {
    const flow = flowOf({
      kind: 'list',
      ordered: true,
      start: 3,
      line: 2,
      items: [
        {
          markdown: 'three',
          keywords: [],
          images: [],
          line: 2,
          children: {
            kind: 'list',
            ordered: false,
            start: 1,
            line: 3,
            items: [
              { markdown: 'done **now**', keywords: [], images: [], line: 3, checked: true },
              {
                markdown: 'open',
                keywords: [],
                images: [],
                line: 4,
                checked: false,
                children: {
                  kind: 'list',
                  ordered: true,
                  start: 7,
                  line: 5,
                  items: [{ markdown: 'deep', keywords: [], images: [], line: 5 }],
                },
              },
            ],
          },
        },
        { markdown: 'four', keywords: [], images: [], line: 6 },
      ],
    });
    expect(flow).toHaveLength(1);
    expect(paragraphs(flow).map((p) => [text(p), p.list, p.level, p.start, p.task])).toEqual([
      ['three', 'number', 1, 3, undefined],
      ['\u2611 done now', 'bullet', 2, undefined, true],
      ['\u2610 open', 'bullet', 2, undefined, true],
      ['deep', 'number', 3, 7, undefined],
      ['four', 'number', 1, 3, undefined],
    ]);
    expect(paragraphs(flow)[1]?.runs).toEqual([{ text: '\u2611 done ' }, { text: 'now', bold: true }]);
  });

  it('counts on from the first item a continuation slide shows, as the HTML does', () => {
    const list: Block = {
      kind: 'list',
      ordered: true,
      start: 1,
      line: 1,
      items: ['a', 'b', 'c'].map((markdown, i) => ({ markdown, keywords: [], images: [], line: i + 1 })),
    };
    const later = sectionPieces(section(list)).slice(1);
    expect(piecesToHtml(later)).toContain('<ol start="2">');
    expect(paragraphs(piecesToFlow(later)).map((p) => p.start)).toEqual([2, 2]);
  });

  it('draws a quote in the quote look with its attribution, and code line by line with its indents', () => {
    const flow = flowOf(
      { kind: 'quote', markdown: 'Said *twice*\n\n- and listed', attribution: 'Amira, 2024', images: [], line: 1 },
      { kind: 'code', text: 'if x:\n\n    go()', line: 4 },
    );
    expect(paragraphs(flow).map((p) => [p.role, p.list, text(p)])).toEqual([
      ['quote', undefined, 'Said twice'],
      ['quote', 'bullet', 'and listed'],
      ['attribution', undefined, '\u2014 Amira, 2024'],
      ['code', undefined, 'if x:'],
      ['code', undefined, ''],
      ['code', undefined, '    go()'],
    ]);
    expect(paragraphs(flow)[0]?.runs[1]).toEqual({ text: 'twice', italic: true });
    expect(paragraphs(flow)[3]?.runs).toEqual([{ text: 'if x:', code: true }]);
  });

  it('joins a table row by row under one header, bold, aligned as the Markdown says', () => {
    const flow = flowOf({
      kind: 'table',
      head: ['Level', 'Pay', 'Note'],
      align: ['left', 'right', 'center'],
      rows: [
        { cells: ['**Trainee**', '21,000', '[site](https://example.org)'], line: 3 },
        { cells: ['Senior', '38,000', `![badge](${image.src})`], line: 4 },
      ],
      images: [use],
      line: 1,
    });
    expect(flow).toEqual([
      {
        kind: 'table',
        rows: [
          [
            { runs: [{ text: 'Level', bold: true }], header: true, align: undefined },
            { runs: [{ text: 'Pay', bold: true }], header: true, align: 'right' },
            { runs: [{ text: 'Note', bold: true }], header: true, align: 'center' },
          ],
          [
            { runs: [{ text: 'Trainee', bold: true }], header: false, align: undefined },
            { runs: [{ text: '21,000' }], header: false, align: 'right' },
            { runs: [{ text: 'site', link: 'https://example.org' }], header: false, align: 'center' },
          ],
          [
            { runs: [{ text: 'Senior' }], header: false, align: undefined },
            { runs: [{ text: '38,000' }], header: false, align: 'right' },
            // A cell holds no picture in PowerPoint: its alt text stands there.
            { runs: [{ text: '[badge]' }], header: false, align: 'center' },
          ],
        ],
      },
    ]);
  });

  it('splits a table too wide for a slide into the same tables as the HTML, each under its header', () => {
    const wide: Block = {
      kind: 'table',
      head: Array.from({ length: 9 }, (_, j) => `Column heading ${j}`),
      align: Array.from({ length: 9 }, () => null),
      rows: [{ cells: Array.from({ length: 9 }, (_, j) => `a fairly long cell ${j}`), line: 3 }],
      images: [],
      line: 1,
    };
    const pieces = sectionPieces(section(wide), paperLayout(40));
    const tables = piecesToFlow(pieces).filter((b) => b.kind === 'table');
    expect(tables.length).toBe(piecesToHtml(pieces).split('<table').length - 1);
    expect(tables.length).toBeGreaterThan(1);
    for (const t of tables) expect(t.rows).toHaveLength(2);
  });

  it('puts a picture between text as a block of its own: only one validation resolved', () => {
    const flow = flowOf({
      kind: 'paragraph',
      markdown: `Before ![A photo](${image.src}) after ![far](https://evil.example/x.png)`,
      images: [use],
      line: 1,
    });
    expect(flow).toEqual([
      { kind: 'text', paragraphs: [{ runs: [{ text: 'Before' }], level: 1, role: undefined }] },
      { kind: 'image', src: 'assets/content/images/photo.png', alt: 'A photo' },
      { kind: 'text', paragraphs: [{ runs: [{ text: 'after far' }], level: 1, role: undefined }] },
    ]);
  });

  it('keeps paragraphs apart and their bold, italics, code and links as runs', () => {
    expect(markdownFlow('See *this* `x()` **[site](https://example.org)**\n\nBuild **models** &amp; ship')).toEqual([
      {
        kind: 'text',
        paragraphs: [
          {
            runs: [
              { text: 'See ' },
              { text: 'this', italic: true },
              { text: ' ' },
              { text: 'x()', code: true },
              { text: ' ' },
              { text: 'site', bold: true, link: 'https://example.org' },
            ],
            level: 1,
            role: undefined,
          },
          {
            runs: [{ text: 'Build ' }, { text: 'models', bold: true }, { text: ' & ship' }],
            level: 1,
            role: undefined,
          },
        ],
      },
    ]);
  });

  it('writes labels as plain paragraphs, or a numbered list (sources, poll options)', () => {
    expect(plainFlow(['One', '  two  words '], 'number')).toEqual([
      {
        kind: 'text',
        paragraphs: [
          { runs: [{ text: 'One' }], level: 1, list: 'number', start: 1 },
          { runs: [{ text: 'two words' }], level: 1, list: 'number', start: 1 },
        ],
      },
    ]);
    expect(plainFlow([])).toEqual([]);
  });
});

/** What the sanitized HTML links to and shows as pictures, read back from it. */
function htmlReaches(html: string): { links: string[]; images: string[] } {
  const doc = parseDocument(html);
  const attr = (tag: string, name: string) =>
    DomUtils.getElementsByTagName(tag, doc).map((el) => DomUtils.getAttributeValue(el, name) ?? '');
  return { links: attr('a', 'href'), images: attr('img', 'src') };
}

function flowReaches(flow: readonly FlowBlock[]): { links: string[]; images: string[] } {
  const runs = flow.flatMap((b) =>
    b.kind === 'text'
      ? b.paragraphs.flatMap((p) => p.runs)
      : b.kind === 'table'
        ? b.rows.flat().flatMap((c) => c.runs)
        : [],
  );
  const links = runs.flatMap((r) => (r.link ? [r.link] : []));
  // One link's runs (a bold word inside it) count once, as its one <a> does.
  return {
    links: links.filter((l, i) => i === 0 || runs.filter((r) => r.link)[i - 1]?.link !== l),
    images: flow.flatMap((b) => (b.kind === 'image' ? [b.src] : [])),
  };
}

describe("the flow keeps the HTML path's safety rules", () => {
  const images = [{ src: image.src, asset: image.asset }];
  const hostile = [
    'Hi <script>alert(1)</script> <img src=x onerror=alert(2)> <b onclick="x()">bold?</b>',
    '<script>alert(1)</script>',
    '[js](javascript:alert(1)) [JS](JAVASCRIPT:alert(1)) [data](data:text/html,hi) [vb](vbscript:x) [rel](page.html) [proto](//evil.example/) [ok](https://example.org/a?b=1&c=2) [mail](mailto:a@example.org)',
    '[spaced]( javascript:alert(1) ) [entity](java&#115;cript:alert(1)) <javascript:alert(1)> <https://auto.example/>',
    `![remote](https://evil.example/x.png) ![data](data:image/png;base64,AAAA) ![local](${image.src}) ![other](images/other.png)`,
    `> - [x] [ok](https://example.org) in a quote\n>\n> | a | b |\n> |--:|:-:|\n> | [bad](javascript:x) | ![far](https://evil.example/y.png) |\n>\n> ![local](${image.src})`,
    '<!-- a comment --> shown <!-- another -->',
    '**[bold link](https://example.org/b)** and [**inner bold**](https://example.org/c)',
  ];

  it.each(hostile)('links and pictures exactly as the HTML has them: %s', (markdown) => {
    const html = markdownToHtml(markdown, images);
    const flow = markdownFlow(markdown, images);
    expect(flowReaches(flow)).toEqual(htmlReaches(html));
  });

  it('never links to anything but the web or mail, never shows a picture not of the deck', () => {
    const flow = hostile.flatMap((markdown) => markdownFlow(markdown, images));
    const { links, images: pictures } = flowReaches(flow);
    expect(links.length).toBeGreaterThan(3);
    for (const link of links) expect(link).toMatch(/^(https?:|mailto:)/i);
    expect(new Set(pictures)).toEqual(new Set([image.asset]));
  });

  it('shows raw HTML as the text the HTML deck shows, and a comment not at all', () => {
    const [block] = markdownFlow('Hi <script>alert(1)</script> there <!-- hidden -->');
    expect(block).toEqual({
      kind: 'text',
      paragraphs: [{ runs: [{ text: 'Hi <script>alert(1)</script> there' }], level: 1, role: undefined }],
    });
    expect(markdownToHtml('Hi <script>alert(1)</script> there <!-- hidden -->')).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt; there',
    );
    expect(markdownFlow('<!-- only a comment -->')).toEqual([]);
  });

  it('decodes character references as the browser shows them; code shows them as written', () => {
    const [block] = markdownFlow('Fish &amp; chips &copy; &copy &#65; `a &amp; b` ~~gone~~');
    expect(block?.kind === 'text' && block.paragraphs[0]?.runs).toEqual([
      { text: 'Fish & chips \u00a9 &copy A ' },
      { text: 'a &amp; b', code: true },
      { text: ' ' },
      { text: 'gone', strike: true },
    ]);
  });
});
