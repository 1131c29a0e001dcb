import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, rename, rm, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FileRecord } from '../model/index.js';
import { outputError } from './output.js';

/** How a staged file reaches the disk; tests replace it to fail like a full disk would. */
export type WriteBytes = (file: string, data: Uint8Array | string) => Promise<void>;

interface Staged {
  file: string;
  temp: string;
  /** A second name for the file it replaces, so that a failed commit can put it back. */
  backup?: string | undefined;
  existed: boolean;
}

/**
 * Writes a deck folder as a set (issue 15: a full disk left a new index.html beside old PDFs).
 * Every file is first written in full to a temporary file beside its place; only when all of
 * them are written does commit() rename them into place. A failure before that (a full disk, a
 * crashed browser, Ctrl-C) leaves the folder exactly as it was: rollback() removes the temporary
 * files and any folder staging made. Renames need no space; should one fail all the same, the
 * files already renamed are put back from their backups.
 */
export class DeckWriter {
  private readonly staged: Staged[] = [];
  private readonly madeDirs: string[] = [];
  /** Files the last build wrote that this one no longer makes: they go with the commit. */
  private readonly removals: { file: string; backup?: string | undefined }[] = [];

  constructor(
    readonly dir: string,
    private readonly write: WriteBytes = writeSynced,
  ) {}

  /**
   * Writes `data` to a temporary file for `name` (relative to the deck folder) and returns its
   * size and time stamp, which the file keeps once renamed. With `skipSame`, a file that already
   * holds these bytes is left alone and nothing is staged.
   */
  async stage(name: string, data: Uint8Array | string, options: { skipSame?: boolean } = {}): Promise<FileRecord> {
    const file = path.join(this.dir, name);
    try {
      const current = await readFile(file).catch(() => undefined);
      if (
        options.skipSame &&
        current &&
        Buffer.compare(current, typeof data === 'string' ? Buffer.from(data) : data) === 0
      )
        return await record(file);
      await this.makeDir(path.dirname(file));
      const temp = tempName(file);
      this.staged.push({ file, temp, existed: current !== undefined });
      await this.write(temp, data);
      return await record(temp);
    } catch (error) {
      throw outputError(file, error as NodeJS.ErrnoException);
    }
  }

  /**
   * Marks `name`, an output an earlier build wrote here and this one no longer makes (a role taken
   * out, `outputs:` narrowed), to be removed when the set is committed, and only then.
   */
  remove(name: string): void {
    this.removals.push({ file: path.join(this.dir, name) });
  }

  /** Moves every staged file into place and removes those marked, or does none of it. */
  async commit(): Promise<void> {
    const done: Staged[] = [];
    // Named in the error: the file whose rename failed (a folder standing in its place, say).
    let current = this.dir;
    try {
      for (const s of this.staged) {
        if (s.existed) {
          const backup = tempName(s.file);
          // Without hard links (some file systems) the commit goes on without a way back.
          if (
            await link(s.file, backup).then(
              () => true,
              () => false,
            )
          )
            s.backup = backup;
        }
      }
      for (const r of this.removals) {
        const backup = tempName(r.file);
        if (
          await link(r.file, backup).then(
            () => true,
            () => false,
          )
        )
          r.backup = backup;
      }
      for (const s of this.staged) {
        current = s.file;
        await rename(s.temp, s.file);
        done.push(s);
      }
      for (const r of this.removals) {
        current = r.file;
        await rm(r.file, { force: true });
      }
    } catch (error) {
      for (const r of this.removals) if (r.backup) await rename(r.backup, r.file).catch(() => undefined);
      this.removals.length = 0;
      for (const s of done.reverse()) {
        if (s.backup) await rename(s.backup, s.file).catch(() => undefined);
        else await rm(s.file, { force: true });
      }
      await this.rollback();
      throw outputError(current, error as NodeJS.ErrnoException);
    }
    await Promise.all(
      [...this.staged, ...this.removals].flatMap((s) => (s.backup ? [rm(s.backup, { force: true })] : [])),
    );
    // A folder of the deck's that removing left empty (images/ once the slide pictures are dropped) goes too.
    for (const folder of new Set(this.removals.map((r) => path.dirname(r.file))))
      if (folder !== this.dir) await rmdir(folder).catch(() => undefined);
    this.staged.length = 0;
    this.removals.length = 0;
    this.madeDirs.length = 0;
  }

  /** Removes every temporary file and every folder staging made: the folder is as it was. */
  async rollback(): Promise<void> {
    await Promise.all(this.removals.flatMap((r) => (r.backup ? [rm(r.backup, { force: true })] : [])));
    this.removals.length = 0;
    await Promise.all(
      this.staged.flatMap((s) => [rm(s.temp, { force: true }), ...(s.backup ? [rm(s.backup, { force: true })] : [])]),
    );
    this.staged.length = 0;
    // Deepest first; a folder that holds something (it was not empty after all) stays.
    for (const dir of [...this.madeDirs].sort((a, b) => b.length - a.length)) await rmdir(dir).catch(() => undefined);
    this.madeDirs.length = 0;
  }

  private async makeDir(dir: string): Promise<void> {
    const first = await mkdir(dir, { recursive: true });
    if (first === undefined) return;
    // mkdir returns the first folder it made: it and those below it down to `dir` are new.
    for (let d = dir; ; d = path.dirname(d)) {
      this.madeDirs.push(d);
      if (d === first || path.dirname(d) === d) break;
    }
  }
}

/** A temporary name beside `file` that removeStaleTemps (atomic.ts) recognises once its writer is gone. */
function tempName(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

async function writeSynced(file: string, data: Uint8Array | string): Promise<void> {
  const handle = await open(file, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function record(file: string): Promise<FileRecord> {
  const { size, mtimeMs } = await stat(file);
  return { bytes: size, mtimeMs };
}
