import { parseFrontMatter } from '../load/front-matter.js';
import type { SourceFile } from '../load/source.js';

/** What the templates need to know of an existing role file. */
export interface RoleSource {
  slug: string;
  /** Its front matter `title`, when the file parses and has one. */
  title?: string;
  /** Its Markdown body; empty when the file does not parse (it still counts as a role). */
  body: string;
}

/** Existing role files as the templates see them; files with errors keep their slug. */
export function roleSources(files: readonly SourceFile[]): RoleSource[] {
  return files
    .filter((f) => f.kind === 'role')
    .map((file) => {
      const outcome = parseFrontMatter(file);
      if (!outcome.ok) return { slug: file.slug, body: '' };
      const data = outcome.file.data as { title?: unknown } | null;
      const title = typeof data?.title === 'string' && data.title.trim() !== '' ? data.title.trim() : undefined;
      return { slug: file.slug, title, body: outcome.file.body };
    });
}
