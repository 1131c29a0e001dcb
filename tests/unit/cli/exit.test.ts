import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI } from '../../support/cli.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'careerdeck-exit-'));
  // What a browser that died mid-call left behind: a timer that holds Node for a minute.
  await writeFile(path.join(dir, 'hold.mjs'), 'setTimeout(() => {}, 60_000);\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the command line ends with its command', () => {
  it('exits with its status even when something still holds Node (a leftover timer)', async () => {
    const child = spawn(process.execPath, ['--import', path.join(dir, 'hold.mjs'), CLI, 'no-such-command'], {
      stdio: 'ignore',
    });
    // Held for the minute, this test fails by its own timeout (15 s) instead.
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2); // a usage error's status, kept
  }, 15_000);
});
