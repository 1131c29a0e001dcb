import { Command, CommanderError } from 'commander';
import type { BuildResult, ProgressEvent } from '../build.js';
import { CareerdeckError, DiagnosticsError, ExitCode, formatDiagnostic } from '../errors.js';
import { displayPath } from '../load/read.js';
import { addProjectOptions, projectSettings } from './options.js';
import { type Style, styleFor } from './style.js';
import { addDevCommand } from './dev-command.js';
import { addNewCommands } from './new-command.js';
import { parseShard, type Shard } from '../shard.js';

/** Runs the CLI in-process and returns the exit status; the only place that prints. */
export async function main(argv: readonly string[], io: { err: (line: string) => void } = { err: (l) => process.stderr.write(`${l}\n`) }, style: Style = styleFor(process.stderr)): Promise<number> {
  let status: number = ExitCode.ok;
  const program = new Command('careerdeck')
    .description('Turn Markdown about careers into a reveal.js deck and printable PDF reports.')
    .exitOverride()
    .configureOutput({ writeErr: (s) => io.err(s.trimEnd()), writeOut: (s) => process.stdout.write(s) })
    .showHelpAfterError('(run careerdeck --help for usage)');

  const build = program
    .command('build')
    .description('build every deck in content/decks into output/<deck>/; outputs whose inputs did not change are kept')
    .option('--deck <slug>', 'build only this deck (its file name without .md)')
    .option('--force', 'make every output again, even those that are up to date')
    .option('--quiet', 'print errors only')
    .option('--keep-html', 'also write the HTML each PDF is printed from, beside the PDFs')
    .option('--images', 'also write one 1280x720 PNG per slide into output/<deck>/images/')
    .option('--shard <i/n>', 'build only the i-th of n balanced shares of the decks (CI machines: 1/3, 2/3, 3/3)', (value: string) => parseShard(value));
  addProjectOptions(build).action(async (opts: { deck?: string; force?: boolean; quiet?: boolean; keepHtml?: boolean; images?: boolean; shard?: Shard }) => {
    const controller = new AbortController();
    const stop = () => controller.abort();
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
        deck: opts.deck,
        pdf: project.pdf,
        browser: project.browser,
        timeoutMs: project.timeoutMs,
        keepHtml: opts.keepHtml,
        images: opts.images,
        shard: opts.shard,
        force: opts.force,
        signal: controller.signal,
        onProgress: opts.quiet ? undefined : (e) => io.err(progressLine(e, style)),
      });
      if (!opts.quiet) io.err(summary(result, Date.now() - started, style));
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    }
  });

  const check = program
    .command('check')
    .description('validate the content only, without a browser')
    .option('--quiet', 'print problems only');
  addProjectOptions(check, { printing: false }).action(async (opts: { quiet?: boolean }) => {
    const project = await projectSettings(check);
    const { loadImages, loadModel } = await import('../content.js');
    const model = await loadModel(project.contentDir, project.settings);
    // The images too: a missing picture or logo is found now, not at the next build.
    await loadImages(model, project.contentDir);
    if (!opts.quiet) io.err(style.green(`content is valid: ${model.roles.size} roles, ${plural(model.decks.length, 'deck')}`));
  });

  addNewCommands(program, io);
  addDevCommand(program, io);

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    status = report(error, io.err, style);
  }
  return status;
}

function report(error: unknown, err: (line: string) => void, style: Style): number {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  }
  if (error instanceof DiagnosticsError) {
    const lines = error.diagnostics.map((d) => `${style.bold(formatDiagnostic({ ...d, message: '' }).slice(0, -2))}: ${d.message}`);
    err(`${lines.join('\n')}\n${style.red(`${plural(error.diagnostics.length, 'problem')} found; nothing was written.`)}`);
    return error.exitCode;
  }
  if (error instanceof CareerdeckError) {
    err(`${style.red('careerdeck:')} ${error.message}`);
    return error.exitCode;
  }
  err(`${style.red('careerdeck: unexpected error:')} ${(error as Error)?.stack ?? String(error)}`);
  return ExitCode.environment;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function progressLine(e: ProgressEvent, style: Style): string {
  const size = e.bytes >= 1024 * 1024 ? `${(e.bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(e.bytes / 1024))} kB`;
  const pages = e.pages === undefined ? '' : `, ${plural(e.pages, 'page')}`;
  return `wrote ${displayPath(e.file, process.cwd())} ${style.dim(`(${size}${pages}) in ${(e.ms / 1000).toFixed(2)} s`)}`;
}

/** The last line of a build: what was made, what was already up to date, and how long it took. */
function summary(result: BuildResult, ms: number, style: Style): string {
  const written = result.decks.reduce((n, d) => n + d.outputs.length, 0);
  const fresh = result.decks.reduce((n, d) => n + d.upToDate.length, 0);
  const time = `in ${(ms / 1000).toFixed(1)} s`;
  if (written === 0) return style.green(`nothing changed: ${plural(fresh, 'output')} up to date ${time} (--force makes them again)`);
  return style.green(`built ${plural(result.decks.length, 'deck')} ${time}: ${plural(written, 'output')} written${fresh ? `, ${fresh} up to date` : ''}`);
}
