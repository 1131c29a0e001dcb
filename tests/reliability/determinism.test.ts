import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { DEFAULT_CONTENT } from '../support/content.js';
import { digestTree } from '../support/files.js';
import { readPdf } from '../support/pdf.js';
import { SHARED_DATE_EPOCH, sharedBuild } from '../support/shared-build.js';

const scratch: string[] = [];
afterAll(async () => {
  await Promise.all(scratch.map((d) => rm(d, { recursive: true, force: true })));
});

describe('determinism', () => {
  // The run's shared build of the default content (every output, built in-process in a test
  // worker, printed on four browser pages, dated SHARED_DATE) is the reference. One CLI build
  // differs from it in every way at once: another folder (output and working directory), another
  // process, another time zone and locale, the date from SOURCE_DATE_EPOCH instead of an option,
  // and all six PDFs printed on one browser page instead of four. Equal bytes mean none of these
  // reaches an output; were one of them to leak, the comparison fails all the same (it then names
  // the files, not which of the differences it was: vary one at a time to find it).
  const otherZone =
    Intl.DateTimeFormat().resolvedOptions().timeZone === 'Pacific/Auckland'
      ? 'America/Los_Angeles'
      : 'Pacific/Auckland';

  it('gives byte-identical outputs from different folders, processes, time zones, locales and browser pages when SOURCE_DATE_EPOCH is set', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'careerdeck-det-'));
    scratch.push(dir);
    const out = path.join(dir, 'out');
    const [shared, run] = await Promise.all([
      sharedBuild('default'),
      runCli(['build', '--quiet', '--content', DEFAULT_CONTENT, '--out', out], {
        cwd: dir,
        env: {
          ...process.env,
          SOURCE_DATE_EPOCH: SHARED_DATE_EPOCH,
          TZ: otherZone,
          LANG: 'de_DE.UTF-8',
          LC_ALL: 'de_DE.UTF-8',
          // One page prints all six PDFs, one after another, where the shared build used four.
          CAREERDECK_PAGES: '1',
        },
      }),
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(shared.options.pages).toBe(4);
    const [da, db] = [await digestTree(shared.out), await digestTree(out)];
    expect(Object.keys(da).filter((f) => f.endsWith('.pdf'))).toHaveLength(6);
    expect(db).toEqual(da);

    const report = await readPdf(
      await readFile(path.join(out, 'ml-engineer-vs-ai-scientist', 'ml-engineer-vs-ai-scientist-report.pdf')),
    );
    expect(String(report.info.CreationDate)).toContain('20260102030405');
    expect(String(report.info.ModDate)).toContain('20260102030405');
  }, 240_000);

  it('gives byte-identical HTML without SOURCE_DATE_EPOCH too', async () => {
    const [a, b] = await Promise.all([
      mkdtemp(path.join(tmpdir(), 'careerdeck-det-c-')),
      mkdtemp(path.join(tmpdir(), 'careerdeck-det-d-')),
    ]);
    scratch.push(a, b);
    const env = { ...process.env };
    delete env.SOURCE_DATE_EPOCH;
    const runs = await Promise.all([
      runCli(['build', '--no-pdf', '--quiet', '--content', DEFAULT_CONTENT, '--out', path.join(a, 'out')], {
        cwd: a,
        env: { ...env, TZ: 'America/Los_Angeles' },
      }),
      runCli(['build', '--no-pdf', '--quiet', '--content', DEFAULT_CONTENT, '--out', path.join(b, 'out')], {
        cwd: b,
        env: { ...env, TZ: 'Asia/Kolkata', LC_ALL: 'fr_FR.UTF-8' },
      }),
    ]);
    expect(runs.map((r) => r.code)).toEqual([0, 0]);
    expect(await digestTree(path.join(b, 'out'))).toEqual(await digestTree(path.join(a, 'out')));
  });
});
