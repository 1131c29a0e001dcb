import { CareerdeckError } from '../errors.js';
import type { Outlook, Pay } from '../model/index.js';
import { requireFile, streamCsv } from './table.js';

/** The columns of the BLS occupational projections table (Table 1.2 saved as CSV) that are read. */
export const PROJECTION_COLUMNS = {
  title: { label: 'National Employment Matrix title', match: /National Employment Matrix title|^Occupation title/i },
  code: {
    label: 'National Employment Matrix code',
    match: /National Employment Matrix code|^Occupation code|^SOC code/i,
  },
  percent: { label: 'Employment change, percent', match: /^Employment change, percent/i },
  wage: { label: 'Median annual wage', match: /^Median annual wage/i },
} as const;

export const BLS_SOURCE = 'U.S. Bureau of Labor Statistics, Employment Projections';

/** One occupation's figures, as a role's `outlook` and `pay`. */
export interface Projection {
  code: string;
  title: string;
  outlook: Outlook;
  pay?: Pay | undefined;
  line: number;
}

/** The 6-digit SOC code a role's code names: "15-2051.00" -> "15-2051". */
export function socOf(code: string): string {
  return code.slice(0, 7);
}

/**
 * Every occupation of the projections table by SOC code. The period comes from the percent
 * column's header ("Employment change, percent, 2024–34"), the pay year from the wage column's.
 */
export async function readProjections(file: string): Promise<Map<string, Projection>> {
  await requireFile(
    file,
    'pass --projections the occupation table downloaded from the BLS Employment Projections (see docs/data.md)',
  );
  const found = new Map<string, Projection>();
  await streamCsv(file, PROJECTION_COLUMNS, (row, line, header) => {
    const code = row.code ?? '';
    const growth = Number(row.percent?.replace(/,/g, ''));
    if (!/^\d{2}-\d{4}$/.test(code) || !Number.isFinite(growth) || row.percent === '') return;
    const span = header.percent?.match(/(\d{4})\s*[-\u2010-\u2015]\s*(\d{2,4})/);
    const period = span ? `${span[1]}-${span[2]!.length === 2 ? span[1]!.slice(0, 2) + span[2] : span[2]}` : undefined;
    const wageYear = Number(header.wage?.match(/\b(\d{4})\b/)?.[1]);
    const wage = Number(row.wage?.replace(/[$,]/g, ''));
    // The period is the figure's date (beside it and in the Sources list), not part of the source's name.
    const source = BLS_SOURCE;
    found.set(code, {
      code,
      title: row.title ?? code,
      line,
      outlook: { growth, period, group: row.title, source },
      // ">=239,200" (top-coded) or "—" is not a median that can be stated: left out.
      pay:
        Number.isFinite(wage) && wage > 0 && Number.isInteger(wageYear)
          ? { amount: wage, currency: 'USD', year: wageYear, area: 'United States', source }
          : undefined,
    });
  });
  if (found.size === 0)
    throw new CareerdeckError(
      'USAGE',
      `${file}: no occupation rows with a SOC code such as 15-2051; is it the occupational projections table?`,
    );
  return found;
}
