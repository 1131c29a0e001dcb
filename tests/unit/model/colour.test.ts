import { describe, expect, it } from 'vitest';
import { contrastRatio, formatRatio, luminance, normaliseHex, textSafe } from '../../../src/model/colour.js';

describe('WCAG colour arithmetic', () => {
  it('computes relative luminance with the sRGB curve', () => {
    expect(luminance('#000000')).toBe(0);
    expect(luminance('#ffffff')).toBeCloseTo(1, 10);
    // 0x80 = 128: (128/255 + 0.055) / 1.055 ^ 2.4
    expect(luminance('#808080')).toBeCloseTo(0.2158605, 6);
    expect(luminance('#f00')).toBeCloseTo(0.2126, 6);
  });

  it('computes contrast ratios as WCAG tools print them', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 10);
    expect(contrastRatio('#fff', '#000')).toBeCloseTo(21, 10);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#0b5fff', '#0b5fff')).toBe(1);
  });

  it('rounds a printed ratio down, so 4.49 never reads as passing', () => {
    expect(formatRatio(4.4999)).toBe('4.4:1');
    expect(formatRatio(21)).toBe('21.0:1');
  });

  it('normalises #rgb and upper case, and refuses anything else', () => {
    expect(normaliseHex('#0AF')).toBe('#00aaff');
    expect(() => normaliseHex('red')).toThrow();
    expect(() => normaliseHex('#12345g')).toThrow();
    expect(() => normaliseHex('#000; } body { x')).toThrow();
  });

  it('keeps a colour that already reads, and shades one that does not just enough', () => {
    expect(textSafe('#1d2433', '#ffffff', 4.5)).toBe('#1d2433');
    for (const [colour, bg, min] of [
      ['#ffcc00', '#ffffff', 4.5],
      ['#0b5fff', '#141922', 4.5],
      ['#0b5fff', '#ffffff', 7],
      ['#333333', '#000000', 7],
    ] as const) {
      const safe = textSafe(colour, bg, min);
      expect(contrastRatio(safe, bg)).toBeGreaterThanOrEqual(min);
      // Just enough: a little less shading would not reach the ratio.
      expect(contrastRatio(safe, bg)).toBeLessThan(min + 0.25);
    }
  });
});
