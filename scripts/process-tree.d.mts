export function treeRssKiB(root: number): Promise<number>;
export function treeMemoryKiB(root: number): Promise<{ rss: number; pss: number; processes: number }>;
export function watchTree(pid: number, everyMs?: number): () => { rssMiB: number; pssMiB: number; processes: number };
export function watchPeak(pid: number, everyMs?: number): () => number;
