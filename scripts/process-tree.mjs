// Resident memory of a whole process tree (a build and the Chromium it starts), from /proc.
// Shared by `npm run bench` and the large-input test.
import { readdir, readFile } from 'node:fs/promises';

/** Sum of VmRSS (KiB) of `root` and all its descendants; 0 where /proc is missing. */
export async function treeRssKiB(root) {
  const parents = new Map();
  for (const pid of await readdir('/proc').catch(() => [])) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    parents.set(Number(pid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
  }
  const tree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of parents) {
      if (!tree.has(pid) && tree.has(ppid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  let kib = 0;
  for (const pid of tree) {
    const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
    kib += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  }
  return kib;
}

/** Samples a running process tree every `everyMs` until stopped; returns the peak in MiB. */
export function watchPeak(pid, everyMs = 25) {
  let peak = 0;
  const timer = setInterval(() => {
    treeRssKiB(pid).then((kib) => (peak = Math.max(peak, kib)), () => undefined);
  }, everyMs);
  return () => {
    clearInterval(timer);
    return peak / 1024;
  };
}
