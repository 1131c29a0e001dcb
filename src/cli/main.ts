import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import path from 'node:path';
import type { ProgressEvent } from '../build.js';
import { CareerdeckError, ContentError, ExitCode } from '../errors.js';
import { addDevCommand } from './dev-command.js';
import { addNewCommands } from './new-command.js';

/** Runs the CLI in-process and returns the exit status; the only place that prints. */
export async function main(argv: readonly string[], io: { err: (line: string) => void } = { err: (l) => process.stderr.write(`${l}\n`) }): Promise<number> {
  let status: number = ExitCode.ok;
  const program = new Command('careerdeck')
    .description('Turn Markdown about careers into a reveal.js deck and printable PDF reports.')
    .exitOverride()
    .configureOutput({ writeErr: (s) => io.err(s.trimEnd()), writeOut: (s) => process.stdout.write(s) })
    .showHelpAfterError('(run careerdeck --help for usage)');

  program
    .command('build')
    .description('build every deck in content/decks into output/<deck>/')
    .option('--deck <slug>', 'build only this deck (its file name without .md)')
    .option('--no-pdf', 'write the HTML deck only; no browser is started')
    .option('--content <dir>', 'content folder', 'content')
    .option('--out <dir>', 'output folder', 'output')
    .option('--browser <path>', 'Chromium or Chrome to print with (default: PUPPETEER_EXECUTABLE_PATH, puppeteer\'s browser, then a system Chromium)')
    .addOption(new Option('--timeout <ms>', 'bound on each browser wait').default(30_000).argParser(positiveInt))
    .option('--quiet', 'print errors only')
    .option('--keep-html', 'also write the HTML each PDF is printed from, beside the PDFs')
    .action(async (opts: { deck?: string; pdf: boolean; content: string; out: string; browser?: string; timeout: number; quiet?: boolean; keepHtml?: boolean }) => {
      const controller = new AbortController();
      const stop = () => controller.abort();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      try {
        const started = Date.now();
        // Imported on use: `check` and `--help` should not pay for the renderer and the browser.
        const { build } = await import('../build.js');
        const result = await build({
          contentDir: opts.content,
          outDir: opts.out,
          deck: opts.deck,
          pdf: opts.pdf,
          browser: opts.browser,
          timeoutMs: opts.timeout,
          keepHtml: opts.keepHtml,
          signal: controller.signal,
          onProgress: opts.quiet ? undefined : (e) => io.err(progressLine(e)),
        });
        if (!opts.quiet) io.err(`built ${result.decks.length} deck${result.decks.length === 1 ? '' : 's'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
    });

  program
    .command('check')
    .description('validate the content only, without a browser')
    .option('--content <dir>', 'content folder', 'content')
    .action(async (opts: { content: string }) => {
      const { loadModel } = await import('../content.js');
      const model = await loadModel(opts.content);
      io.err(`content is valid: ${model.roles.size} roles, ${model.decks.length} deck${model.decks.length === 1 ? '' : 's'}`);
    });

  addNewCommands(program, io);
  addDevCommand(program, io);

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    status = report(error, io.err);
  }
  return status;
}

function report(error: unknown, err: (line: string) => void): number {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  }
  if (error instanceof CareerdeckError) {
    err(error instanceof ContentError ? `${error.message}\n${countProblems(error.diagnostics.length)}` : `careerdeck: ${error.message}`);
    return error.exitCode;
  }
  err(`careerdeck: unexpected error: ${(error as Error)?.stack ?? String(error)}`);
  return ExitCode.environment;
}

function countProblems(n: number): string {
  return `${n} problem${n === 1 ? '' : 's'} found; nothing was written.`;
}

function progressLine(e: ProgressEvent): string {
  const size = e.bytes >= 1024 * 1024 ? `${(e.bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(e.bytes / 1024))} kB`;
  const pages = e.pages === undefined ? '' : `, ${e.pages} page${e.pages === 1 ? '' : 's'}`;
  return `wrote ${path.relative(process.cwd(), e.file)} (${size}${pages}) in ${(e.ms / 1000).toFixed(2)} s`;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a whole number of milliseconds');
  return n;
}
