import { describe, expect, it } from 'vitest';
import { cssString, helpers, marginText } from '../../../src/render/helpers.js';

describe('cssString', () => {
  it('wraps plain text in double quotes', () => {
    expect(cssString('Career Workshop')).toBe('"Career Workshop"');
  });

  it('escapes double quotes and backslashes as CSS hex escapes', () => {
    expect(cssString('say "hi"')).toBe('"say \\22 hi\\22 "');
    expect(cssString('a\\b')).toBe('"a\\5c b"');
  });

  it('escapes newlines and other line breaks', () => {
    expect(cssString('a\nb\rc\fd')).toBe('"a\\a b\\d c\\c d"');
  });

  it('cannot close the <style> element', () => {
    const css = cssString('</style><script>alert(1)</script>');
    expect(css).not.toContain('<');
    expect(css).not.toContain('>');
    expect(css).toBe('"\\3c /style\\3e \\3c script\\3e alert(1)\\3c /script\\3e "');
  });

  it('only ever has quotes at its two ends', () => {
    const css = cssString('"; } body { display: none } x { content: "');
    expect(css.slice(1, -1)).not.toContain('"');
  });

  it('turns a non-string into an empty CSS string', () => {
    expect(cssString(undefined)).toBe('""');
    expect(cssString(42)).toBe('""');
    expect(cssString({ toString: () => '"x' })).toBe('""');
  });

  it('is registered as a template helper', () => {
    expect(helpers.cssString).toBe(cssString);
  });
});

describe('marginText', () => {
  // An emoji in a page-margin box makes Chromium drop every margin box, page numbers included.
  it('drops emoji, flags, skin tones and joiners, and keeps every script', () => {
    expect(marginText('Datenanalyse oder Softwareentwicklung? 🚀')).toBe('"Datenanalyse oder Softwareentwicklung?"');
    expect(marginText('👩🏽‍💻 数据分析师 🇩🇪 ❤️ محلل')).toBe('"数据分析师 محلل"');
  });

  it('keeps text symbols that are also pictographs: © ® ™ ↔', () => {
    expect(marginText('Acme™ Data ↔ ML © 2026 ®')).toBe('"Acme™ Data ↔ ML © 2026 ®"');
  });

  it('is escaped like cssString', () => {
    expect(marginText('</style> "x" 🎯')).toBe(cssString('</style> "x"'));
  });
});
