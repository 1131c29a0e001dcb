import { fillLabel, type Labels, resolveLabels } from '../model/labels.js';
import type { Deck, TextDirection } from '../model/index.js';
import { type BundledFamily, familiesFor } from '../model/fonts.js';
import { deckDirection } from './direction.js';
import { formatGrowth, formatMoney, formatNumber, formatPercent, readable } from './formats.js';

/**
 * Everything a view needs to write in the deck's language, worked out once per deck (issue 25):
 * its labels, its direction, how it writes numbers, dates and lists, and its fonts. The views, the
 * PowerPoint and the room take this instead of asking for each piece again.
 */
export interface DeckLocale {
  readonly lang: string;
  readonly labels: Labels;
  readonly dir: TextDirection;
  /** A growth figure in percent, signed: 12 -> "+12%" (en), "+12 %" (de). */
  growth(value: number): string;
  /** A percentage without a sign (chart ticks): 10 -> "10%" (en), "10 %" (de). */
  percent(value: number): string;
  /** A plain number: 1234 -> "1,234" (en), "1.234" (de). */
  number(value: number): string;
  /** An amount in its own currency, never converted. */
  money(amount: number, currency: string): string;
  /** "2026-11-26" -> the long date in the deck's language; other text is kept as written. */
  date(date: string | undefined): string | undefined;
  /** Items of a list: "a, b" (en), "a، b" (ar), "a、b" (zh); an item against the page's direction is isolated. */
  list(items: readonly string[]): string;
  /** Lists of lists: "a, b; c" (en), "a، b؛ c" (ar), "a、b；c" (zh). */
  groups(items: readonly string[]): string;
  /** A label with its slots filled, each value isolated so a name in another script keeps its own direction. */
  fill(label: string, values: Readonly<Record<string, string>>): string;
  /**
   * The bundled font families in the order the language looks for them (Inter first): a Japanese
   * deck's Han characters reach Noto Sans JP, any other deck's Noto Sans SC (render/fonts.ts).
   */
  readonly fonts: readonly BundledFamily[];
}

/** The separator between two middle items of a four-item list of this type and style. */
function middle(lang: string, type: 'conjunction' | 'unit', style: 'narrow' | 'short'): string {
  const parts = new Intl.ListFormat(lang, { type, style }).formatToParts(['A', 'B', 'C', 'D']);
  const literals = parts.filter((p) => p.type === 'literal');
  // The second literal sits between "B" and "C": never the final "and" some languages add.
  return (literals[1]?.value ?? '').replace(/\p{L}/gu, '').replace(/\s+/gu, ' ').replace(/^ /u, '');
}

/**
 * The list separator for a language, from Intl.ListFormat. Not Intl's whole list: its
 * `conjunction` lists end in "and" ("a, b, and c"), which would change every English output and
 * reads wrong in a cell of key words, and its `unit` lists have no separator at all in Chinese.
 * So the separator between two middle items of a `conjunction`/`narrow` list, without letters: ", "
 * in English and German (as before), "、" in Chinese and Japanese. Arabic's CLDR lists join with
 * "و" (and) only; with the letters taken away nothing is left, so the `unit`/`short` list's
 * separator gives "، ", the Arabic comma. Anything else falls back to ", ".
 */
export function listSeparator(lang: string): string {
  const tag = readable(lang);
  for (const [type, style] of [
    ['conjunction', 'narrow'],
    ['unit', 'short'],
  ] as const) {
    const separator = middle(tag, type, style);
    if (/[^\s\u200e\u200f]/u.test(separator)) return separator;
  }
  return ', ';
}

/**
 * The separator of lists of lists, where English writes ";". Intl has no such list, so the
 * semicolon that belongs with the language's comma: Arabic "؛" with "،", the full-width "；" with
 * Chinese "、" or "，".
 */
const SEMICOLONS: Readonly<Record<string, string>> = { ',': ';', '،': '؛', '、': '；', '，': '；' };

export function groupSeparator(lang: string): string {
  const list = listSeparator(lang);
  const comma = [...list].find((ch) => ch in SEMICOLONS);
  return comma === undefined ? '; ' : list.replace(comma, SEMICOLONS[comma] ?? ';');
}

/** Letters of the right-to-left scripts in Unicode's BMP (Hebrew to Arabic Extended, presentation forms). */
const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/u;
/** Letters of any other script: a Latin role name inside an Arabic label. */
const LTR_LETTER = /(?![\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc])\p{L}/u;

/**
 * Unicode's first-strong isolate around text written against the page's direction: inside it
 * "ML Engineer" keeps left to right and leaves the Arabic around it alone ("ML Engineer فقط" no
 * longer runs left to right). Text in the page's own direction is returned as it is, so English
 * and Chinese outputs keep their bytes.
 */
export function isolate(text: string, dir: TextDirection): string {
  const against = dir === 'rtl' ? LTR_LETTER : RTL_LETTER;
  return against.test(text) ? `\u2068${text}\u2069` : text;
}

const cache = new WeakMap<object, DeckLocale>();

/** The deck's locale, resolved once per deck object (every view of one build shares it). */
export function deckLocale(deck: Pick<Deck, 'lang' | 'dir' | 'labels'>): DeckLocale {
  const cached = cache.get(deck);
  if (cached) return cached;
  const lang = deck.lang;
  const list = listSeparator(lang);
  const group = groupSeparator(lang);
  const dates = new Map<string, string | undefined>();
  const dir = deckDirection(deck);
  const locale: DeckLocale = {
    lang,
    labels: resolveLabels(lang, deck.labels),
    dir,
    growth: (value) => formatGrowth(value, lang),
    percent: (value) => formatPercent(value, lang),
    number: (value) => formatNumber(value, lang),
    money: (amount, currency) => formatMoney(amount, currency, lang),
    date: (date) => {
      if (date === undefined) return undefined;
      if (!dates.has(date)) dates.set(date, longDate(date, lang));
      return dates.get(date);
    },
    // Each item isolated where it runs against the page: in Arabic "Python، Java" then reads
    // from the right, item by item, instead of as one left-to-right run with its commas.
    list: (items) => items.map((item) => isolate(item, dir)).join(list),
    groups: (items) => items.join(group),
    fill: (label, values) =>
      fillLabel(label, Object.fromEntries(Object.entries(values).map(([k, v]) => [k, isolate(v, dir)]))),
    fonts: familiesFor(lang),
  };
  cache.set(deck, locale);
  return locale;
}

/** "2026-11-26" -> the long date in the language ("November 26, 2026" in en); other text is kept. */
export function longDate(date: string, lang: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return date;
  return new Intl.DateTimeFormat(readable(lang), { dateStyle: 'long', timeZone: 'UTC' }).format(parsed);
}
