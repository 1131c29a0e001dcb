import type { Deck, TextDirection } from '../model/index.js';

/**
 * Scripts written right to left (ISO 15924). Node's ICU data answers `textInfo` for most
 * languages, but not for all: Node 20 says "ltr" for Dhivehi (`dv`, Thaana) and for Arabic-script
 * Azerbaijani (`az-Arab`), so the script decides first and `textInfo` is the fallback.
 */
const RTL_SCRIPTS = new Set([
  'Adlm', // Adlam (Fulani)
  'Arab', // Arabic, Persian, Urdu, Pashto, Sorani Kurdish, Sindhi, Uyghur...
  'Aran', // Nastaliq
  'Hebr', // Hebrew, Yiddish, Ladino
  'Mand', // Mandaic
  'Mend', // Mende Kikakui
  'Nkoo', // N'Ko
  'Rohg', // Hanifi Rohingya
  'Samr', // Samaritan
  'Syrc', // Syriac
  'Thaa', // Thaana (Dhivehi)
  'Yezi', // Yezidi
]);

/** Node 20 has `textInfo` as an accessor; later versions have `getTextInfo()`. */
interface WithTextInfo {
  getTextInfo?: () => { direction?: string };
  textInfo?: { direction?: string };
}

/**
 * The direction a language is written in: `ar`, `he`, `fa`, `ur`, `dv`, `ckb`... are right to
 * left, `ar-Latn` (Arabic in Latin letters) left to right. A tag Intl cannot read is left to right.
 */
export function languageDirection(lang: string): TextDirection {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(lang);
  } catch {
    return 'ltr';
  }
  // The script written in the tag, else the language's usual one (maximize: "fa" -> "fa-Arab-IR").
  const script = locale.script ?? locale.maximize().script;
  if (script !== undefined) return RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
  const info = locale as unknown as WithTextInfo;
  const direction = info.getTextInfo?.().direction ?? info.textInfo?.direction;
  return direction === 'rtl' ? 'rtl' : 'ltr';
}

/** A deck's direction: `dir:` when it says ltr or rtl, else (unset or `auto`) its language's. */
export function deckDirection(deck: Pick<Deck, 'lang' | 'dir'>): TextDirection {
  return deck.dir === 'ltr' || deck.dir === 'rtl' ? deck.dir : languageDirection(deck.lang);
}
