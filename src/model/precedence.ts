import type { Brand, Deck } from './index.js';
import { paperFor } from './locale.js';
import type { DeckDefaults, DeckOverrides } from './settings.js';

/**
 * A deck with the precedence applied: command-line overrides, then its own front matter (the keys
 * in `given`), then the config file's defaults, then the schema's defaults. Brand and labels merge
 * key by key, so a deck can change the accent and keep the organisation's logo and footer.
 */
export function withDefaults(
  deck: Deck,
  given: ReadonlySet<string>,
  defaults: DeckDefaults = {},
  overrides: DeckOverrides = {},
): Deck {
  const pick = <K extends 'paper' | 'lang' | 'dir' | 'outputs' | 'handout'>(key: K): Deck[K] =>
    given.has(key) ? deck[key] : ((defaults[key] as Deck[K] | undefined) ?? deck[key]);
  const lang = pick('lang');
  const brand = defaults.brand || deck.brand ? mergeBrand(defaults.brand, deck.brand) : undefined;
  return {
    ...deck,
    // Neither the deck nor the config file sets it: the paper of the language's region.
    paper: given.has('paper') ? deck.paper : (defaults.paper ?? paperFor(lang)),
    lang,
    labels: { ...defaults.labels, ...deck.labels },
    dir: pick('dir'),
    outputs: pick('outputs'),
    handout: pick('handout'),
    // Unset here and in the config file: validate/provenance.ts counts DEFAULT_STALE_AFTER_YEARS.
    staleAfter: deck.staleAfter ?? defaults.staleAfter,
    theme: overrides.theme ?? deck.theme ?? defaults.theme,
    brand,
  };
}

function mergeBrand(base: Brand | undefined, own: Brand | undefined): Brand {
  return { accent: own?.accent ?? base?.accent, logo: own?.logo ?? base?.logo, footer: own?.footer ?? base?.footer };
}
