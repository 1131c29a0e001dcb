import { spawn } from 'node:child_process';
import path from 'node:path';
import { watchPeak } from '../../scripts/process-tree.mjs';
import { main } from '../../src/cli/main.js';
import { PROJECT_ROOT } from './content.js';

export const CLI = path.join(PROJECT_ROOT, 'bin/careerdeck.js');

export interface CliRun {
  code: number | null;
  stderr: string;
  pid: number;
  ms: number;
  /** Peak resident memory of the CLI and every process it started, in MiB. */
  peakMiB: number;
}

/** Runs the compiled CLI (npm test compiles first) as a user would, in its own process. */
export function runCli(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; onStart?: (pid: number) => void } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [CLI, ...args], {
      env: options.env ?? process.env,
      cwd: options.cwd ?? PROJECT_ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const stop = watchPeak(child.pid ?? 0);
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    if (child.pid) options.onStart?.(child.pid);
    child.on('exit', (code) =>
      resolve({ code, stderr, pid: child.pid ?? 0, ms: performance.now() - started, peakMiB: stop() }),
    );
  });
}

/** Runs the CLI in-process and returns its exit status and everything it printed to stderr. */
export async function runMain(...argv: string[]): Promise<{ status: number; err: string }> {
  const printed: string[] = [];
  const status = await main(argv, { err: (line) => printed.push(line) });
  return { status, err: printed.join('\n') };
}
