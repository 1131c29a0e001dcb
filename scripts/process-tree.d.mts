export function treeRssKiB(root: number): Promise<number>;
export function watchPeak(pid: number, everyMs?: number): () => number;
