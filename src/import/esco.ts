import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { distance } from 'fastest-levenshtein';
import { CareerdeckError } from '../errors.js';
import { bold, firstSentence, markdownText, type RoleDraft } from './draft.js';
import { requireFile, streamCsv } from './table.js';

const col = (name: string) => ({ label: name, match: new RegExp(`^${name}$`) });
/** The columns read from the ESCO classification CSV download, per file (`<file>_<lang>.csv`). */
export const ESCO_COLUMNS = {
  occupations: {
    uri: col('conceptUri'),
    isco: col('iscoGroup'),
    label: col('preferredLabel'),
    description: col('description'),
    code: col('code'),
  },
  relations: { occupation: col('occupationUri'), relation: col('relationType'), skill: col('skillUri') },
  skills: { uri: col('conceptUri'), label: col('preferredLabel') },
} as const;

const ESSENTIAL = 12;
const OPTIONAL = 8;

/**
 * A role draft for one ESCO occupation, by ESCO code ("2511.1"), ISCO-08 unit group ("2511", when
 * one occupation has it) or concept URI, in the language of the files (`occupations_de.csv`...).
 */
export async function escoDraft(folder: string, wanted: string, lang?: string): Promise<RoleDraft> {
  const language = await languageOf(folder, lang);
  const file = (name: string) => path.join(folder, `${name}_${language}.csv`);
  for (const name of ['occupations', 'occupationSkillRelations', 'skills'])
    await requireFile(
      file(name),
      `--data must be the unpacked ESCO classification CSV download (with occupations_${language}.csv); see docs/data.md`,
    );

  const matches: { uri: string; label: string; description: string; code: string }[] = [];
  const known: { code: string; label: string }[] = [];
  await streamCsv(file('occupations'), ESCO_COLUMNS.occupations, (row) => {
    const o = { uri: row.uri!, label: row.label!, description: row.description!, code: row.code || row.isco! };
    known.push({ code: o.code, label: o.label });
    if (o.uri === wanted || o.code === wanted || (row.isco === wanted && !wanted.includes('.'))) matches.push(o);
  });
  if (matches.length !== 1) {
    const near =
      matches.length > 1
        ? matches.map((m) => ({ code: m.code, label: m.label }))
        : [...known].sort((a, b) => distance(wanted, a.code) - distance(wanted, b.code)).slice(0, 3);
    throw new CareerdeckError(
      'USAGE',
      `esco:${wanted} ${matches.length > 1 ? `names ${matches.length} occupations in` : 'is not in'} ${file('occupations')}; ${matches.length > 1 ? 'choose one' : 'the nearest'}: ${near
        .slice(0, 8)
        .map((n) => `${n.code} ${n.label}`)
        .join('; ')}`,
    );
  }
  const occupation = matches[0]!;
  const related = new Map<string, 'essential' | 'optional'>();
  await streamCsv(file('occupationSkillRelations'), ESCO_COLUMNS.relations, (row) => {
    if (row.occupation === occupation.uri)
      related.set(row.skill!, row.relation === 'essential' ? 'essential' : 'optional');
  });
  const labels = new Map<string, string>();
  await streamCsv(file('skills'), ESCO_COLUMNS.skills, (row) => {
    if (related.has(row.uri!)) labels.set(row.uri!, row.label!);
  });
  const of = (kind: 'essential' | 'optional') =>
    [...related]
      .filter(([, k]) => k === kind)
      .map(([uri]) => labels.get(uri))
      .filter((l): l is string => !!l);
  const version = path.basename(path.resolve(folder)).match(/v(\d+(?:\.\d+)+)/i)?.[1] ?? 'unknown version';
  return {
    title: occupation.label,
    summary: occupation.description ? firstSentence(occupation.description) : undefined,
    esco: occupation.uri,
    sections: [
      {
        heading: 'Definition',
        paragraphs: occupation.description ? [markdownText(occupation.description)] : [],
        items: [],
      },
      { heading: 'Required skills', paragraphs: [], items: of('essential').slice(0, ESSENTIAL).map(bold) },
      { heading: 'Optional skills', paragraphs: [], items: of('optional').slice(0, OPTIONAL).map(markdownText) },
    ].filter((s) => s.paragraphs.length > 0 || s.items.length > 0),
    sources: [
      {
        title: `ESCO ${version}, ${language}`,
        publisher: 'European Commission',
        date: version,
        url: 'https://esco.ec.europa.eu',
        licence: 'ESCO classification, European Commission; reuse with attribution (Commission Decision 2011/833/EU).',
      },
    ],
  };
}

/** The download's language: the one given, else the only `occupations_<lang>.csv`, else English. */
async function languageOf(folder: string, lang: string | undefined): Promise<string> {
  if (lang) return lang;
  const names = await readdir(folder).catch(() => {
    throw new CareerdeckError(
      'USAGE',
      `${folder}: not found; --data must be the unpacked ESCO CSV download (see docs/data.md)`,
    );
  });
  const found = names.map((n) => n.match(/^occupations_([\w-]+)\.csv$/)?.[1]).filter((l): l is string => !!l);
  return found.length === 1 ? found[0]! : found.includes('en') || found.length === 0 ? 'en' : found[0]!;
}
