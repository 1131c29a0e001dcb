import { describe, expect, it } from 'vitest';
import { deckLocale, groupSeparator, isolate, listSeparator } from '../../../src/render/locale.js';

const deck = (lang: string, dir?: 'ltr' | 'rtl') => ({ lang, dir, labels: undefined });

describe('deckLocale', () => {
  it('is resolved once per deck: every view of a build shares one', () => {
    const d = deck('de');
    expect(deckLocale(d)).toBe(deckLocale(d));
    expect(deckLocale(deck('de'))).not.toBe(deckLocale(d));
  });

  it("carries the deck's labels, direction and one number format", () => {
    const de = deckLocale({ lang: 'de', dir: undefined, labels: { agenda: 'Ablauf' } });
    expect(de.labels.agenda).toBe('Ablauf');
    expect(de.dir).toBe('ltr');
    expect(deckLocale(deck('ar')).dir).toBe('rtl');
    expect(deckLocale(deck('ar', 'ltr')).dir).toBe('ltr');
    // One percent format for ticks and values alike: "0 %" beside "10 %", never "0%".
    expect([0, 5, 10].map((n) => de.percent(n))).toEqual(['0\u00a0%', '5\u00a0%', '10\u00a0%']);
    expect(de.growth(12)).toBe('+12\u00a0%');
    expect(de.number(1234)).toBe('1.234');
    expect(deckLocale(deck('en')).growth(12)).toBe('+12%');
    expect(de.date('2026-11-26')).toBe('26. November 2026');
    expect(de.date('spring 2026')).toBe('spring 2026');
    expect(de.money(52000, 'EUR')).toBe('52.000\u00a0€');
  });

  it('writes numbers as English for a tag Intl cannot read', () => {
    expect(deckLocale(deck('not a tag!')).growth(3)).toBe('+3%');
  });
});

describe('lists', () => {
  it('keeps English and German lists as they were: commas, never a final "and"', () => {
    expect(deckLocale(deck('en')).list(['SQL', 'Python', 'Excel'])).toBe('SQL, Python, Excel');
    expect(deckLocale(deck('de')).list(['SQL', 'Python', 'Excel'])).toBe('SQL, Python, Excel');
    expect(groupSeparator('en')).toBe('; ');
  });

  it('joins Arabic with the Arabic comma and semicolon, Chinese with 、 and ；', () => {
    expect(listSeparator('ar')).toBe('، ');
    expect(groupSeparator('ar')).toBe('؛ ');
    expect(deckLocale(deck('zh-Hans')).list(['SQL', '算法'])).toBe('SQL、算法');
    expect(groupSeparator('zh-Hans')).toBe('；');
    expect(listSeparator('ja')).toBe('、');
    expect(listSeparator('hi')).toBe(', ');
  });
});

describe('isolate', () => {
  it('isolates a Latin name in a right-to-left label, and only there', () => {
    const ar = deckLocale(deck('ar'));
    expect(ar.fill('{role} فقط', { role: 'ML Engineer' })).toBe('\u2068ML Engineer\u2069 فقط');
    expect(ar.fill('{role} فقط', { role: 'مهندس' })).toBe('مهندس فقط');
    expect(deckLocale(deck('en')).fill('{role} only', { role: 'ML Engineer' })).toBe('ML Engineer only');
    expect(isolate('مهندس', 'ltr')).toBe('\u2068مهندس\u2069');
    // Each Latin item of an Arabic list on its own, so the list reads item by item from the right.
    expect(ar.list(['Python', 'Java', 'تدريب'])).toBe('\u2068Python\u2069، \u2068Java\u2069، تدريب');
  });
});

describe('deckLocale fonts', () => {
  it('carries the font families in the order the language looks for them', () => {
    const han = (lang: string) =>
      deckLocale({ lang, dir: undefined, labels: undefined })
        .fonts.filter((f) => f.scripts.includes('Han'))
        .map((f) => f.family);
    expect(deckLocale({ lang: 'en', dir: undefined, labels: undefined }).fonts[0]?.family).toBe('Inter');
    expect(han('ja')).toEqual(['Noto Sans JP']);
    expect(han('zh-Hans')).toEqual(['Noto Sans SC']);
    expect(han('de')).toEqual(['Noto Sans SC']);
  });
});
