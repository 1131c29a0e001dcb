import type { Diagnostic, SourceLocation } from '../errors.js';
import type { Deck, Role } from '../model/index.js';
import { DEFAULT_STALE_AFTER_YEARS } from '../config/defaults.js';

/** Where a key of a role's front matter is written (its nearest parent's line when missing). */
export type RoleLocator = (role: Role, path: string[]) => SourceLocation;

/** The figures a role states, each with the year it stands for (undefined: no date given). */
export function figuresOf(role: Role): { key: 'outlook' | 'pay'; year: number | undefined; dateKey: string }[] {
  const figures: { key: 'outlook' | 'pay'; year: number | undefined; dateKey: string }[] = [];
  if (role.outlook) {
    const { asOf, period } = role.outlook;
    figures.push({ key: 'outlook', year: yearOf(asOf ?? period), dateKey: asOf ? 'asOf' : period ? 'period' : '' });
  }
  if (role.pay)
    figures.push({
      key: 'pay',
      year: yearOf(role.pay.asOf) ?? role.pay.year,
      dateKey: role.pay.asOf ? 'asOf' : 'year',
    });
  return figures;
}

/** The first four-digit year in a date or period: "2019-2029" -> 2019 (the base year of a projection). */
export function yearOf(date: string | undefined): number | undefined {
  const match = date?.match(/\b(1[89]|2\d)\d{2}\b/);
  return match ? Number(match[0]) : undefined;
}

/** A role's figures without a source or a date: nothing can say how old or how sure they are. */
export function roleProvenanceWarnings(role: Role, at: RoleLocator): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  for (const figure of figuresOf(role)) {
    const value = role[figure.key];
    if (!value?.source) {
      warnings.push({
        ...at(role, [figure.key]),
        severity: 'warning',
        message: `the ${figure.key} figure has no source; add source: (such as "U.S. Bureau of Labor Statistics") under ${figure.key}:`,
      });
    }
    if (figure.key === 'outlook' && figure.year === undefined) {
      warnings.push({
        ...at(role, ['outlook']),
        severity: 'warning',
        message:
          'the outlook figure has no date; add period: "2024-2034" or asOf: "2025-08" under outlook: so its age can be checked',
      });
    }
  }
  return warnings;
}

/**
 * Per deck: figures older than its `staleAfter` (counted from its `date`), and pay of different
 * years in one chart. A deck without a date has nothing to count from and is not warned about.
 */
export function deckProvenanceWarnings(deck: Deck, roles: readonly Role[], at: RoleLocator): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  const deckYear = yearOf(deck.date);
  const limit = deck.staleAfter ?? DEFAULT_STALE_AFTER_YEARS;
  if (deckYear !== undefined) {
    for (const role of roles) {
      for (const figure of figuresOf(role)) {
        if (figure.year === undefined || deckYear - figure.year <= limit) continue;
        warnings.push({
          ...at(role, [figure.key, figure.dateKey].filter(Boolean)),
          severity: 'warning',
          message: `the ${figure.key} figure is from ${figure.year}, ${deckYear - figure.year} years before the date of ${deck.file} (${deck.date}), more than staleAfter (${limit}); use newer figures (npm run refresh) or raise staleAfter`,
        });
      }
    }
  }
  warnings.push(...payYearWarnings(roles, at));
  return warnings;
}

/** Pay of different years side by side looks comparable but is not (the outlook's period warning, for pay). */
function payYearWarnings(roles: readonly Role[], at: RoleLocator): Diagnostic[] {
  const paid = roles.filter((r) => r.pay);
  if (paid.length < 2) return [];
  const counts = new Map<number, number>();
  for (const r of paid) counts.set(r.pay!.year, (counts.get(r.pay!.year) ?? 0) + 1);
  // The year most roles use (the first role's on a tie) is taken as meant; the others are told.
  const usual = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  const model = paid.find((r) => r.pay!.year === usual)!;
  return paid
    .filter((r) => r.pay!.year !== usual)
    .map((r) => ({
      ...at(r, ['pay', 'year']),
      severity: 'warning' as const,
      message: `the pay year ${r.pay!.year} differs from ${usual} in ${model.file}, yet one deck compares them; use pay figures for the same year in both files`,
    }));
}
