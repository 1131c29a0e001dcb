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
      expect.arrayContaining(['assets/reveal/reveal.js', 'assets/reveal/reveal.css', 'assets/reveal/notes.js', 'assets/fonts/inter-latin-400-normal.woff2', 'assets/deck.js']),
    );
    for (const asset of assets) expect(asset.bytes.length).toBeGreaterThan(0);
    expect(new TextDecoder().decode(assets.find((a) => a.path === 'assets/deck.js')?.bytes)).toBe('/* start */');
  });
});
