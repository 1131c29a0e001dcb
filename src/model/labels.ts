import ar from './catalogues/ar.json' with { type: 'json' };
import de from './catalogues/de.json' with { type: 'json' };
import en from './catalogues/en.json' with { type: 'json' };
import es from './catalogues/es.json' with { type: 'json' };
import fr from './catalogues/fr.json' with { type: 'json' };
import hi from './catalogues/hi.json' with { type: 'json' };
import pt from './catalogues/pt.json' with { type: 'json' };
import zhHans from './catalogues/zh-Hans.json' with { type: 'json' };

/** A built-in label: the keys of the English catalogue, which every other catalogue repeats. */
export type LabelKey = keyof typeof en;
/** Every label resolved for one deck. */
export type Labels = Readonly<Record<LabelKey, string>>;
/** What a deck or the config file sets under `labels:` (already checked). */
export type LabelOverrides = Partial<Record<LabelKey, string>>;

export const LABEL_KEYS = Object.keys(en) as readonly LabelKey[];

/**
 * The catalogues by language tag (src/model/catalogues/*.json, docs/languages.md). A catalogue
 * may lack a label: it then falls back, label by label, to the next in localeChain.
 */
export const CATALOGUES: Readonly<Record<string, Readonly<Partial<Record<string, string>>>>> = {
  en,
  de,
  fr,
  es,
  pt,
  'zh-Hans': zhHans,
  ar,
  hi,
};

/**
 * The catalogues to try for a language tag, most specific first, English last:
 * `pt-BR` -> pt-BR, pt, en; `zh-CN` -> zh-CN, zh-Hans-CN, zh-Hans, zh, en (the script comes from
 * Intl.Locale's maximize(), so zh-CN and zh-SG find the Simplified catalogue and zh-TW does not).
 */
export function localeChain(lang: string): string[] {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(lang);
  } catch {
    return ['en'];
  }
  const full = locale.maximize();
  const { language } = locale;
  const script = locale.script ?? full.script;
  const tags = [
    locale.toString(),
    script && locale.region ? `${language}-${script}-${locale.region}` : '',
    script ? `${language}-${script}` : '',
    language,
    'en',
  ];
  return [...new Set(tags.filter(Boolean))];
}

/** The labels for a deck's language, each from the most specific catalogue that has it, then the overrides. */
export function resolveLabels(lang: string, overrides: LabelOverrides = {}): Labels {
  const chain = localeChain(lang)
    .map((tag) => CATALOGUES[tag])
    .filter((c) => c !== undefined);
  const pick = (key: LabelKey): string =>
    overrides[key] ?? chain.map((c) => c[key]).find((text) => text !== undefined) ?? en[key];
  return Object.fromEntries(LABEL_KEYS.map((key) => [key, pick(key)])) as Record<LabelKey, string>;
}

/** A label with its `{name}` slots filled: `fillLabel('Slide {number}', { number: 3 })`. Unknown slots stay. */
export function fillLabel(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (slot, name: string) => (name in values ? String(values[name]) : slot));
}
