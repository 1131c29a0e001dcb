import type { Command } from 'commander';
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../emit/atomic.js';
import { CareerdeckError } from '../errors.js';
import { displayPath, readContentDir } from '../load/read.js';
import type { RoleSource } from '../scaffold/index.js';
import { addProjectOptions, projectSettings } from './options.js';

// Imported on use, like the build: `--help` and the other commands need no Markdown or YAML parser.
const scaffold = () => import('../scaffold/index.js');

interface CommonOptions {
  slug?: string;
  content: string;
  force?: boolean;
}

const nextStep = (contentDir: string) =>
  `next: edit it, then run npm run check${path.resolve(contentDir) === path.resolve('content') ? '' : ` -- --content ${shown(contentDir)}`}; it lists what is still to fill in, with file:line (a deck that uses it builds once it passes)`;

const usage = (message: string) => new CareerdeckError('USAGE', message);

/** `careerdeck new role <title>` and `careerdeck new deck <title>`: start a content file from a template. */
export function addNewCommands(program: Command, io: { err: (line: string) => void }): void {
  const group = program
    .command('new')
    .description('start a new role or deck file with the usual sections and a hint under each');

  const role = group
    .command('role')
    .description('write content/roles/<slug>.md with the section headings the existing roles use')
    .argument('[title]', 'the role\'s title, such as "Data Engineer" (with --from: the database\'s title unless given)')
    .option('--from <source:code>', 'draft it from an occupation database you downloaded: onet:15-2051.00')
    .option('--data <folder>', 'with --from: the unpacked database folder (O*NET: db_30_x_text)')
    .option('--projections <file>', 'with --from: the BLS projections table (CSV) for outlook and pay')
    .option('--lang <tag>', 'with --from esco: the language of the CSV files (occupations_<lang>.csv)')
    .option('--slug <slug>', 'file name without .md (default: from the title, "data-engineer")')
    .option(
      '--short <label>',
      'label for table headers (default: from the title, "ML Engineer" for "Machine Learning Engineer")',
    )
    .option('--force', 'overwrite the file if it exists')
    .addHelpText('after', '\nExample: npm run new:role -- "Data Engineer"');
  addProjectOptions(role, { printing: false }).action(
    async (
      given: string | undefined,
      opts: CommonOptions & { short?: string; from?: string; data?: string; projections?: string; lang?: string },
    ) => {
      opts.content = (await projectSettings(role)).contentDir;
      if (opts.from !== undefined || opts.data !== undefined || opts.projections !== undefined) {
        await draftRole(given, opts, io);
        return;
      }
      if (given === undefined) throw usage('give the role\'s title, such as npm run new:role -- "Data Engineer"');
      const title = given;
      const { commonHeadings, MAX_SHORT, roleTemplate, shortLabel } = await scaffold();
      const slug = await checkedSlug(title, opts.slug);
      const short = opts.short?.trim() ?? shortLabel(title);
      if (short === '' || short.length > MAX_SHORT || /[\n\r\t]/.test(short))
        throw usage(`--short must be one line of 1 to ${MAX_SHORT} characters`);
      const roles = await existingRoles(opts.content);
      const headings = commonHeadings(roles.map((r) => r.body));
      const file = path.join(opts.content, 'roles', `${slug}.md`);
      await writeNew(file, roleTemplate({ title, short, headings }), opts.force);
      io.err(
        `wrote ${shown(file)}: ${headings.length} sections with a hint under each; short label: ${short} (--short to change it)`,
      );
      io.err(nextStep(opts.content));
    },
  );

  const deck = group
    .command('deck')
    .description('write content/decks/<slug>.md comparing two or more existing roles')
    .argument('<title>', 'the deck\'s title, such as "Data roles compared"')
    .option('--roles <slugs>', 'two to six role files to compare, comma-separated (data-engineer,ai-scientist)')
    .option('--slug <slug>', 'file name without .md (default: from the title)')
    .option('--force', 'overwrite the file if it exists')
    .addHelpText('after', '\nExample: npm run new:deck -- "Data roles compared" --roles data-engineer,ai-scientist');
  addProjectOptions(deck, { printing: false }).action(
    async (title: string, opts: CommonOptions & { roles?: string }) => {
      opts.content = (await projectSettings(deck)).contentDir;
      const { deckTemplate, sectionIdsOf } = await scaffold();
      const slug = await checkedSlug(title, opts.slug);
      const available = await existingRoles(opts.content);
      const chosen = chooseRoles(opts.roles, available, opts.content);
      const file = path.join(opts.content, 'decks', `${slug}.md`);
      await writeNew(
        file,
        deckTemplate({ title, roles: chosen, sectionIds: sectionIdsOf(chosen[0]?.body ?? '') }),
        opts.force,
      );
      io.err(
        `wrote ${shown(file)}: comparing ${chosen.map((r) => r.slug).join(', ')}, with its introduction, common ground and conclusion to write`,
      );
      io.err(nextStep(opts.content));
    },
  );
}

/** `new role --from onet:<code> --data <folder>`: a draft from the database, nothing written on any error. */
async function draftRole(
  given: string | undefined,
  opts: CommonOptions & { short?: string; from?: string; data?: string; projections?: string; lang?: string },
  io: { err: (line: string) => void },
): Promise<void> {
  const { importDraft } = await import('../import/index.js');
  const { draftRoleTemplate, shortLabel } = await scaffold();
  await existingRoles(opts.content);
  const draft = await importDraft(opts);
  const title = given?.trim() || draft.title;
  const slug = await checkedSlug(title, opts.slug);
  const short = opts.short?.trim() ?? shortLabel(title);
  const file = path.join(opts.content, 'roles', `${slug}.md`);
  await writeNew(file, draftRoleTemplate({ ...draft, title }, short), opts.force);
  const counts = draft.sections.map((s) => `${s.heading.toLowerCase()} ${s.items.length || s.paragraphs.length}`);
  io.err(
    `wrote ${shown(file)} (draft: true) from ${draft.sources.map((s) => s.title).join(', ')}: ${counts.join(', ')}${draft.outlook ? ', outlook and pay from the projections' : ''}`,
  );
  io.err(nextStep(opts.content));
}

async function checkedSlug(title: string, given: string | undefined): Promise<string> {
  const { isSlug, slugFor, titleProblem } = await scaffold();
  const problem = titleProblem(title);
  if (problem) throw usage(problem);
  if (given !== undefined) {
    if (!isSlug(given))
      throw usage(
        `--slug "${given}" must be lower-case letters, digits and single dashes, without ".md", and not a name Windows reserves such as con or nul (such as data-engineer)`,
      );
    return given;
  }
  const slug = slugFor(title);
  if (slug === undefined)
    throw usage(
      `cannot make a file name from "${title.trim()}" that works on every system; pass --slug with lower-case letters, digits and dashes (such as data-engineer)`,
    );
  return slug;
}

/** The role files of the content folder; a missing folder is a usage error (likely a typo). */
async function existingRoles(contentDir: string): Promise<RoleSource[]> {
  const stat = await lstat(contentDir).catch(() => undefined);
  if (!stat?.isDirectory())
    throw usage(
      `content folder ${shown(contentDir)} not found; create it (mkdir -p ${shown(contentDir)}) or pass --content <dir>`,
    );
  const { files } = await readContentDir(contentDir);
  return (await scaffold()).roleSources(files);
}

function chooseRoles(option: string | undefined, available: readonly RoleSource[], contentDir: string): RoleSource[] {
  const names = available.map((r) => r.slug);
  const known =
    names.length > 0
      ? `available roles in ${shown(path.join(contentDir, 'roles'))}: ${names.join(', ')}`
      : `there are no roles in ${shown(path.join(contentDir, 'roles'))} yet; start one with: npm run new:role -- "Role title"`;
  const example = names.length >= 2 ? ` (for example --roles ${names.slice(0, 2).join(',')})` : '';
  if (option === undefined)
    throw usage(
      `say which roles the deck compares with --roles, two to six of them, comma-separated${example}; ${known}`,
    );
  const slugs = option
    .split(',')
    .map((s) => s.trim().replace(/\.md$/, ''))
    .filter((s) => s !== '');
  const unknown = slugs.filter((s) => !names.includes(s));
  if (unknown.length > 0) throw usage(`${unknown.map((s) => `role "${s}"`).join(', ')} not found; ${known}`);
  const twice = slugs.find((s, i) => slugs.indexOf(s) !== i);
  if (twice !== undefined) throw usage(`--roles names "${twice}" twice; list each role once`);
  if (slugs.length < 2 || slugs.length > 6)
    throw usage(`--roles needs two to six roles, not ${slugs.length}${example}; ${known}`);
  return slugs.map((s) => available.find((r) => r.slug === s) as RoleSource);
}

/** Writes a new file atomically; an existing one (or anything at its path) is left alone unless forced. */
async function writeNew(file: string, text: string, force = false): Promise<void> {
  const existing = await lstat(file).catch(() => undefined);
  if (existing && !force)
    throw usage(
      `${shown(file)} already exists; edit it, choose another name with --slug, or pass --force to overwrite it`,
    );
  if (existing && !existing.isFile()) throw usage(`${shown(file)} exists and is not a file; move it away first`);
  try {
    await writeFileAtomic(file, text);
  } catch (error) {
    throw new CareerdeckError(
      'OUTPUT',
      `cannot write ${shown(file)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      { cause: error },
    );
  }
}

function shown(file: string): string {
  return displayPath(file, process.cwd());
}
