import { describe, expect, it } from 'vitest';
import { deckDirection, languageDirection } from '../../../src/render/direction.js';

describe('the direction of a language', () => {
  it.each(['ar', 'ar-EG', 'he', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb', 'sd', 'ug', 'syr', 'az-Arab', 'pa-Arab', 'nqo'])(
    '%s is right to left',
    (lang) => expect(languageDirection(lang)).toBe('rtl'),
  );

  it.each(['en', 'de', 'zh-Hans', 'hi', 'ja', 'ku', 'az', 'ar-Latn', 'he-Latn', 'und', 'xx'])(
    '%s is left to right',
    (lang) => expect(languageDirection(lang)).toBe('ltr'),
  );

  it('calls a tag Intl cannot read left to right instead of failing', () => {
    expect(languageDirection('en_GB!')).toBe('ltr');
  });
});

describe("a deck's direction", () => {
  it('follows the language when dir is unset or auto', () => {
    expect(deckDirection({ lang: 'ar' })).toBe('rtl');
    expect(deckDirection({ lang: 'ar', dir: 'auto' })).toBe('rtl');
    expect(deckDirection({ lang: 'de', dir: 'auto' })).toBe('ltr');
  });

  it('takes dir: ltr or rtl over the language', () => {
    expect(deckDirection({ lang: 'ar', dir: 'ltr' })).toBe('ltr');
    expect(deckDirection({ lang: 'en', dir: 'rtl' })).toBe('rtl');
  });
});
