import { ContentError, type Diagnostic, DiagnosticsError, formatDiagnostic } from '../errors.js';
import { displayPath } from '../load/read.js';
import type { Problem } from './client.js';

/** The file:line diagnostics of a content or config error. */
export function diagnosticsOf(error: unknown): readonly Diagnostic[] | undefined {
  return error instanceof DiagnosticsError ? error.diagnostics : undefined;
}

/** A failed build as the pages and the terminal show it. */
export function describeProblem(error: unknown): Problem {
  const diagnostics = diagnosticsOf(error);
  if (diagnostics) {
    const n = diagnostics.length;
    const where = error instanceof ContentError ? 'the content' : 'the config file';
    return { title: `${n} problem${n === 1 ? '' : 's'} in ${where}`, lines: diagnostics.map(formatDiagnostic) };
  }
  return { title: 'The build failed', lines: [(error as Error)?.message ?? String(error)] };
}

/** A good build's warnings as the pages show them; undefined when there are none. */
export function describeWarnings(warnings: readonly Diagnostic[]): Problem | undefined {
  if (warnings.length === 0) return undefined;
  const n = warnings.length;
  return {
    title: `${n} warning${n === 1 ? '' : 's'}: the deck is built, but check these`,
    lines: warnings.map(formatDiagnostic),
  };
}

/** The terminal's block for warnings the pages now show. */
export function warningsReport(warnings: Problem): string {
  return `${warnings.title}:\n${warnings.lines.join('\n')}`;
}

/** The terminal's block for a problem the pages now show. */
export function problemReport(problem: Problem): string {
  return `${problem.title}:\n${problem.lines.join('\n')}\n(the server keeps running: fix it and save)`;
}

/** The terminal's line for PDFs that could not be printed (the pages keep the HTML). */
export function pdfFailedReport(error: unknown): string {
  return `PDFs not printed: ${(error as Error)?.message ?? String(error)}`;
}

/** The terminal's line for an HTML build that succeeded. */
export function htmlReport(o: {
  changes: readonly string[];
  ms: number;
  written: boolean;
  fixed: boolean;
  reloaded: number;
}): string {
  const what = o.changes.length > 0 ? `${describe(o.changes)} changed: ` : '';
  const built = o.written ? `HTML built in ${seconds(o.ms)}` : `HTML up to date (${seconds(o.ms)})`;
  return `${what}${built}${o.fixed ? ', problems fixed' : ''}${o.reloaded > 0 ? `; reloading ${o.reloaded} page${o.reloaded === 1 ? '' : 's'}` : ''}`;
}

/** The terminal's line for PDFs that were printed. */
export function pdfReport(o: { pdfs: number; ms: number; refitted: boolean }): string {
  const written =
    o.pdfs === 0 ? 'PDFs up to date' : `PDFs printed in ${seconds(o.ms)}: ${o.pdfs} file${o.pdfs === 1 ? '' : 's'}`;
  return `${written}${o.refitted ? '; slides refitted, reloading' : ''}`;
}

function describe(files: readonly string[]): string {
  const names = files.map((f) => displayPath(f, process.cwd()));
  return names.length <= 2 ? names.join(', ') : `${names[0]} and ${names.length - 1} more`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}
