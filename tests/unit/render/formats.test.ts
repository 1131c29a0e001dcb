import { describe, expect, it } from 'vitest';
import { formatGrowth, formatPercent } from '../../../src/render/formats.js';
import { pageNumbers } from '../../../src/render/page-numbers.js';

describe('formatGrowth and formatPercent', () => {
  it('write English as before', () => {
    expect(formatGrowth(22)).toBe('+22%');
    expect(formatGrowth(0)).toBe('0%');
    expect(formatGrowth(-4.5)).toBe('-4.5%');
    expect(formatPercent(10)).toBe('10%');
  });

  it('put a no-break space before the sign in German and French, and a decimal comma', () => {
    expect(formatGrowth(12, 'de')).toBe('+12\u00a0%');
    expect(formatGrowth(7.5, 'de')).toBe('+7,5\u00a0%');
    expect(formatPercent(10, 'fr')).toMatch(/^10[\u00a0\u202f]%$/);
  });

  it("follow Intl's digits for Arabic: Latin digits for ar, Arabic-Indic for ar-EG", () => {
    expect(formatGrowth(12, 'ar')).toMatch(/12/);
    expect(formatGrowth(12, 'ar-EG')).toMatch(/١٢/);
  });
});

describe('pageNumbers', () => {
  it('writes the words as CSS strings around the page counters', () => {
    expect(pageNumbers({ pageOfPages: 'Page {page} of {pages}' })).toBe('"Page " counter(page) " of " counter(pages)');
    expect(pageNumbers({ pageOfPages: 'Seite {page} von {pages}' })).toBe(
      '"Seite " counter(page) " von " counter(pages)',
    );
    expect(pageNumbers({ pageOfPages: '{page} / {pages}' })).toBe('counter(page) " / " counter(pages)');
  });

  it('escapes what could end the string or the style element', () => {
    const css = pageNumbers({ pageOfPages: 'P"} </style><script> {page}' });
    expect(css).not.toMatch(/<|>|"}/);
    expect(css.endsWith('counter(page)')).toBe(true);
  });
});
