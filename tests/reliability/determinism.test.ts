import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { DEFAULT_CONTENT } from '../support/content.js';
import { digestTree } from '../support/files.js';
import { readPdf } from '../support/pdf.js';

const EPOCH = 1767225600; // 2026-01-01T00:00:00Z
const scratch: string[] = [];
afterAll(async () => {
  await Promise.all(scratch.map((d) => rm(d, { recursive: true, force: true })));
});

describe('determinism', () => {
  it('gives byte-identical outputs from different folders, time zones and locales when SOURCE_DATE_EPOCH is set', async () => {
    const [a, b] = await Promise.all([
      mkdtemp(path.join(tmpdir(), 'careerdeck-det-a-')),
      mkdtemp(path.join(tmpdir(), 'careerdeck-det-b-')),
    ]);
    scratch.push(a, b);
    const base = { ...process.env, SOURCE_DATE_EPOCH: String(EPOCH) };
    const [first, second] = await Promise.all([
      runCli(['build', '--quiet', '--content', DEFAULT_CONTENT, '--out', path.join(a, 'out')], {
        cwd: a,
        env: { ...base, TZ: 'UTC', LANG: 'C', LC_ALL: 'C' },
      }),
      runCli(['build', '--quiet', '--content', DEFAULT_CONTENT, '--out', path.join(b, 'out')], {
        cwd: b,
        env: { ...base, TZ: 'Pacific/Auckland', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' },
      }),
    ]);
    expect([first.code, second.code], first.stderr + second.stderr).toEqual([0, 0]);
    const [da, db] = [await digestTree(path.join(a, 'out')), await digestTree(path.join(b, 'out'))];
    expect(Object.keys(da).filter((f) => f.endsWith('.pdf'))).toHaveLength(6);
    expect(db).toEqual(da);

    const report = await readPdf(
      await readFile(path.join(a, 'out', 'ml-engineer-vs-ai-scientist', 'ml-engineer-vs-ai-scientist-report.pdf')),
    );
    expect(String(report.info.CreationDate)).toContain('20260101000000');
    expect(String(report.info.ModDate)).toContain('20260101000000');
  }, 120_000);

  it('gives byte-identical PDFs whichever browser page printed them: one page for all, or one each', async () => {
    const [a, b] = await Promise.all([
      mkdtemp(path.join(tmpdir(), 'careerdeck-det-p1-')),
      mkdtemp(path.join(tmpdir(), 'careerdeck-det-p4-')),
    ]);
    scratch.push(a, b);
    const build = (dir: string, pages: string) =>
      runCli(['build', '--quiet', '--content', DEFAULT_CONTENT, '--out', path.join(dir, 'out')], {
        cwd: dir,
        env: { ...process.env, SOURCE_DATE_EPOCH: String(EPOCH), CAREERDECK_PAGES: pages },
      });
    // In turn, not at once: each build gets the machine to itself, as a user's would.
    const one = await build(a, '1');
    const four = await build(b, '4');
    expect([one.code, four.code], one.stderr + four.stderr).toEqual([0, 0]);
    expect(await digestTree(path.join(b, 'out'))).toEqual(await digestTree(path.join(a, 'out')));
  }, 120_000);

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
