import { type Command, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_PORT } from '../dev/port.js';
import { displayPath } from '../load/read.js';
import { addProjectOptions, projectSettings } from './options.js';

interface DevOptions {
  deck?: string;
  port: number;
  quiet?: boolean;
}

/** `careerdeck dev`: build, serve with live reload on 127.0.0.1, rebuild on save, stop on Ctrl-C. */
export function addDevCommand(program: Command, io: { err: (line: string) => void }): void {
  const dev = program
    .command('dev')
    .description('build, serve the output folder on 127.0.0.1 with live reload, and rebuild on every save')
    .option('--deck <slug>', 'build and serve only this deck')
    .addOption(
      new Option('--port <n>', 'port on 127.0.0.1 (0 takes any free port)').default(DEFAULT_PORT).argParser(port),
    )
    .option('--quiet', 'print the addresses and problems only');
  addProjectOptions(dev).action(async (opts: DevOptions) => {
    // Listening before the start: a Ctrl-C during the first build still closes what started.
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    try {
      const project = await projectSettings(dev);
      const [{ startDevServer }, { restartKeys }] = await Promise.all([
        import('../dev/server.js'),
        import('../dev/restart.js'),
      ]);
      const server = await startDevServer({
        contentDir: project.contentDir,
        outDir: project.outDir,
        templatesDir: project.templatesDir,
        settings: project.settings,
        configFile: project.configFile,
        // The deck settings apply to the next build; the others are the server's own.
        readSettings: async () => {
          const now = await projectSettings(dev);
          const keys = restartKeys(project, now);
          if (keys.length > 0) io.err(`restart npm run dev to apply: ${keys.join(', ')}`);
          return now.settings;
        },
        deck: opts.deck,
        port: opts.port,
        pdf: project.pdf,
        browser: project.browser,
        timeoutMs: project.timeoutMs,
        pages: project.pages,
        log: (text, level) => (level === 'problem' || !opts.quiet ? io.err(text) : undefined),
      });
      io.err(`careerdeck dev: serving ${shortPath(project.outDir)} at ${server.url}`);
      for (const [slug, url] of server.decks) io.err(`  ${slug}: ${url}`);
      if (!opts.quiet)
        io.err(
          `watching ${server.watched.map(shortPath).join(', ')}${server.pdf ? '; PDFs are printed in the background' : ''} (Ctrl-C to stop)`,
        );
      await stopped;
      if (!opts.quiet) io.err('careerdeck dev: stopping');
      await server.close();
      // Everything of ours is closed now. A browser stopped while it was opening a page can
      // leave puppeteer waiting on its 30 s target timer, which would keep the process alive:
      // do not wait for it (unreferenced, this fires only if something else still holds on).
      setTimeout(() => process.exit(), 2000).unref();
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    }
  });
}

/** A path relative to the working directory when it lies inside, else absolute. */
function shortPath(file: string): string {
  return displayPath(file, process.cwd()) || '.';
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65_535)
    throw new InvalidArgumentError('expected a port number from 0 to 65535');
  return n;
}
