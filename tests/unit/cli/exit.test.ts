import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI } from '../../support/cli.js';

// What a browser that died mid-call left behind: a timer that holds Node for a minute.
const HOLD = 'data:text/javascript,setTimeout(() => {}, 60_000)';

describe('the command line ends with its command', () => {
  it('exits with its status even when something still holds Node (a leftover timer)', async () => {
    const child = spawn(process.execPath, ['--import', HOLD, CLI, 'no-such-command'], { stdio: 'ignore' });
    // Held for the minute, this test fails by its own timeout (15 s) instead.
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2); // a usage error's status, kept
  }, 15_000);
});
