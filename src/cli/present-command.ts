import { type Command, InvalidArgumentError } from 'commander';
import { CareerdeckError } from '../errors.js';
import { addProjectOptions, projectSettings } from './options.js';

interface PresentOptions {
  port?: number;
  host?: string;
  open: boolean;
  results?: string;
}

/**
 * `careerdeck present <deck>`: builds the deck if stale and serves it to the room (audience
 * pages, the remote, polls and questions) until Ctrl-C; `--results <file>` prints a session's.
 */
export function addPresentCommand(
  program: Command,
  io: { err: (line: string) => void; out?: (line: string) => void },
  onSignal: (signal: NodeJS.Signals) => void,
): void {
  const present = program
    .command('present')
    .description('serve a deck to the room: phones follow, vote and ask; a remote steers it (Ctrl-C to stop)')
    .argument('[deck]', 'the deck to present (its file name without .md)')
    .option('--port <n>', 'port to listen on (default: the first free one from 4180)', port)
    .option('--host <addr>', "address to listen on (default: this machine's LAN address; 127.0.0.1 keeps it local)")
    .option('--no-open', "do not open the presenter's deck in a browser")
    .option('--results <file>', 'print the summary of a session record (sessions/<deck>/*.json or .jsonl) and exit');
  addProjectOptions(present).action(async (deck: string | undefined, opts: PresentOptions) => {
    const out = io.out ?? ((line: string) => process.stdout.write(`${line}\n`));
    if (opts.results !== undefined) {
      const [{ readSession }, { resultsSummary }] = await Promise.all([
        import('../room/journal.js'),
        import('../room/results.js'),
      ]);
      out(resultsSummary(await readSession(opts.results)));
      return;
    }
    if (deck === undefined) throw new CareerdeckError('USAGE', 'name the deck to present: careerdeck present <deck>');
    let stop!: (signal: NodeJS.Signals) => void;
    const stopped = new Promise<NodeJS.Signals>((resolve) => (stop = resolve));
    const controller = new AbortController();
    const onStop = (signal: NodeJS.Signals) => {
      controller.abort();
      stop(signal);
    };
    process.once('SIGINT', onStop);
    process.once('SIGTERM', onStop);
    try {
      const project = await projectSettings(present);
      const { startRoom } = await import('../room/server.js');
      const room = await Promise.race([
        startRoom({
          deck,
          port: opts.port,
          host: opts.host,
          contentDir: project.contentDir,
          outDir: project.outDir,
          templatesDir: project.templatesDir,
          settings: project.settings,
          pdf: project.pdf,
          browser: project.browser,
          timeoutMs: project.timeoutMs,
          pages: project.pages,
          signal: controller.signal,
        }),
        stopped.then((signal) => {
          onSignal(signal);
          throw new CareerdeckError('INTERRUPTED', 'stopped before the room opened');
        }),
      ]);
      // The lines scripts read: exactly these prefixes, one a line, on stdout.
      out(`audience: ${room.audienceUrl}`);
      out(`remote: ${room.remoteUrl}`);
      out(`presenter: ${room.presenterUrl}`);
      const QRCode = (await import('qrcode')).default;
      io.err(await QRCode.toString(room.audienceUrl, { type: 'terminal', small: true }));
      if (room.localOnly)
        io.err('note: no network address found, so only this machine can join; give --host <addr> for the room');
      io.err(`session journal: ${room.journalFile}`);
      io.err('Ctrl-C to stop');
      if (opts.open) openBrowser(room.presenterUrl);
      const signal = await stopped;
      onSignal(signal);
      const record = await room.close();
      io.err(`session record: ${record}`);
      throw new CareerdeckError('INTERRUPTED', 'the room is closed');
    } finally {
      process.off('SIGINT', onStop);
      process.off('SIGTERM', onStop);
    }
  });
}

/** Opens the presenter's deck in the system's browser; a machine without one just shows the address. */
function openBrowser(url: string): void {
  void import('node:child_process').then(({ spawn }) => {
    const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
    try {
      spawn(command, [url], { stdio: 'ignore', detached: true })
        .on('error', () => undefined)
        .unref();
    } catch {
      // The address is printed above.
    }
  });
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65_535)
    throw new InvalidArgumentError('expected a port number from 0 to 65535');
  return n;
}
