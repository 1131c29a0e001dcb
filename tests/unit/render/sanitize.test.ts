import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inlineToHtml, markdownToHtml, type ShownImage, unsanitized } from '../../../src/render/markdown.js';
import { plainForm, sanitize, sanitizeWithLibrary } from '../../../src/render/sanitize.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Every block and every line of every Markdown file of the content and the fixtures. */
function corpus(): string[] {
  const pieces = new Set<string>();
  for (const file of [
    ...markdownFiles(path.join(ROOT, 'content')),
    ...markdownFiles(path.join(ROOT, 'tests/fixtures')),
  ]) {
    const text = readFileSync(file, 'utf8');
    for (const block of text.split(/\n\s*\n/)) pieces.add(block);
    for (const line of text.split('\n')) pieces.add(line.replace(/^\s*(?:[-*+]|\d+\.)\s+/, ''));
  }
  return [...pieces];
}

/** Each form the renderer writes, and what it must never let through. */
const MADE = [
  'Line one  \nline two, a break',
  '- [x] done\n- [ ] open',
  '> quoted **bold** with a [link](https://example.com/a?b=1&c=2 "title")\n>\n> — Someone, 2024',
  '3. three\n4. four\n   1. nested',
  '| a | b | c |\n|:--|:-:|--:|\n| `x` | ~~y~~ | *z* |',
  '```js\nconst a = "<b>" && b;\n```',
  '    indented <code>',
  'https://example.com/bare and <https://example.com/auto> and mailto:a@b.org',
  '[https://example.com](https://example.com) shows its own address',
  'It\'s "quoted" & <escaped> &amp; &lt; &#39; and more',
  '&copy; &#8212; &nbsp; &AMP &amp &ampx &#x27; &#0; &#128;',
  '![a chart](chart.png) and ![x](https://example.com/x.png)',
  'An image with no alt text: ![](empty-alt.png)',
  '## a heading\n\n---\n\ntext',
  'Hi <img src=x onerror=alert(1)> there <b onmouseover=alert(1)>bold</b>',
  '<script>alert(1)</script>',
  '<!-- a comment --> and text',
  '[click](javascript:alert(1)) [tab](jav&#x09;ascript:alert(1)) [e](&#106;avascript:alert(1)) [rel](//evil.example)',
  '[data](data:text/html;base64,PHNjcmlwdD4=) [vb](vbscript:msgbox)',
  '[q](https://example.com/"onmouseover="alert(1)) [sp](<https://example.com/a b>)',
  '`<svg onload=alert(1)>` **<em>x</em>**',
  '{{constructor.constructor}} {{#each this}}x{{/each}}',
  // Pictures with odd paths and alt text, odd characters anywhere (a review's fuzzing, issue 27).
  '![a "q" \'s & <b>](quote.png) ![](up.png) ![é😀](up.png)',
  'Text with a NUL \u0000, a CR \r\n, a BOM \ufeff, a bidi override \u202e and a line separator \u2028.',
  '[x](https://e.com/\u00a0a) [y](https://e.com/&lt;!--z--&gt;) [w](HTTPS://E.COM) [v](mailto:a@b?subject=%3Cx%3E)',
  '- a\n  - b\n    1. c\n\n       > d\n- | e |\n  |---|\n  | f |',
];

const IMAGES: ShownImage[] = [
  { src: 'chart.png', asset: 'assets/images/chart.png' },
  { src: 'empty-alt.png', asset: 'assets/images/empty-alt.png' },
  { src: 'quote.png', asset: 'assets/content/q"x.png' },
  { src: 'up.png', asset: 'assets/content/../../up.png' },
];

describe('the sanitizer wall without loading sanitize-html', () => {
  // First: the tests below load sanitize-html into this process.
  it('does not load sanitize-html for ordinary content', () => {
    const html = [
      markdownToHtml('A paragraph with **bold**, _em_, `code` and a [link](https://example.com/a?b=1&c=2).'),
      markdownToHtml('> It\'s "quoted"\n>\n> — Someone'),
      markdownToHtml('| a | b |\n|:--|--:|\n| 1 | 2 |'),
      inlineToHtml('[x] a task with ~~struck~~ text and a bare https://example.com'),
    ].join('');
    expect(html).toContain('<a href="https://example.com/a?b=1&amp;c=2">');
    const loaded = Object.keys(createRequire(import.meta.url).cache);
    expect(loaded.filter((f) => /[\\/]node_modules[\\/](?:sanitize-html|htmlparser2|postcss)[\\/]/.test(f))).toEqual(
      [],
    );
  });

  const pieces = [...corpus(), ...MADE];
  const outputs = pieces.flatMap((markdown) =>
    (['block', 'inline'] as const).map((kind) => unsanitized(kind, markdown, IMAGES)),
  );

  it('gives sanitize-html’s bytes for every piece of Markdown of the content, the fixtures and the hostile cases', () => {
    const differing = outputs.filter((html) => sanitize(html) !== sanitizeWithLibrary(html));
    expect(differing).toEqual([]);
  });

  it('takes the quick form for most content and for every tag and attribute the renderer writes', () => {
    const quick = outputs.map(plainForm).filter((html): html is string => html !== undefined);
    expect(pieces.length).toBeGreaterThan(500);
    expect(quick.length / outputs.length).toBeGreaterThan(0.8);
    const written = quick.join('');
    for (const form of [
      '<br />',
      '<img src="assets/images/chart.png" alt="a chart" />',
      '<a href="https://example.com/a?b=1&amp;c=2">',
      'class="bare"',
      '<span class="task-box done">',
      '<ol start="3">',
      '<th align="center">',
      '<td align="right">',
      '<pre><code>',
      '<del>',
      '<blockquote>',
      '<table>',
      'It\'s "quoted"',
    ])
      expect(written).toContain(form);
  });

  it.each([
    ['a script', '<script>alert(1)</script>'],
    ['an event handler', '<img src="a.png" alt="x" onerror="alert(1)">'],
    ['a javascript: link', '<a href="javascript:alert(1)">x</a>'],
    ['an entity-hidden scheme', '<a href="&#106;avascript:alert(1)">x</a>'],
    ['an image with a scheme', '<img src="https://example.com/x.png" alt="x">'],
    ['a protocol-relative image', '<img src="//example.com/x.png" alt="x">'],
    ['a class of its own', '<span class="evil">x</span>'],
    ['an attribute out of order', '<a class="bare" href="https://example.com">x</a>'],
    ['a tag left open', '<p>x'],
    ['a tag closed twice', '<p>x</p></p>'],
    ['a code block with a language', '<pre><code class="language-js">x</code></pre>'],
    ['a heading', '<h2>x</h2>'],
    ['a stray >', '<p>a > b</p>'],
    ['an entity of its own', '<p>&copy;</p>'],
    ['a bare ampersand', '<p>a & b</p>'],
    ['a paragraph a new one closes', '<p>a<p>b</p></p>'],
    ['a list inside a paragraph', '<p>a<ul><li>b</li></ul></p>'],
    ['an item an item closes', '<ul><li>a<li>b</li></li></ul>'],
    ['an empty alt', '<img src="a.png" alt="">'],
    ['a tag in capitals', '<P>x</P>'],
  ])('leaves %s to sanitize-html', (_what, html) => {
    expect(plainForm(html)).toBeUndefined();
    expect(sanitize(html)).toBe(sanitizeWithLibrary(html));
  });

  it.each([
    ['NUL and CR in text and alt', '<p>a\u0000b\r\n<img src="a.png" alt="\u0000x\r\ny"></p>'],
    ['escaped quotes in an address', '<a href="https://e/&#39;&quot;">x</a>'],
    ['an escaped tag in alt text', '<img src="a.png" alt="&lt;img src=x onerror=alert(1)&gt;">'],
    ['an escaped entity in an address', '<a href="https://x/&amp;#106;">y</a>'],
    ['a picture path with dots', '<img src="a..b/../c.png" alt="&amp;amp;">'],
    ['numeric entities', '<p>&#39;&#34;&#60;&#62;&#38;</p>'],
    ['table cells without a section', '<table><tr><td>x</td></tr></table>'],
    ['a link in a link', '<a href="https://e">x<a href="https://f">y</a></a>'],
    ['a block in an inline tag', '<strong><p>x</p></strong>'],
  ])('rewrites %s as sanitize-html does', (_what, html) => {
    expect(plainForm(html)).toBe(sanitizeWithLibrary(html));
  });
});
