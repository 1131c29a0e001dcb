import { describe, expect, it } from 'vitest';
import { contentType, loadAssets } from '../../../src/emit/assets.js';

describe('contentType', () => {
  it('maps the file types the outputs use', () => {
    expect(contentType('/index.html')).toBe('text/html; charset=utf-8');
    expect(contentType('/assets/reveal/reveal.css')).toBe('text/css; charset=utf-8');
    expect(contentType('/assets/deck.js')).toBe('text/javascript; charset=utf-8');
    expect(contentType('/assets/fonts/inter-latin-400-normal.woff2')).toBe('font/woff2');
  });

  it('falls back to a binary type for anything else', () => {
    expect(contentType('/data.bin')).toBe('application/octet-stream');
    expect(contentType('/no-extension')).toBe('application/octet-stream');
  });
});

describe('loadAssets', () => {
  it('copies reveal.js, its plugin, the fonts and the deck script', async () => {
    const assets = await loadAssets('/* start */');
    const paths = assets.map((a) => a.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'assets/reveal/reveal.js',
        'assets/reveal/reveal.css',
        'assets/reveal/notes.js',
        'assets/fonts/inter-latin-400-normal.woff2',
        'assets/deck.js',
      ]),
    );
    for (const asset of assets) expect(asset.bytes.length).toBeGreaterThan(0);
    expect(new TextDecoder().decode(assets.find((a) => a.path === 'assets/deck.js')?.bytes)).toBe('/* start */');
  });
});

describe('loadAssets: fonts', () => {
  it('ships Inter in latin and latin-ext at weights 400, 600 and 700, as WOFF2', async () => {
    const assets = await loadAssets('');
    const fonts = assets.filter((a) => a.path.startsWith('assets/fonts/'));
    const expected = [400, 600, 700].flatMap((w) => [
      `assets/fonts/inter-latin-${w}-normal.woff2`,
      `assets/fonts/inter-latin-ext-${w}-normal.woff2`,
    ]);
    expect(fonts.map((f) => f.path).sort()).toEqual(expected.sort());
    for (const font of fonts) expect(new TextDecoder().decode(font.bytes.slice(0, 4))).toBe('wOF2');
    const size = (p: string) => fonts.find((f) => f.path === p)?.bytes.length;
    expect(size('assets/fonts/inter-latin-ext-400-normal.woff2')).not.toBe(
      size('assets/fonts/inter-latin-400-normal.woff2'),
    );
  });

  it('lists every asset path once', async () => {
    const paths = (await loadAssets('')).map((a) => a.path);
    expect(new Set(paths).size).toBe(paths.length);
  });
});
