import type { Comparison } from '../compare/compare.js';
import type { Outlook, Pay, Role, SourceRef } from '../model/index.js';
import { formatMoney } from './formats.js';

/** The date an outlook figure stands for, as written: its asOf, else its period. */
export function outlookDate(o: Outlook): string | undefined {
  return o.asOf ?? o.period;
}

/** The date a pay figure stands for: its asOf, else its year. */
export function payDate(p: Pay): string {
  return p.asOf ?? String(p.year);
}

/** "$108,020 (2024, United States)": the amount in its own currency, its date and area. */
export function payText(p: Pay, lang: string): string {
  return `${formatMoney(p.amount, p.currency, lang)} (${[payDate(p), p.area].filter(Boolean).join(', ')})`;
}

/** "source, date" of a figure, for the line beside it. */
export function provenanceText(source: string | undefined, date: string | undefined): string {
  return [source, date].filter(Boolean).join(', ');
}

/**
 * Every source of a deck, generated so that none is typed twice: the deck's own `sources:`, then
 * each figure's source with the dates of the figures taken from it, then the roles' own sources
 * (an imported draft's database). A figure's source already named by a listed source is not repeated.
 */
export function deckSources(c: Pick<Comparison, 'deck' | 'roles'>): Required<SourceRef>[] {
  const listed: SourceRef[] = [...c.deck.sources];
  const known = (name: string) =>
    listed.some((s) => s.title === name || s.title.includes(name) || (s.publisher?.includes(name) ?? false));
  const figures = new Map<string, Set<string>>();
  for (const role of c.roles) {
    for (const [source, date] of figureSources(role)) {
      if (known(source)) continue;
      const dates = figures.get(source) ?? new Set<string>();
      if (date) dates.add(date);
      figures.set(source, dates);
    }
  }
  for (const [title, dates] of figures) listed.push({ title, date: [...dates].join('; ') || undefined });
  for (const role of c.roles) {
    for (const s of role.sources ?? []) {
      if (!listed.some((l) => l.title === s.title && l.date === s.date)) listed.push(s);
    }
  }
  // Every key present: templates compile in strict mode.
  return listed.map((s) => ({
    title: s.title,
    publisher: s.publisher,
    date: s.date,
    url: s.url,
    licence: s.licence,
  })) as Required<SourceRef>[];
}

function figureSources(role: Role): [string, string | undefined][] {
  const out: [string, string | undefined][] = [];
  if (role.outlook?.source) out.push([role.outlook.source, outlookDate(role.outlook)]);
  if (role.pay?.source) out.push([role.pay.source, payDate(role.pay)]);
  return out;
}
