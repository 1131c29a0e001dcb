import { describe, expect, it } from 'vitest';
import { htmlToFlow, htmlToParagraphs, htmlToText } from '../../../../src/emit/pptx/runs.js';

describe('htmlToFlow', () => {
  it('keeps the number an ordered list starts at, nested levels and task boxes', () => {
    const [text] = htmlToFlow(
      '<ol start="3"><li>three<ul><li><span class="task-box done">✓</span> done</li><li><span class="task-box">□</span> open</li></ul></li><li>four</li></ol>',
    );
    if (text?.kind !== 'text') throw new Error('expected text');
    expect(text.paragraphs.map((p) => [p.runs.map((r) => r.text).join(''), p.list, p.level, p.start])).toEqual([
      ['three', 'number', 1, 3],
      ['\u2611 done', 'bullet', 2, undefined],
      ['\u2610 open', 'bullet', 2, undefined],
      ['four', 'number', 1, 3],
    ]);
  });

  it('splits text, tables and pictures into blocks in order, quotes and code marked', () => {
    const flow = htmlToFlow(
      '<p>Before</p><table class="md-table"><thead><tr><th>Level</th><th class="align-end">Pay</th></tr></thead><tbody><tr><td><strong>Trainee</strong></td><td class="align-end">21,000</td></tr></tbody></table>' +
        '<p><img src="assets/a.png" alt="A photo"></p><figure class="quote"><blockquote><p>Said</p></blockquote><figcaption>— Amira</figcaption></figure>' +
        '<pre class="code"><code>one\ntwo</code></pre>',
    );
    expect(flow.map((b) => b.kind)).toEqual(['text', 'table', 'image', 'text']);
    const table = flow[1];
    if (table?.kind !== 'table') throw new Error('expected a table');
    expect(table.rows).toEqual([
      [
        { runs: [{ text: 'Level', bold: true }], header: true, align: undefined },
        { runs: [{ text: 'Pay', bold: true }], header: true, align: 'right' },
      ],
      [
        { runs: [{ text: 'Trainee', bold: true }], header: false, align: undefined },
        { runs: [{ text: '21,000' }], header: false, align: 'right' },
      ],
    ]);
    expect(flow[2]).toEqual({ kind: 'image', src: 'assets/a.png', alt: 'A photo' });
    const last = flow[3];
    if (last?.kind !== 'text') throw new Error('expected text');
    expect(last.paragraphs.map((p) => [p.role, p.runs.map((r) => r.text).join('')])).toEqual([
      ['quote', 'Said'],
      ['attribution', '— Amira'],
      ['code', 'one'],
      ['code', 'two'],
    ]);
  });
});

describe('htmlToParagraphs', () => {
  it('turns list items into bulleted or numbered paragraphs with bold keywords as bold runs', () => {
    expect(htmlToParagraphs('<ul><li>Build <strong>models</strong> &amp; ship</li></ul><ol><li>One</li></ol>')).toEqual(
      [
        { runs: [{ text: 'Build ' }, { text: 'models', bold: true }, { text: ' & ship' }], list: 'bullet', level: 1 },
        { runs: [{ text: 'One' }], list: 'number', level: 1, start: 1 },
      ],
    );
  });

  it('keeps paragraphs, italics, code and links, and writes an image as its alt text', () => {
    const [p, image] = htmlToParagraphs(
      '<p>See <em>this</em> <code>x()</code> <a href="https://example.org">site</a> <img src="a.png" alt="A chart"></p>',
    );
    expect(p?.runs).toEqual([
      { text: 'See ' },
      { text: 'this', italic: true },
      { text: ' ' },
      { text: 'x()', code: true },
      { text: ' ' },
      { text: 'site', link: 'https://example.org' },
    ]);
    expect(image?.runs).toEqual([{ text: '[A chart]' }]);
  });

  it('drops only the whitespace between blocks, never text', () => {
    expect(htmlToParagraphs('<p>a</p>\n  <p>b</p>').map((p) => p.runs[0]?.text)).toEqual(['a', 'b']);
    expect(htmlToText('<p>One</p><ul><li>Two</li></ul>')).toBe('One\n• Two');
  });
});
