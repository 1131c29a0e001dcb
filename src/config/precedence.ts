import type { Brand, Deck } from '../model/index.js';
import type { DeckDefaults, DeckOverrides } from '../model/settings.js';

/**
 * A deck with the precedence applied: command-line overrides, then its own front matter (the keys
 * in `given`), then the config file's defaults, then the schema's defaults. Brand merges key by
 * key, so a deck can change the accent and keep the organisation's logo and footer.
 */
export function withDefaults(
  deck: Deck,
  given: ReadonlySet<string>,
  defaults: DeckDefaults = {},
  overrides: DeckOverrides = {},
): Deck {
  const pick = <K extends 'paper' | 'lang' | 'dir' | 'outputs' | 'handout'>(key: K): Deck[K] =>
    given.has(key) ? deck[key] : ((defaults[key] as Deck[K] | undefined) ?? deck[key]);
  const brand = defaults.brand || deck.brand ? mergeBrand(defaults.brand, deck.brand) : undefined;
  return {
    ...deck,
    paper: pick('paper'),
    lang: pick('lang'),
    dir: pick('dir'),
    outputs: pick('outputs'),
    handout: pick('handout'),
    theme: overrides.theme ?? deck.theme ?? defaults.theme,
    brand,
  };
}

function mergeBrand(base: Brand | undefined, own: Brand | undefined): Brand {
  return { accent: own?.accent ?? base?.accent, logo: own?.logo ?? base?.logo, footer: own?.footer ?? base?.footer };
}
