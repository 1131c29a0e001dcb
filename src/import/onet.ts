import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { distance } from 'fastest-levenshtein';
import { CareerdeckError } from '../errors.js';
import { bold, type DraftSection, firstSentence, markdownText, type RoleDraft } from './draft.js';
import { requireFile, type Row, streamTsv } from './table.js';

/** The files of the O*NET text database (db_30_x_text) read, with the columns each must have. */
export const ONET_FILES = {
  occupations: { name: 'Occupation Data.txt', columns: ['O*NET-SOC Code', 'Title', 'Description'] },
  tasks: { name: 'Task Statements.txt', columns: ['O*NET-SOC Code', 'Task ID', 'Task', 'Task Type'] },
  taskRatings: { name: 'Task Ratings.txt', columns: ['O*NET-SOC Code', 'Task ID', 'Scale ID', 'Data Value'] },
  skills: { name: 'Skills.txt', columns: ['O*NET-SOC Code', 'Element Name', 'Scale ID', 'Data Value'] },
  knowledge: { name: 'Knowledge.txt', columns: ['O*NET-SOC Code', 'Element Name', 'Scale ID', 'Data Value'] },
  technology: {
    name: 'Technology Skills.txt',
    columns: ['O*NET-SOC Code', 'Example', 'Hot Technology', 'In Demand'],
  },
  education: {
    name: 'Education, Training, and Experience.txt',
    columns: ['O*NET-SOC Code', 'Element ID', 'Scale ID', 'Category', 'Data Value'],
  },
  educationCategories: {
    name: 'Education, Training, and Experience Categories.txt',
    columns: ['Element ID', 'Scale ID', 'Category', 'Category Description'],
  },
} as const;

const TASKS = 8;
const SKILLS = 8;
const KNOWLEDGE = 5;
const TECHNOLOGIES = 10;
const EDUCATION = 3;

export const ONET_CODE = /^\d{2}-\d{4}\.\d{2}$/;

/**
 * A role draft for one O*NET-SOC occupation, read from the unpacked text database. Every file is
 * streamed and only the occupation's rows are kept, so memory stays flat however large the files.
 */
export async function onetDraft(folder: string, code: string): Promise<RoleDraft> {
  if (!ONET_CODE.test(code))
    throw new CareerdeckError(
      'USAGE',
      `onet:${code}: an O*NET-SOC code looks like 15-2051.00 (two digits, a dash, four digits, a dot, two digits)`,
    );
  const file = (key: keyof typeof ONET_FILES) => path.join(folder, ONET_FILES[key].name);
  for (const key of Object.keys(ONET_FILES) as (keyof typeof ONET_FILES)[]) {
    await requireFile(
      file(key),
      `--data must be the unpacked O*NET text database (the folder db_30_x_text, with "${ONET_FILES.occupations.name}" in it); see docs/data.md`,
    );
  }
  const mine = (row: Row) => row['O*NET-SOC Code'] === code;

  let occupation: { title: string; description: string } | undefined;
  const known: { code: string; title: string }[] = [];
  await streamTsv(file('occupations'), ONET_FILES.occupations.columns, (row) => {
    known.push({ code: row['O*NET-SOC Code']!, title: row.Title! });
    if (mine(row)) occupation = { title: row.Title!, description: row.Description! };
  });
  if (!occupation) throw unknownCode(code, known, file('occupations'));

  const tasks = new Map<string, { text: string; core: boolean; importance: number }>();
  await streamTsv(file('tasks'), ONET_FILES.tasks.columns, (row) => {
    if (mine(row)) tasks.set(row['Task ID']!, { text: row.Task!, core: row['Task Type'] === 'Core', importance: 0 });
  });
  await streamTsv(file('taskRatings'), ONET_FILES.taskRatings.columns, (row) => {
    const task = mine(row) && row['Scale ID'] === 'IM' ? tasks.get(row['Task ID']!) : undefined;
    if (task) task.importance = Number(row['Data Value']);
  });
  const ranked = async (key: 'skills' | 'knowledge', count: number) => {
    const found: { name: string; value: number }[] = [];
    await streamTsv(file(key), ONET_FILES[key].columns, (row) => {
      if (mine(row) && row['Scale ID'] === 'IM')
        found.push({ name: row['Element Name']!, value: Number(row['Data Value']) });
    });
    return found.sort((a, b) => b.value - a.value).slice(0, count);
  };
  const skills = await ranked('skills', SKILLS);
  const knowledge = await ranked('knowledge', KNOWLEDGE);

  const technologies: { name: string; hot: boolean; demand: boolean }[] = [];
  await streamTsv(file('technology'), ONET_FILES.technology.columns, (row) => {
    if (mine(row))
      technologies.push({ name: row.Example!, hot: row['Hot Technology'] === 'Y', demand: row['In Demand'] === 'Y' });
  });
  const levels = new Map<string, string>();
  await streamTsv(file('educationCategories'), ONET_FILES.educationCategories.columns, (row) => {
    if (row['Scale ID'] === 'RL') levels.set(row.Category!, row['Category Description']!);
  });
  const education: { level: string; percent: number }[] = [];
  await streamTsv(file('education'), ONET_FILES.education.columns, (row) => {
    if (mine(row) && row['Scale ID'] === 'RL' && Number(row['Data Value']) > 0)
      education.push({
        level: levels.get(row.Category!) ?? `category ${row.Category}`,
        percent: Number(row['Data Value']),
      });
  });

  const version = await onetVersion(folder);
  const topTasks = [...tasks.values()]
    .sort((a, b) => Number(b.core) - Number(a.core) || b.importance - a.importance)
    .slice(0, TASKS);
  const hot = technologies
    .filter((t) => t.hot || t.demand)
    .sort((a, b) => Number(b.demand) - Number(a.demand) || Number(b.hot) - Number(a.hot))
    .slice(0, TECHNOLOGIES);
  const sections: DraftSection[] = [
    { heading: 'Definition', paragraphs: [markdownText(occupation.description)], items: [] },
    { heading: 'Responsibilities', paragraphs: [], items: topTasks.map((t) => markdownText(t.text)) },
    {
      heading: 'Required skills',
      paragraphs: [],
      items: [
        ...skills.map((s) => `${bold(s.name)} (skill, importance ${s.value.toFixed(2)} of 5)`),
        ...knowledge.map((k) => `${bold(k.name)} (knowledge, importance ${k.value.toFixed(2)} of 5)`),
      ],
    },
    {
      heading: 'Tools and software',
      paragraphs: [],
      items: hot.map(
        (t) =>
          `${bold(t.name)}${t.hot || t.demand ? ` (${[t.hot && 'hot technology', t.demand && 'in demand'].filter(Boolean).join(', ')})` : ''}`,
      ),
    },
    {
      heading: 'Education',
      paragraphs: [],
      items: education
        .sort((a, b) => b.percent - a.percent)
        .slice(0, EDUCATION)
        .map((e) => `${bold(e.level)} (${Math.round(e.percent)}% of workers surveyed)`),
    },
  ].filter((s) => s.paragraphs.length > 0 || s.items.length > 0);
  return {
    title: occupation.title,
    summary: firstSentence(occupation.description),
    soc: code,
    sections,
    sources: [onetSource(version)],
  };
}

/** The attribution the O*NET database licence (CC BY 4.0) asks for, with the release used. */
export function onetSource(version: string): {
  title: string;
  publisher: string;
  date: string;
  url: string;
  licence: string;
} {
  return {
    title: `O*NET ${version} Database`,
    publisher: 'U.S. Department of Labor, Employment and Training Administration (USDOL/ETA)',
    date: version,
    url: 'https://www.onetcenter.org/database.html',
    licence: `Includes information from the O*NET ${version} Database by USDOL/ETA, used under the CC BY 4.0 licence; USDOL/ETA has not approved, endorsed or tested these modifications. O*NET is a trademark of USDOL/ETA.`,
  };
}

/** The release: from "Read Me.txt" ("O*NET 30.0 Database"), else the folder's name (db_30_0_text). */
export async function onetVersion(folder: string): Promise<string> {
  const readMe = await readFile(path.join(folder, 'Read Me.txt'), 'utf8').catch(() => '');
  const stated = readMe.match(/O\*NET\s+(\d+\.\d+)\s+Database/)?.[1];
  if (stated) return stated;
  const named = path.basename(path.resolve(folder)).match(/db_(\d+)_(\d+)/);
  return named ? `${named[1]}.${named[2]}` : 'unknown release';
}

/** An unknown code: the nearest codes (by the digits, then by the title) with their titles. */
function unknownCode(code: string, known: readonly { code: string; title: string }[], file: string): CareerdeckError {
  const nearest = [...known]
    .sort((a, b) => distance(code, a.code) - distance(code, b.code) || a.code.localeCompare(b.code))
    .slice(0, 3)
    .map((o) => `${o.code} ${o.title}`);
  return new CareerdeckError(
    'USAGE',
    `onet:${code} is not in ${file}${nearest.length ? `; the nearest codes: ${nearest.join('; ')}` : ''}`,
  );
}
