import { describe, expect, it } from 'vitest';
import { sanitizeSvg } from '../../../src/load/svg.js';

const svg = (inner: string, attributes = '') =>
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"${attributes}>${inner}</svg>`;
const clean = (text: string) => {
  const result = sanitizeSvg(text);
  if (!result.ok) throw new Error(result.message);
  return result;
};

describe('sanitizeSvg', () => {
  it('keeps a plain drawing as it is, gradients, <use> of its own parts and all', () => {
    const drawing = svg(
      '<defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient></defs><rect width="5" height="5" fill="url(#g)"/><use href="#g"/>',
    );
    const result = clean(drawing);
    expect(result.svg).toContain('<linearGradient id="g">');
    expect(result.svg).toContain('fill="url(#g)"');
    expect(result.svg).toContain('<use href="#g"/>');
    expect(result.svg).toContain('viewBox="0 0 10 10"');
    expect(result.removed).toEqual([]);
  });

  it.each([
    ['a script', '<script>fetch("http://127.0.0.1:9/")</script>', /<script/i, '<script>'],
    ['an event handler', '<rect width="1" height="1" onclick="alert(1)"/>', /onclick/, 'onclick'],
    [
      'a javascript: link',
      '<a xlink:href="javascript:alert(1)"><text>x</text></a>',
      /javascript:/,
      'xlink:href="javascript:alert(1)"',
    ],
    [
      'an outside image',
      '<image href="http://127.0.0.1:9/i.png" width="1" height="1"/>',
      /127\.0\.0\.1/,
      'href="http://127.0.0.1:9/i.png"',
    ],
    [
      'an outside <use>',
      '<use href="http://127.0.0.1:9/u.svg#a"/>',
      /127\.0\.0\.1/,
      'href="http://127.0.0.1:9/u.svg#a"',
    ],
    [
      'a foreign object with an iframe',
      '<foreignObject width="5" height="5"><iframe xmlns="http://www.w3.org/1999/xhtml" src="http://127.0.0.1:9/f"></iframe></foreignObject>',
      /foreignObject|iframe/i,
      '<foreignObject>',
    ],
    [
      '@import in a style',
      '<style>@import url(http://127.0.0.1:9/a.css); rect { fill: blue }</style>',
      /@import|127\.0\.0\.1/,
      '@import or url(...) to another file in <style>',
    ],
    [
      'url() to outside in a style attribute',
      '<rect width="1" height="1" style="fill:url(http://127.0.0.1:9/c)"/>',
      /127\.0\.0\.1/,
      'style with url(...) to another file',
    ],
    [
      'an animation that sets a link',
      '<a><animate attributeName="href" to="javascript:alert(1)"/><text>x</text></a>',
      /javascript:|animate/,
      '<animate>',
    ],
    [
      'a CSS escape in a style',
      '<style>rect { background: \\75 rl(http://127.0.0.1:9/e) }</style>',
      /127\.0\.0\.1/,
      '@import or url(...) to another file in <style>',
    ],
  ])('removes %s and names it', (_, inner, gone, named) => {
    const result = clean(svg(inner, ' onload="fetch(1)"'));
    expect(result.svg).not.toMatch(gone);
    expect(result.svg).not.toMatch(/onload/);
    expect(result.removed).toContain(named);
    expect(result.removed).toContain('onload');
  });

  it('keeps an embedded raster image but not an embedded SVG document', () => {
    const result = clean(
      svg(
        '<image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/><image href="data:image/svg+xml;base64,PHN2Zy8+" width="1" height="1"/>',
      ),
    );
    expect(result.svg).toContain('data:image/png');
    expect(result.svg).not.toContain('data:image/svg');
  });

  it('writes well-formed XML that a browser opens as an SVG image', () => {
    const result = clean(
      `<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd">\n${svg('<text>a &amp; b</text>')}`,
    );
    expect(
      result.svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"'),
    ).toBe(true);
    expect(result.svg).toContain('<text>a &amp; b</text>');
  });

  it.each([
    [
      'a file that is not well-formed, with its line',
      `<?xml version="1.0"?>\n${svg('\n<rect>')}`,
      /is not a well-formed SVG file/,
      3,
    ],
    [
      'an entity declared in a DOCTYPE (no expansion at all)',
      `<!DOCTYPE svg [<!ENTITY a "aaaa">]>${svg('<text>&a;</text>')}`,
      /is not a well-formed SVG file/,
      1,
    ],
    ['HTML named .svg', '<html><body>x</body></html>', /is not an SVG image/, undefined],
  ])('refuses %s', (_, text, message, line) => {
    const result = sanitizeSvg(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toMatch(message);
      expect(result.line).toBe(line);
    }
  });
});
