import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import { DEFAULT_CONTENT_DIR, DEFAULT_OUT_DIR } from '../config/defaults.js';
import type { BuildOptions, BuildResult } from '../build.js';
import { CareerdeckError } from '../errors.js';
import { listen, listenFrom } from '../serve/listen.js';
import { RoomCore } from './core.js';
import { createRoomHandler } from './http.js';
import { Journal } from './journal.js';
import { newKey } from './key.js';
import { LIMITS } from './limits.js';
import { deckPage } from './slides.js';
import { Room } from './state.js';
import { ROOM_TIMING, type RoomTiming, serverTimeouts } from './timing.js';

/** The first port tried when none is given. */
export const ROOM_PORT = 4180;

export interface RoomOptions extends Pick<
  BuildOptions,
  'contentDir' | 'outDir' | 'templatesDir' | 'settings' | 'pdf' | 'browser' | 'timeoutMs' | 'pages' | 'signal'
> {
  deck: string;
  /** A port, or undefined for the first free one from 4180. */
  port?: number | undefined;
  /** The address to listen on; default: this machine's LAN address, else 127.0.0.1. */
  host?: string | undefined;
  /** Where `sessions/<deck>/` goes; default: beside the content folder. */
  sessionsDir?: string | undefined;
  /** Told after the build, before listening. */
  onBuilt?: (result: BuildResult) => void;
  /** Open audience streams before the next attendee gets the "room full" page (default 500). */
  maxAudience?: number | undefined;
  /** The room's waits (timing.ts); the production ones unless given (the tests shorten them). */
  timing?: Partial<RoomTiming> | undefined;
}

export interface RoomServer {
  host: string;
  port: number;
  /** `true` when no LAN address was found and the room is on this machine only. */
  localOnly: boolean;
  audienceUrl: string;
  remoteUrl: string;
  presenterUrl: string;
  journalFile: string;
  core: RoomCore;
  /** Stops serving; resolves with the session record's path. */
  close(): Promise<string>;
}

/** Builds the deck if stale, then serves it to the room. */
export async function startRoom(options: RoomOptions): Promise<RoomServer> {
  const contentDir = path.resolve(options.contentDir ?? DEFAULT_CONTENT_DIR);
  const outRoot = path.resolve(options.outDir ?? DEFAULT_OUT_DIR);
  const { build } = await import('../build.js');
  const { deck: slug, port, host, sessionsDir, onBuilt, maxAudience, timing: given, ...buildOptions } = options;
  const timing: RoomTiming = { ...ROOM_TIMING, ...given };
  const result = await build({ ...buildOptions, contentDir, outDir: outRoot, deck: slug });
  onBuilt?.(result);
  const built = result.decks.find((d) => d.slug === slug);
  if (!built) throw new CareerdeckError('USAGE', `no deck "${slug}" in ${contentDir}/decks`);
  // The deck's `labels:` (and the config file's) reword the room's words too, as they do the deck's.
  const { loadModel } = await import('../content.js');
  const model = await loadModel(contentDir, buildOptions.settings, { deck: slug });
  const labels = model.decks.find((d) => d.slug === slug)?.labels;
  const page = deckPage(await readFile(path.join(built.dir, 'index.html'), 'utf8'), labels);

  const chosen = host ?? lanAddress();
  const address = chosen ?? '127.0.0.1';
  const server = createServer(serverTimeouts(timing));
  server.timeout = LIMITS.idleMs;
  // A connection past its idle time is closed; the event streams turn this off for themselves.
  server.on('timeout', (socket: import('node:net').Socket) => socket.destroy());
  // A port in use is the room's network trouble (exit 3), as the issue's contract says.
  const listening =
    port === undefined
      ? await listenFrom(server, ROOM_PORT, address)
      : await listen(server, port, address).then(
          () => port,
          (error: unknown) => {
            throw error instanceof CareerdeckError && error.code === 'USAGE'
              ? new CareerdeckError('OUTPUT', error.message, { cause: error })
              : error;
          },
        );
  const actual = (server.address() as import('node:net').AddressInfo).port ?? listening;
  const origin = `http://${address.includes(':') ? `[${address}]` : address}:${actual}`;

  const key = newKey();
  const stamp = new Date()
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');
  const dir = path.join(path.resolve(sessionsDir ?? path.join(path.dirname(contentDir), 'sessions')), slug);
  const room = new Room(page.slides);
  const journalFile = path.join(dir, `${stamp}.jsonl`);
  let journal: Journal;
  try {
    journal = await Journal.open(journalFile, {
      t: 'start',
      deck: slug,
      at: new Date(room.startedAt).toISOString(),
      polls: page.slides.flatMap((s) => (s.poll ? [s.poll] : [])),
    });
  } catch (error) {
    await closeServer(server);
    throw new CareerdeckError(
      'OUTPUT',
      `cannot write the session journal ${journalFile}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  const hosts = new Set([`${address}:${actual}`, `127.0.0.1:${actual}`, `localhost:${actual}`, origin.slice(7)]);
  const core = await RoomCore.create({
    room,
    deck: page,
    slug,
    key,
    outDir: built.dir,
    journal,
    recordFile: path.join(dir, `${stamp}.json`),
    hosts,
    audienceUrl: `${origin}/`,
    remoteUrl: `${origin}/remote#key=${key}`,
    maxAudience: maxAudience ?? LIMITS.audience,
    pageTiming: { reconnectMs: timing.reconnectMs, notesRetryMs: timing.notesRetryMs },
  });
  server.on('request', createRoomHandler(core));
  let closing: Promise<string> | undefined;
  return {
    host: address,
    port: actual,
    localOnly: chosen === undefined,
    audienceUrl: `${origin}/`,
    remoteUrl: `${origin}/remote#key=${key}`,
    // `?slides`: the presenter's deck is the slides on any screen (never the phone's reading page).
    presenterUrl: `${origin}/deck/?slides#key=${key}`,
    journalFile,
    core,
    close: () =>
      (closing ??= (async () => {
        const record = await core.close(slug);
        await closeServer(server);
        return record;
      })()),
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** This machine's first IPv4 address on a network (not loopback), if it has one. */
export function lanAddress(): string | undefined {
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  return undefined;
}
