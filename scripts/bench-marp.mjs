// Marp's side of `npm run bench`: two Markdown decks for Marp CLI (a dev dependency) on the same
// Chromium as careerdeck, so that the ratios of issue 27 come from one run on one machine.
//   generic: 20 slides of a title and three bullets, the deck Marp's own figures are usually for;
//   own:     careerdeck's default content (its roles' sections, notes as presenter notes), 20 slides.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const SLIDES = 20;

/** Splits a role file into its title and `## ` sections (body lines and `Note:` lines apart). */
function sections(text) {
  const [, front = '', body = text] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
  const title = /^title:\s*(.+)$/m.exec(front)?.[1] ?? 'Role';
  const parts = body.split(/^## /m).slice(1);
  return {
    title,
    sections: parts.map((part) => {
      const [heading = '', ...lines] = part.split('\n');
      const notes = lines.filter((l) => l.startsWith('Note:')).map((l) => l.slice(5).trim());
      const content = lines
        .filter((l) => !l.startsWith('Note:'))
        .join('\n')
        .trim();
      return { heading: heading.trim(), content, notes };
    }),
  };
}

const slide = (title, content, notes = []) =>
  [`# ${title}`, '', content, ...(notes.length ? ['', `<!-- ${notes.join(' ').replaceAll('--', '-')} -->`] : [])].join(
    '\n',
  );

const deck = (slides) => ['---', 'marp: true', 'paginate: true', '---', '', slides.join('\n\n---\n\n'), ''].join('\n');

/** Writes both decks into `dir`; returns their paths and slide counts. */
export async function writeMarpDecks(root, dir, roleSlugs) {
  const generic = Array.from({ length: SLIDES }, (_, i) =>
    slide(
      `Slide ${i + 1}`,
      '- Builds and ships machine learning systems\n- Works with data engineers\n- Monitors models in production',
    ),
  );
  const roles = await Promise.all(
    roleSlugs.map(async (slug) => sections(await readFile(path.join(root, 'content', 'roles', `${slug}.md`), 'utf8'))),
  );
  const own = [slide(roles.map((r) => r.title).join(' vs. '), 'A comparison of roles')];
  own.push(slide('Agenda', roles[0].sections.map((s, i) => `${i + 1}. ${s.heading}`).join('\n')));
  for (const [i, s] of roles[0].sections.entries())
    for (const role of roles) {
      const section = role.sections[i] ?? { heading: s.heading, content: 'Not covered.', notes: [] };
      own.push(slide(`${section.heading}: ${role.title}`, section.content, section.notes));
    }
  own.push(slide('Questions?', 'Thank you.'));
  const files = { generic: path.join(dir, 'marp-generic.md'), own: path.join(dir, 'marp-own.md') };
  await writeFile(files.generic, deck(generic));
  await writeFile(files.own, deck(own.slice(0, SLIDES)));
  return files;
}
