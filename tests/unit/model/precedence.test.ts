import { describe, expect, it } from 'vitest';
import { withDefaults } from '../../../src/model/precedence.js';
import type { Deck, ImageUse } from '../../../src/model/content.js';

const deck: Deck = {
  slug: 'd',
  file: 'content/decks/d.md',
  title: 'D',
  roles: ['a', 'b'],
  sectionIds: [],
  lang: 'en',
  labels: {},
  paper: 'A4',
  outputs: ['report', 'slides', 'handout', 'notes', 'factsheets'],
  handout: { perPage: 3 },
  notes: [],
  qr: true,
  sources: [],
  sections: [],
  theme: undefined,
  brand: undefined,
};
const logo: ImageUse = {
  src: 'logo.svg',
  path: '/c/logo.svg',
  asset: 'assets/content/logo.svg',
  file: 'careerdeck.config.json',
  line: 3,
};

describe('deck settings: command line, then front matter, then config file, then defaults', () => {
  it('fills what the front matter leaves unset from the config', () => {
    const d = withDefaults(deck, new Set(['title', 'roles']), {
      theme: 'dark',
      paper: 'Letter',
      lang: 'de',
      outputs: ['report'],
    });
    expect(d).toMatchObject({ theme: 'dark', paper: 'Letter', lang: 'de', outputs: ['report'] });
  });

  it('keeps what the front matter sets, even when it equals the schema default', () => {
    const d = withDefaults({ ...deck, theme: 'light' }, new Set(['paper', 'lang', 'outputs', 'theme']), {
      theme: 'dark',
      paper: 'Letter',
      lang: 'de',
      outputs: ['report'],
    });
    expect(d).toMatchObject({
      theme: 'light',
      paper: 'A4',
      lang: 'en',
      outputs: ['report', 'slides', 'handout', 'notes', 'factsheets'],
    });
  });

  it('takes the paper from the region of the language when neither the deck nor the config sets it', () => {
    const unset = (lang: string, defaults = {}) => withDefaults({ ...deck, lang }, new Set(['lang']), defaults).paper;
    expect(unset('en-US')).toBe('Letter');
    expect(unset('es-MX')).toBe('Letter');
    expect(unset('fr-CA')).toBe('Letter');
    expect(unset('en-PH')).toBe('Letter');
    expect(unset('en')).toBe('A4');
    expect(unset('de')).toBe('A4');
    expect(unset('en-GB')).toBe('A4');
    expect(unset('en-US', { paper: 'A4' })).toBe('A4');
    expect(withDefaults({ ...deck, lang: 'en-US' }, new Set(['lang', 'paper'])).paper).toBe('A4');
    // The config file's language counts too.
    expect(withDefaults(deck, new Set([]), { lang: 'en-CA' }).paper).toBe('Letter');
  });

  it("merges the config file's labels under the deck's, key by key", () => {
    const d = withDefaults({ ...deck, labels: { sources: 'Reading' } }, new Set(['labels']), {
      labels: { sources: 'Further reading', agenda: 'Today' },
    });
    expect(d.labels).toEqual({ sources: 'Reading', agenda: 'Today' });
  });

  it('takes the handout layout from the config unless the deck sets it', () => {
    expect(withDefaults(deck, new Set(['title']), { handout: { perPage: 6 } }).handout).toEqual({ perPage: 6 });
    expect(
      withDefaults({ ...deck, handout: { perPage: 2 } }, new Set(['handout']), { handout: { perPage: 6 } }).handout,
    ).toEqual({ perPage: 2 });
  });

  it("takes dir from the config unless the deck sets it, even to auto (its language's)", () => {
    expect(withDefaults(deck, new Set(['title']), { dir: 'rtl' }).dir).toBe('rtl');
    expect(withDefaults({ ...deck, dir: 'auto' }, new Set(['dir']), { dir: 'rtl' }).dir).toBe('auto');
  });

  it('lets the command line theme win over both', () => {
    expect(
      withDefaults({ ...deck, theme: 'light' }, new Set(['theme']), { theme: 'dark' }, { theme: 'high-contrast' })
        .theme,
    ).toBe('high-contrast');
  });

  it('merges brand key by key: the deck accent with the organisation logo and footer', () => {
    const d = withDefaults(
      { ...deck, brand: { accent: '#0b5fff', logo: undefined, footer: undefined } },
      new Set(['brand']),
      { brand: { accent: '#222222', logo, footer: 'Career Services' } },
    );
    expect(d.brand).toEqual({ accent: '#0b5fff', logo, footer: 'Career Services' });
  });

  it('leaves a deck without settings on the schema defaults', () => {
    expect(withDefaults(deck, new Set())).toEqual(deck);
  });
});
