import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { chromiumOf, digestTree } from '../support/files.js';
import { tempProject, type TempProject } from '../support/project.js';
import { copySharedBuild } from '../support/shared-build.js';

let project: TempProject;

/** Whether a Chromium process has a renderer (a page) among its descendants. */
function rendersPages(pid: string): boolean {
  let children: string[];
  try {
    children = execFileSync('pgrep', ['-P', pid], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
  } catch {
    return false;
  }
  return children.some((child) => {
    try {
      return readFileSync(`/proc/${child}/cmdline`, 'utf8').includes('--type=renderer') || rendersPages(child);
    } catch {
      return false;
    }
  });
}

beforeAll(async () => {
  project = await tempProject('faults');
  // The previous outputs the faults must leave intact: the run's build of this content.
  await copySharedBuild('default', project.out);
}, 240_000);

afterAll(async () => {
  if (project) await rm(project.dir, { recursive: true, force: true });
});

describe('browser faults', () => {
  it('Chromium killed while printing: exit 3 with a plain message, previous outputs intact, nothing left behind', async () => {
    const before = await digestTree(project.out);
    let killed = 0;
    const run = await runCli(['build', '--force', '--content', project.content, '--out', project.out], {
      onStart: (pid) => {
        // Once the build's Chromium runs a page (was: a fixed 1.5 s after it started), kill every
        // Chromium process of this build. That page may be the tab Chromium opens while it still
        // starts: a kill then, while Puppeteer waited for the first targets, made the CLI exit 13
        // with no message (src/browser/launch.ts now watches the process it started).
        const poll = setInterval(() => {
          const chromium = chromiumOf(pid);
          if (chromium.length === 0 || !chromium.some(rendersPages)) return;
          clearInterval(poll);
          for (const p of chromiumOf(pid)) {
            try {
              process.kill(Number(p), 'SIGKILL');
              killed += 1;
            } catch {
              // already gone
            }
          }
        }, 50);
      },
    });
    expect(killed).toBeGreaterThan(0);
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr).toMatch(
      /careerdeck: (the browser failed|the browser did not finish|printing .* did not finish|could not start the browser)/,
    );
    expect(run.stderr).not.toContain('    at ');
    expect(await digestTree(project.out)).toEqual(before);
    expect(chromiumOf(run.pid)).toEqual([]);
    expect((await readdir(tmpdir())).filter((n) => n.startsWith(`careerdeck-chromium-${run.pid}-`))).toEqual([]);
  }, 60_000);

  it('a browser that cannot start: exit 3 naming it, outputs intact', async () => {
    const before = await digestTree(project.out);
    const run = await runCli([
      'build',
      '--force',
      '--content',
      project.content,
      '--out',
      project.out,
      '--browser',
      '/bin/false',
    ]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('could not start the browser at /bin/false');
    expect(await digestTree(project.out)).toEqual(before);
  }, 60_000);
});
