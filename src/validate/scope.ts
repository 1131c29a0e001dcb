import type { SourceFile } from '../load/source.js';

/**
 * What a build validates: the decks it builds (`deck`, or every deck) and the roles they use. A
 * role nobody uses yet (fresh from `new:role`, half written) or another deck's problem must not
 * stop it; `check` passes no scope and checks every file.
 */
export interface BuildScope {
  /** The one deck being built; undefined for every deck. */
  deck?: string | undefined;
}

/**
 * Whether a problem in `file` concerns the build. Files other than content Markdown (the decks
 * folder, a config file) always do; so does everything when there is no scope, or when the deck
 * asked for does not exist (the build then says which decks there are).
 */
export function scopeFilter(
  files: readonly SourceFile[],
  listed: ReadonlyMap<string, readonly string[]>,
  drafts: ReadonlySet<string>,
  scope: BuildScope | undefined,
): (file: string) => boolean {
  if (!scope) return () => true;
  const decks = files.filter((f) => f.kind === 'deck' && (scope.deck === undefined || f.slug === scope.deck));
  if (decks.length === 0) return () => true;
  const used = new Set(decks.flatMap((d) => listed.get(d.slug) ?? []).filter((slug) => !drafts.has(slug)));
  const wanted = new Set([
    ...decks.map((d) => d.path),
    ...files.filter((f) => f.kind === 'role' && used.has(f.slug)).map((f) => f.path),
  ]);
  return (file) => !file.endsWith('.md') || wanted.has(file);
}
