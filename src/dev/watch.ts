import { existsSync } from 'node:fs';
import path from 'node:path';
import { type FSWatcher, watch } from 'chokidar';
import { inside } from '../serve/files.js';

export interface WatchOptions {
  /** Folders watched whole: content and templates. */
  dirs: string[];
  /** Single files watched whether they exist or not, so that one created later is seen (the config file's names). */
  files: string[];
  /** Never reported (the output folder, should it sit inside a watched folder). */
  ignore: string[];
  /** Quiet time after the last change before `onChange`, in milliseconds. */
  debounceMs: number;
  /** Called once per burst of changes with the files that changed. */
  onChange: (files: string[]) => void;
}

export interface Watcher {
  /** What is watched, for the terminal: the folders and those of the files that exist at start. */
  readonly watched: string[];
  close(): Promise<void>;
}

/** Editors' swap, backup and temporary files: saving writes them, but they are not content. */
function ignored(file: string): boolean {
  const name = path.basename(file);
  return /^\.|~$|\.(swp|swx|swo|tmp|bak)$|^#.*#$|^\d+$/.test(name);
}

/** Watches content, templates and the config file; bursts of changes become one call. */
export async function watchSources(options: WatchOptions): Promise<Watcher> {
  const roots = [...options.dirs, ...options.files];
  const watcher: FSWatcher = watch(roots, {
    ignoreInitial: true,
    ignored: (file) => !roots.includes(file) && (ignored(file) || options.ignore.some((dir) => inside(dir, file))),
  });
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  watcher.on('all', (_event, file) => {
    pending.add(file);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const changed = [...pending];
      pending = new Set();
      options.onChange(changed);
    }, options.debounceMs);
  });
  await new Promise<void>((resolve, reject) => {
    watcher.once('ready', resolve);
    watcher.once('error', reject);
  });
  // Errors after the start (a folder removed, too many watches) must not end the server.
  watcher.on('error', () => undefined);
  return {
    watched: [...options.dirs, ...options.files.filter((f) => existsSync(f))],
    close: async () => {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
