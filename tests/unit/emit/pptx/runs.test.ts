import { describe, expect, it } from 'vitest';
import { htmlToParagraphs, htmlToText } from '../../../../src/emit/pptx/runs.js';

describe('htmlToParagraphs', () => {
  it('turns list items into bulleted or numbered paragraphs with bold keywords as bold runs', () => {
    expect(htmlToParagraphs('<ul><li>Build <strong>models</strong> &amp; ship</li></ul><ol><li>One</li></ol>')).toEqual(
      [
        { runs: [{ text: 'Build ' }, { text: 'models', bold: true }, { text: ' & ship' }], list: 'bullet', level: 1 },
        { runs: [{ text: 'One' }], list: 'number', level: 1 },
      ],
    );
  });

  it('keeps paragraphs, italics, code and links, and writes an image as its alt text', () => {
    const [p] = htmlToParagraphs(
      '<p>See <em>this</em> <code>x()</code> <a href="https://example.org">site</a> <img src="a.png" alt="A chart"></p>',
    );
    expect(p?.runs).toEqual([
      { text: 'See ' },
      { text: 'this', italic: true },
      { text: ' ' },
      { text: 'x()', code: true },
      { text: ' ' },
      { text: 'site', link: 'https://example.org' },
      { text: ' [A chart]' },
    ]);
  });

  it('drops only the whitespace between blocks, never text', () => {
    expect(htmlToParagraphs('<p>a</p>\n  <p>b</p>').map((p) => p.runs[0]?.text)).toEqual(['a', 'b']);
    expect(htmlToText('<p>One</p><ul><li>Two</li></ul>')).toBe('One\n• Two');
  });
});
