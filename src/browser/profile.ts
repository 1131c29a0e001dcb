import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const PREFIX = 'careerdeck-chromium-';

/**
 * A fresh Chromium profile for one build, named after our process id so that one left behind
 * by a build that was killed (SIGKILL leaves no chance to clean up) is recognised and removed
 * by the next build.
 */
export async function freshProfile(): Promise<string> {
  await removeStaleProfiles();
  return mkdtemp(path.join(tmpdir(), `${PREFIX}${process.pid}-`));
}

async function removeStaleProfiles(): Promise<void> {
  const entries = await readdir(tmpdir()).catch(() => [] as string[]);
  await Promise.all(
    entries.map(async (name) => {
      const pid = Number(/^careerdeck-chromium-(\d+)-/.exec(name)?.[1]);
      if (pid && pid !== process.pid && !alive(pid))
        await rm(path.join(tmpdir(), name), { recursive: true, force: true }).catch(() => undefined);
    }),
  );
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
