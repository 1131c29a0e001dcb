import type { Server } from 'node:http';
import { CareerdeckError } from '../errors.js';

/**
 * Listens on `host:port`; a port in use is a usage error (choose another), anything else (an
 * address this machine does not have, no permission) the environment's.
 */
export function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new CareerdeckError(
              'USAGE',
              `port ${port} on ${host} is already in use; choose another with --port <n> (0 takes any free port)`,
              { cause: error },
            )
          : new CareerdeckError('OUTPUT', `cannot listen on ${host}:${port}: ${error.message}`, { cause: error }),
      );
    };
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      resolve();
    });
  });
}

/** Listens on the first free port from `start` (at most `tries` of them); returns the port. */
export async function listenFrom(server: Server, start: number, host: string, tries = 20): Promise<number> {
  for (let port = start; port < start + tries && port <= 65_535; port++) {
    try {
      await listen(server, port, host);
      return port;
    } catch (error) {
      if (!(error instanceof CareerdeckError && error.code === 'USAGE')) throw error;
    }
  }
  throw new CareerdeckError(
    'OUTPUT',
    `no free port from ${start} to ${start + tries - 1} on ${host}; choose one with --port <n>`,
  );
}
