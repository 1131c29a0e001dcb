/**
 * Numbers as the deck's language writes them, through Intl: `+12%` in English, `+12 %` in German
 * and French (a no-break space before the sign). Digits are Intl's default for the tag: `ar`
 * gives Latin digits, `ar-EG` Arabic-Indic ones (docs/languages.md).
 */
const formats = new Map<string, { growth: Intl.NumberFormat; percent: Intl.NumberFormat; number: Intl.NumberFormat }>();

/** A tag Intl cannot read writes numbers as English does (validate/ warns about the tag). */
export function readable(lang: string): string {
  try {
    return Intl.getCanonicalLocales(lang)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

function formatsFor(given: string) {
  let known = formats.get(given);
  if (!known) {
    const lang = readable(given);
    known = {
      growth: new Intl.NumberFormat(lang, { style: 'percent', signDisplay: 'exceptZero', maximumFractionDigits: 2 }),
      percent: new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 2 }),
      number: new Intl.NumberFormat(lang),
    };
    formats.set(given, known);
  }
  return known;
}

/** A growth figure in percent, signed: 12 -> "+12%" (en), "+12 %" (de). */
export function formatGrowth(growth: number, lang = 'en'): string {
  return formatsFor(lang).growth.format(growth / 100);
}

/** A percentage without a sign, for chart ticks: 10 -> "10%" (en), "10 %" (fr). */
export function formatPercent(value: number, lang = 'en'): string {
  return formatsFor(lang).percent.format(value / 100);
}

/** A plain number: 1234 -> "1,234" (en), "1.234" (de). */
export function formatNumber(value: number, lang = 'en'): string {
  return formatsFor(lang).number.format(value);
}

const money = new Map<string, Intl.NumberFormat>();

/** An amount in its own currency, as the deck's language writes it: never converted. */
export function formatMoney(amount: number, currency: string, lang = 'en'): string {
  const key = `${lang}\0${currency}`;
  let format = money.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lang, { style: 'currency', currency, maximumFractionDigits: 0 });
    money.set(key, format);
  }
  return format.format(amount);
}
