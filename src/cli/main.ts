import { Command, CommanderError } from 'commander';
import type { BuildResult, ProgressEvent } from '../build.js';
import {
  CareerdeckError,
  type Diagnostic,
  DiagnosticsError,
  ExitCode,
  formatDiagnostic,
  isWarning,
} from '../errors.js';
import { describeBrowser } from '../browser/find.js';
import { displayPath } from '../load/read.js';
import { createRequire } from 'node:module';
import path from 'node:path';
import { swallowedHint, swallowedOptions } from './npm-trap.js';
import { addProjectOptions, projectSettings } from './options.js';
import { type Style, styleFor } from './style.js';
import { addDevCommand } from './dev-command.js';
import { addNewCommands } from './new-command.js';
import { addRefreshCommand } from './refresh-command.js';
import { addPresentCommand } from './present-command.js';
import { parseShard, type Shard } from '../shard.js';
import { parseOnly } from '../only.js';
import type { OutputChoice } from '../model/outputs.js';

/** Runs the CLI in-process and returns the exit status; the only place that prints. */
export async function main(
  argv: readonly string[],
  io: { err: (line: string) => void } = { err: (l) => process.stderr.write(`${l}\n`) },
  style: Style = styleFor(process.stderr),
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let status: number = ExitCode.ok;
  // The signal that stopped a build decides its exit status (130 or 143), after the same cleanup.
  let stopped: NodeJS.Signals | undefined;
  const program = new Command('careerdeck')
    .description('Turn Markdown about careers into a reveal.js deck and printable PDF reports.')
    .version(VERSION, '-v, --version', 'print the version of careerdeck')
    .option('--debug', 'with an error, also print what caused it, cause by cause (for a bug report)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => io.err(s.trimEnd()), writeOut: (s) => process.stdout.write(s) })
    .showHelpAfterError('(run careerdeck --help for usage)');

  const build = program
    .command('build')
    .description('build every deck in content/decks into output/<deck>/; outputs whose inputs did not change are kept')
    .argument('[deck]', 'build only this deck (its file name without .md); the same as --deck')
    .option('--deck <slug>', 'build only this deck (its file name without .md)')
    .option('--force', 'make every output again, even those that are up to date')
    .option('--quiet', 'print errors and warnings only')
    .option('--strict', 'treat warnings as errors (exit 1, nothing written): for CI')
    .option('--keep-html', 'also write the HTML each PDF is printed from, beside the PDFs')
    .option('--images', 'also write one 1280x720 PNG per slide into output/<deck>/images/')
    .option(
      '--only <outputs>',
      "make only these of each deck's outputs (and index.html), comma-separated: report,slides; the others are left as they are",
      (value: string) => parseOnly(value),
    )
    .option(
      '--shard <i/n>',
      'build only the i-th of n balanced shares of the decks (CI machines: 1/3, 2/3, 3/3)',
      (value: string) => parseShard(value),
    );
  addProjectOptions(build).action(
    async (
      deck: string | undefined,
      opts: {
        deck?: string;
        force?: boolean;
        quiet?: boolean;
        strict?: boolean;
        keepHtml?: boolean;
        images?: boolean;
        only?: OutputChoice[];
        shard?: Shard;
      },
    ) => {
      if (deck !== undefined && opts.deck !== undefined && deck !== opts.deck)
        throw new CareerdeckError('USAGE', `two decks named: "${deck}" and --deck "${opts.deck}"; name one`);
      const controller = new AbortController();
      const stop = (signal: NodeJS.Signals) => {
        stopped = signal;
        controller.abort();
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      try {
        const started = Date.now();
        const project = await projectSettings(build);
        // Imported on use: `check` and `--help` should not pay for the renderer and the browser.
        const { build: run } = await import('../build.js');
        const result = await run({
          contentDir: project.contentDir,
          outDir: project.outDir,
          templatesDir: project.templatesDir,
          settings: project.settings,
          deck: deck ?? opts.deck,
          pdf: project.pdf,
          browser: project.browser,
          timeoutMs: project.timeoutMs,
          pages: project.pages,
          keepHtml: opts.keepHtml,
          images: opts.images,
          only: opts.only,
          shard: opts.shard,
          force: opts.force,
          strict: opts.strict,
          signal: controller.signal,
          onProgress: opts.quiet ? undefined : (e) => io.err(progressLine(e, style)),
        });
        if (!opts.quiet && result.browser) io.err(`printed with ${describeBrowser(result.browser)}`);
        printWarnings(result.warnings, io.err, style);
        if (!opts.quiet) io.err(summary(result, Date.now() - started, style));
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
    },
  );

  const check = program
    .command('check')
    .description('validate the content only, without a browser')
    .option('--quiet', 'print problems only')
    .option('--strict', 'treat warnings as errors (exit 1): for CI');
  addProjectOptions(check, { printing: false }).action(async (opts: { quiet?: boolean; strict?: boolean }) => {
    const project = await projectSettings(check);
    // The images too: a missing picture or logo is found now, not at the next build.
    const { checkModel } = await import('../content.js');
    const model = await checkModel(project.contentDir, project.settings, { strict: opts.strict });
    printWarnings(model.warnings, io.err, style);
    if (!opts.quiet)
      io.err(style.green(`content is valid: ${model.roles.size} roles, ${plural(model.decks.length, 'deck')}`));
  });

  addNewCommands(program, io);
  addRefreshCommand(program, io);
  addDevCommand(program, io);
  addPresentCommand(program, io, (signal) => (stopped = signal));
  // A usage error points at the help of the command that was typed, not the program's.
  const hintHelp = (command: Command, name: string): void => {
    for (const sub of command.commands) {
      const full = `${name} ${sub.name()}`;
      sub.showHelpAfterError(`(run ${full} --help for usage)`);
      hintHelp(sub, full);
    }
  };
  hintHelp(program, 'careerdeck');

  try {
    const typed = program.commands.find((c) => c.name() === argv[0]);
    const swallowed = typed ? swallowedOptions(typed, env) : [];
    if (swallowed.length > 0) throw new CareerdeckError('USAGE', swallowedHint(swallowed, env));
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    status = report(error, io.err, style);
    // Read from argv too: a usage error stops commander before it has stored the option.
    if (program.opts<{ debug?: boolean }>().debug || argv.includes('--debug') || env.CAREERDECK_DEBUG === '1')
      for (const line of causeChain(error)) io.err(style.dim(line));
    if (stopped === 'SIGTERM' && status === ExitCode.interrupted) status = ExitCode.terminated;
  }
  return status;
}

/** From package.json, read once: `careerdeck --version`. */
const VERSION = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

function report(error: unknown, err: (line: string) => void, style: Style): number {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  }
  if (error instanceof DiagnosticsError) {
    const errors = error.diagnostics.filter((d) => !isWarning(d));
    err(
      `${error.diagnostics.map((d) => diagnosticLine(d, style)).join('\n')}\n${style.red(`${plural(errors.length, 'problem')} found; nothing was written.`)}`,
    );
    return error.exitCode;
  }
  if (error instanceof CareerdeckError) {
    err(`${style.red('careerdeck:')} ${error.message}`);
    return error.exitCode;
  }
  err(`${style.red('careerdeck: unexpected error:')} ${(error as Error)?.stack ?? String(error)}`);
  return ExitCode.environment;
}

/**
 * The causes an error keeps (`{ cause }`), one line each with their stacks, as Eleventy prints
 * them under --debug: what a bug report needs, never shown by default.
 */
export function causeChain(error: unknown): string[] {
  const lines: string[] = [];
  const seen = new Set<unknown>();
  for (let at = (error as { cause?: unknown })?.cause; at !== undefined && !seen.has(at) && seen.size < 16;) {
    seen.add(at);
    lines.push(`caused by: ${at instanceof Error ? (at.stack ?? `${at.name}: ${at.message}`) : String(at)}`);
    at = (at as { cause?: unknown })?.cause;
  }
  return lines;
}

/** `file:line:column: message`, the place in bold, and `warning:` in yellow for a warning. */
function diagnosticLine(d: Diagnostic, style: Style): string {
  const place = style.bold(formatDiagnostic({ ...d, severity: undefined, message: '' }).slice(0, -2));
  return `${place}: ${isWarning(d) ? `${style.yellow('warning:')} ` : ''}${d.message}`;
}

function printWarnings(warnings: readonly Diagnostic[], err: (line: string) => void, style: Style): void {
  if (warnings.length === 0) return;
  err(warnings.map((d) => diagnosticLine(d, style)).join('\n'));
  err(style.yellow(`${plural(warnings.length, 'warning')} (--strict makes them errors)`));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function progressLine(e: ProgressEvent, style: Style): string {
  const size =
    e.bytes >= 1024 * 1024
      ? `${(e.bytes / 1024 / 1024).toFixed(1)} MB`
      : `${Math.max(1, Math.round(e.bytes / 1024))} kB`;
  const pages = e.pages === undefined ? '' : `, ${plural(e.pages, 'page')}`;
  return `wrote ${displayPath(e.file, process.cwd())} ${style.dim(`(${size}${pages}) in ${(e.ms / 1000).toFixed(2)} s`)}`;
}

/** The last line of a build: what was made, what was already up to date, and how long it took. */
function summary(result: BuildResult, ms: number, style: Style): string {
  const written = result.decks.reduce((n, d) => n + d.outputs.length, 0);
  const fresh = result.decks.reduce((n, d) => n + d.upToDate.length, 0);
  const removed = result.decks.flatMap((d) => d.removed ?? []);
  const time = `in ${(ms / 1000).toFixed(1)} s`;
  const gone = removed
    .map((file) => `removed ${displayPath(file, process.cwd())} ${style.dim('(no longer made)')}\n`)
    .join('');
  if (written === 0 && removed.length === 0)
    return style.green(`nothing changed: ${plural(fresh, 'output')} up to date ${time} (--force makes them again)`);
  return `${gone}${style.green(`built ${plural(result.decks.length, 'deck')} ${time}: ${plural(written, 'output')} written${fresh ? `, ${fresh} up to date` : ''}${removed.length > 0 ? `, ${removed.length} removed` : ''}`)}${written > 0 ? `\n${whatToOpen(result)}` : ''}`;
}

/** Where to go next: the presentation of each deck that was written, and the speaker view's key. */
function whatToOpen(result: BuildResult): string {
  const decks = result.decks
    .filter((d) => d.outputs.length > 0)
    .map((d) => displayPath(path.join(d.dir, 'index.html'), process.cwd()));
  const shown = decks.length > 3 ? [...decks.slice(0, 3), `and ${decks.length - 3} more`] : decks;
  return `open ${shown.join(', ')} in a browser to present (S: speaker view)`;
}
