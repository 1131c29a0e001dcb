import { stringify } from 'yaml';
import type { RoleDraft } from '../import/draft.js';

/**
 * A role file from an imported draft: `draft: true` (so no deck shows it until the adviser has
 * read it), the codes that `refresh` follows, the figures with their source and date, the
 * database and its attribution under `sources:`, then the sections, key terms in bold.
 */
export function draftRoleTemplate(draft: RoleDraft, short: string): string {
  const front: Record<string, unknown> = {
    title: draft.title,
    short,
    draft: true,
    ...(draft.summary ? { summary: draft.summary } : {}),
    ...(draft.soc ? { soc: draft.soc } : {}),
    ...(draft.esco ? { esco: draft.esco } : {}),
    ...(draft.outlook ? { outlook: clean(draft.outlook) } : {}),
    ...(draft.pay ? { pay: clean(draft.pay) } : {}),
    sources: draft.sources.map(clean),
  };
  const yaml = stringify(front, { lineWidth: 0 }).trimEnd();
  const body = draft.sections.map((s) =>
    [`## ${s.heading}`, '', ...s.paragraphs.flatMap((p) => [p, '']), ...s.items.map((i) => `- ${i}`)]
      .join('\n')
      .trimEnd(),
  );
  return [
    '---',
    '# Imported: read it, keep what fits your audience, then remove "draft: true".',
    yaml,
    '---',
    '',
    body.join('\n\n'),
    '',
  ].join('\n');
}

/** Leaves out unset keys: the YAML holds only what was found. */
function clean<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
}
