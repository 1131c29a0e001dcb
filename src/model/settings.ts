import type { Brand, DirectionSetting, HandoutPerPage, Paper, ThemeName } from './content.js';
import type { LabelOverrides } from './labels.js';
import type { OutputChoice } from './outputs.js';

/** What the config file sets for decks that leave a key unset (already checked and resolved). */
export interface DeckDefaults {
  theme?: ThemeName | undefined;
  brand?: Brand | undefined;
  paper?: Paper | undefined;
  handout?: { perPage: HandoutPerPage } | undefined;
  lang?: string | undefined;
  /** Labels over the catalogue's, for every deck; a deck's own `labels:` win key by key. */
  labels?: LabelOverrides | undefined;
  dir?: DirectionSetting | undefined;
  outputs?: OutputChoice[] | undefined;
  /** Years after which check warns that a figure is stale. */
  staleAfter?: number | undefined;
}

/** What the command line sets for every deck, over its front matter. */
export interface DeckOverrides {
  theme?: ThemeName | undefined;
}

/** The config file's defaults for decks, and the command line's overrides. */
export interface DeckSettings {
  defaults?: DeckDefaults | undefined;
  overrides?: DeckOverrides | undefined;
}
