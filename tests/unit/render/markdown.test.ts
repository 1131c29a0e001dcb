import { describe, expect, it } from 'vitest';
import { escapeHtml, inlineToHtml, markdownToHtml } from '../../../src/render/markdown.js';

/** Every tag name and attribute name the HTML output actually opens (escaped text does not count). */
function tags(html: string): string[] {
  return [...html.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)].map((m) => `${m[1]?.toLowerCase()}${m[2] ?? ''}`);
}
const tagNames = (html: string) => tags(html).map((t) => t.split(/\s/)[0]);

describe('markdownToHtml: raw HTML is shown, not run', () => {
  it('escapes a <script> block', () => {
    const html = markdownToHtml('<script>alert(1)</script>');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(tagNames(html)).toEqual([]);
  });

  it('escapes an inline <img onerror>', () => {
    const html = markdownToHtml('Hi <img src=x onerror=alert(1)> there');
    expect(tagNames(html)).toEqual(['p', 'p']);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('escapes an <iframe>', () => {
    const html = markdownToHtml('<iframe src="https://example.com"></iframe>');
    expect(html).not.toMatch(/<iframe/i);
    expect(html).toContain('&lt;iframe');
  });

  it('escapes a raw <a href="javascript:...">', () => {
    const html = markdownToHtml('<a href="javascript:alert(1)">x</a>');
    expect(tagNames(html)).not.toContain('a');
    expect(tags(html).join(' ')).not.toMatch(/href/);
  });
});

describe('markdownToHtml: links', () => {
  it.each([
    ['[click](javascript:alert(1))', 'click'],
    ['[upper](JaVaScRiPt:alert(1))', 'upper'],
    ['[spaced]( javascript:alert(1))', 'spaced'],
    ['[encoded](java&#115;cript:alert(1))', 'encoded'],
    ['[data](data:text/html;base64,PHNjcmlwdD4=)', 'data'],
    ['[vb](vbscript:msgbox)', 'vb'],
    ['[relative](//evil.example)', 'relative'],
  ])('renders %s as plain text without a link', (markdown, label) => {
    const html = markdownToHtml(markdown);
    expect(tagNames(html)).toEqual(['p', 'p']);
    expect(html).not.toContain('href');
    expect(html).toContain(label);
  });

  it('keeps http(s) and mailto links with their href', () => {
    expect(markdownToHtml('[w](https://example.com/a?b=1&c=2)')).toContain(
      '<a href="https://example.com/a?b=1&amp;c=2">w</a>',
    );
    expect(markdownToHtml('[plain](http://example.com)')).toContain('<a href="http://example.com">plain</a>');
    expect(markdownToHtml('[m](mailto:someone@example.com)')).toContain('<a href="mailto:someone@example.com">m</a>');
  });

  it('shows an image as its alt text and never loads it', () => {
    const html = markdownToHtml('![chart <b>](https://example.com/x.png)');
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toContain('example.com');
    expect(html).toContain('chart &lt;b&gt;');
  });
});

describe('markdownToHtml: Markdown that is allowed', () => {
  it('renders emphasis, code and lists', () => {
    expect(markdownToHtml('**bold** _em_ `code`')).toBe('<p><strong>bold</strong> <em>em</em> <code>code</code></p>\n');
    expect(tagNames(markdownToHtml('- a\n- b'))).toEqual(['ul', 'li', 'li', 'li', 'li', 'ul']);
  });

  it('leaves Handlebars-looking text literal', () => {
    expect(markdownToHtml('{{constructor.constructor}}')).toBe('<p>{{constructor.constructor}}</p>\n');
    expect(inlineToHtml('{{#each this}}x{{/each}}')).toBe('{{#each this}}x{{/each}}');
  });
});

describe('inlineToHtml', () => {
  it('renders inline Markdown without a wrapping paragraph', () => {
    expect(inlineToHtml('**Python** and [docs](https://python.org)')).toBe(
      '<strong>Python</strong> and <a href="https://python.org">docs</a>',
    );
  });

  it('escapes inline raw HTML and drops unsafe links', () => {
    const html = inlineToHtml('<script>x</script> [a](javascript:x)');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('href');
  });
});

describe('rendering each text once', () => {
  it('gives the same HTML again for the same text, and never the HTML of one text for another', () => {
    const text = 'A *team* photo: ![the team](team.png)';
    const withImage = markdownToHtml(text, [{ src: 'team.png', asset: 'assets/images/team.png' }]);
    const otherImage = markdownToHtml(text, [{ src: 'team.png', asset: 'assets/images/other.png' }]);
    expect(withImage).toContain('src="assets/images/team.png"');
    expect(otherImage).toContain('src="assets/images/other.png"');
    expect(markdownToHtml(text)).not.toContain('<img');
    expect(markdownToHtml(text, [{ src: 'team.png', asset: 'assets/images/team.png' }])).toBe(withImage);
    expect(inlineToHtml(text)).not.toMatch(/^<p>/);
    expect(markdownToHtml(text)).toMatch(/^<p>/);
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML-special characters as numeric entities', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;&#60;/a&#62;',
    );
  });
});
