// Memory of a whole process tree (a build and the Chromium it starts), from /proc.
// Shared by `npm run bench` and the large-input test.
import { readdir, readFile } from 'node:fs/promises';

/** `root` and all its descendants, by pid. */
async function treeOf(root) {
  const parents = new Map();
  for (const pid of await readdir('/proc').catch(() => [])) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    parents.set(Number(pid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
  }
  const tree = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of parents) {
      if (!tree.has(pid) && tree.has(ppid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  return tree;
}

/**
 * Memory of the tree in KiB: the sum of each process's resident set (VmRSS, which counts a page
 * shared by Chromium's processes once per process) and of its proportional set size (Pss, which
 * splits each shared page among its sharers: what the tree really holds). 0 where /proc is missing.
 */
export async function treeMemoryKiB(root) {
  const tree = await treeOf(root);
  let rss = 0;
  let pss = 0;
  for (const pid of tree) {
    const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
    rss += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    const rollup = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8').catch(() => '');
    pss += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
  }
  return { rss, pss, processes: tree.size };
}

/** Sum of VmRSS (KiB) of `root` and all its descendants. */
export async function treeRssKiB(root) {
  return (await treeMemoryKiB(root)).rss;
}

/** Samples a running process tree every `everyMs` until stopped: peaks in MiB, most processes seen. */
export function watchTree(pid, everyMs = 25) {
  const peak = { rssMiB: 0, pssMiB: 0, processes: 0 };
  const timer = setInterval(() => {
    treeMemoryKiB(pid).then(
      (m) => {
        peak.rssMiB = Math.max(peak.rssMiB, m.rss / 1024);
        peak.pssMiB = Math.max(peak.pssMiB, m.pss / 1024);
        peak.processes = Math.max(peak.processes, m.processes);
      },
      () => undefined,
    );
  }, everyMs);
  return () => {
    clearInterval(timer);
    return peak;
  };
}

/** The peak resident memory (RSS sum, MiB) of a running tree, until stopped. */
export function watchPeak(pid, everyMs = 25) {
  const stop = watchTree(pid, everyMs);
  return () => stop().rssMiB;
}
