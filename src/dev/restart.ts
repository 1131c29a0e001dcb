import path from 'node:path';
import type { Resolved } from '../config/resolve.js';

/** What `careerdeck dev` starts with and cannot change while it runs (the deck settings can). */
export type ServerSettings = Pick<Resolved, 'contentDir' | 'outDir' | 'templatesDir' | 'pdf' | 'browser' | 'timeoutMs'>;

/** Each such setting by its key in the config file. */
const KEYS: Record<string, (s: ServerSettings) => unknown> = {
  content: (s) => path.resolve(s.contentDir),
  out: (s) => path.resolve(s.outDir),
  templates: (s) => (s.templatesDir === undefined ? undefined : path.resolve(s.templatesDir)),
  pdf: (s) => s.pdf,
  browser: (s) => s.browser,
  timeout: (s) => s.timeoutMs,
};

/** The config keys whose value changed since the server started: they apply after a restart only. */
export function restartKeys(started: ServerSettings, now: ServerSettings): string[] {
  return Object.entries(KEYS)
    .filter(([, value]) => value(started) !== value(now))
    .map(([key]) => key);
}
