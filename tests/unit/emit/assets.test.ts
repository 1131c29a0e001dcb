import { describe, expect, it } from 'vitest';
import { contentType, fontAssets, loadAssets } from '../../../src/emit/assets.js';

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
  it('copies reveal.js, its plugin and the deck script; no font (each deck has its own)', async () => {
    const assets = await loadAssets('/* start */');
    const paths = assets.map((a) => a.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'assets/reveal/reveal.js',
        'assets/reveal/reveal.css',
        'assets/reveal/notes.js',
        'assets/deck.js',
      ]),
    );
    for (const asset of assets) expect(asset.bytes.length).toBeGreaterThan(0);
    expect(paths.filter((p) => p.startsWith('assets/fonts/'))).toEqual([]);
    expect(new TextDecoder().decode(assets.find((a) => a.path === 'assets/deck.js')?.bytes)).toBe('/* start */');
  });
});

describe('fontAssets', () => {
  it('reads the subsets a plan names from their packages, as WOFF2', async () => {
    const fonts = await fontAssets([
      {
        path: 'assets/fonts/inter-latin-400-normal.woff2',
        source: '@fontsource/inter/files/inter-latin-400-normal.woff2',
      },
      {
        path: 'assets/fonts/noto-sans-sc-119-700-normal.woff2',
        source: '@fontsource/noto-sans-sc/files/noto-sans-sc-119-700-normal.woff2',
      },
    ]);
    expect(fonts.map((f) => f.path)).toEqual([
      'assets/fonts/inter-latin-400-normal.woff2',
      'assets/fonts/noto-sans-sc-119-700-normal.woff2',
    ]);
    for (const font of fonts) expect(new TextDecoder().decode(font.bytes.slice(0, 4))).toBe('wOF2');
  });
});

describe('loadAssets: paths', () => {
  it('lists every asset path once', async () => {
    const paths = (await loadAssets('')).map((a) => a.path);
    expect(new Set(paths).size).toBe(paths.length);
  });
});
