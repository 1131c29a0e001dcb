import type { Brand, Deck, Paper, OutputChoice, ThemeName } from './model.js';

/** What the config file sets for decks that leave a key unset (already checked and resolved). */
export interface DeckDefaults {
  theme?: ThemeName | undefined;
  brand?: Brand | undefined;
  paper?: Paper | undefined;
  lang?: string | undefined;
  outputs?: OutputChoice[] | undefined;
}

/** What the command line sets for every deck, over its front matter. */
export interface DeckOverrides {
  theme?: ThemeName | undefined;
}

/**
 * A deck with the precedence applied: command-line overrides, then its own front matter (the keys
 * in `given`), then the config file's defaults, then the schema's defaults. Brand merges key by
 * key, so a deck can change the accent and keep the organisation's logo and footer.
 */
export function withDefaults(deck: Deck, given: ReadonlySet<string>, defaults: DeckDefaults = {}, overrides: DeckOverrides = {}): Deck {
  const pick = <K extends 'paper' | 'lang' | 'outputs'>(key: K): Deck[K] => (given.has(key) ? deck[key] : ((defaults[key] as Deck[K] | undefined) ?? deck[key]));
  const brand = defaults.brand || deck.brand ? mergeBrand(defaults.brand, deck.brand) : undefined;
  return { ...deck, paper: pick('paper'), lang: pick('lang'), outputs: pick('outputs'), theme: overrides.theme ?? deck.theme ?? defaults.theme, brand };
}

function mergeBrand(base: Brand | undefined, own: Brand | undefined): Brand {
  return { accent: own?.accent ?? base?.accent, logo: own?.logo ?? base?.logo, footer: own?.footer ?? base?.footer };
}
