import { describe, expect, it } from 'vitest';
import { oneFileDeck } from '../../../src/emit/one-file.js';

const enc = (text: string) => new TextEncoder().encode(text);
const assets = [
  { path: 'assets/reveal/reveal.css', bytes: enc('.reveal{color:red}') },
  { path: 'assets/reveal/reveal.js', bytes: enc('var s = "</script>"; window.Reveal = {};') },
  { path: 'assets/fonts/inter-latin-400-normal.woff2', bytes: enc('FONT') },
  { path: 'assets/content/my logo.svg', bytes: enc('<svg/>') },
];
const deck = [
  `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; font-src 'self'; img-src 'self' data:">`,
  '<link rel="stylesheet" href="assets/reveal/reveal.css">',
  `<style>@font-face { src: url('assets/fonts/inter-latin-400-normal.woff2') format('woff2'); }</style>`,
  '<img class="brand-logo" src="assets/content/my%20logo.svg" alt="">',
  // Content reaches the deck escaped, so its quotes cannot close an attribute.
  '<p>text that mentions src=&#34;assets/x&#34; stays as it is</p>',
  '<script src="assets/reveal/reveal.js"></script>',
].join('\n');

describe('oneFileDeck', () => {
  const html = oneFileDeck(deck, assets);

  it('inlines style sheets, scripts, fonts and images: no reference to assets/ is left in markup', () => {
    expect(html).not.toMatch(/(href|src)="assets\//);
    expect(html).not.toContain("url('assets/");
    expect(html).toContain('<p>text that mentions src=&#34;assets/x&#34; stays as it is</p>');
    expect(html).toContain('<style>.reveal{color:red}</style>');
    expect(html).toContain(`url('data:font/woff2;base64,${Buffer.from('FONT').toString('base64')}')`);
    expect(html).toContain(`src="data:image/svg+xml;base64,${Buffer.from('<svg/>').toString('base64')}"`);
  });

  it('keeps a script whole: "</script" inside it is written so that it does not end the element', () => {
    expect(html).toContain('<script>var s = "<\\/script>"; window.Reveal = {};</script>');
  });

  it('lets the page load its inlined fonts (font-src data:) and nothing more', () => {
    expect(html).toContain("font-src 'self' data:");
    expect(html).toContain("default-src 'none'");
  });

  it('fails loudly when the deck names a file the build does not have', () => {
    expect(() => oneFileDeck('<script src="assets/missing.js"></script>', assets)).toThrow(/assets\/missing\.js/);
  });
});
