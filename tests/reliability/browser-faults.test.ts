import { readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { chromiumOf, digestTree } from '../support/files.js';
import { tempProject, type TempProject } from '../support/project.js';
import { copySharedBuild } from '../support/shared-build.js';

let project: TempProject;

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
        const poll = setInterval(() => {
          const chromium = chromiumOf(pid);
          if (chromium.length === 0) return;
          clearInterval(poll);
          // Let it start loading pages, then kill every Chromium process of this build.
          setTimeout(() => {
            for (const p of chromiumOf(pid)) {
              try {
                process.kill(Number(p), 'SIGKILL');
                killed += 1;
              } catch {
                // already gone
              }
            }
          }, 1500);
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
