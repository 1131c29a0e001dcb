import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes a file so that readers see either the old or the new bytes, never a part: a temporary
 * file beside it, flushed to disk, then renamed over it.
 */
export async function writeFileAtomic(file: string, data: Uint8Array | string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Like writeFileAtomic, but leaves a file alone when it already holds these bytes. */
export async function writeFileIfChanged(file: string, data: Uint8Array): Promise<boolean> {
  const current = await readFile(file).catch(() => undefined);
  if (current && Buffer.compare(current, data) === 0) return false;
  await writeFileAtomic(file, data);
  return true;
}

const TEMP = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/** Removes temporary files that a killed build left in a folder (their writer no longer runs). */
export async function removeStaleTemps(dir: string, alive: (pid: number) => boolean): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    names.map(async (name) => {
      const pid = Number(TEMP.exec(name)?.[1]);
      if (pid && !alive(pid)) await rm(path.join(dir, name), { force: true });
    }),
  );
}
