import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { readPdf } from '../support/pdf.js';
import { cli } from './helpers.js';

const ROLES = 20;
const ITEMS = 200;
const SECTIONS = ['Responsibilities', 'Required skills', 'Tools and software'];
let dir: string;

function role(n: number): string {
  const items = (section: string) =>
    Array.from(
      { length: ITEMS },
      (_, i) => `- ${section} item ${i} of role ${n}: work with **Skill ${i % 37}** and **Tool ${(i * n) % 53}**`,
    ).join('\n');
  return [
    '---',
    `title: Generated Role ${n}`,
    `short: Role ${n}`,
    `summary: A generated role number ${n} for load testing.`,
    '---',
    '',
    ...SECTIONS.flatMap((s) => [`## ${s}`, '', items(s), '', `Note: Notes for ${s.toLowerCase()}.`, '']),
  ].join('\n');
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'careerdeck-large-'));
  await mkdir(path.join(dir, 'content', 'roles'), { recursive: true });
  await mkdir(path.join(dir, 'content', 'decks'), { recursive: true });
  for (let n = 1; n <= ROLES; n++) await writeFile(path.join(dir, 'content', 'roles', `role-${n}.md`), role(n));
  // Fact sheets of 200-item sections cannot fit one page by design, so this deck prints the rest.
  await writeFile(
    path.join(dir, 'content', 'decks', 'large.md'),
    [
      '---',
      'title: Large deck',
      'roles: [role-1, role-2]',
      'sections: [responsibilities]',
      'outputs: [slides, report]',
      '---',
      '',
      '## Introduction',
      '',
      'Generated.',
      '',
    ].join('\n'),
  );
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe(`large input: ${ROLES} roles with ${ITEMS} items per section`, () => {
  it('is checked, CPU time printed for the record', async () => {
    // In this process: the check is loading and validating the model, and its CPU time is this
    // process's (a CLI process would add its start to both and load the same model again).
    const cpu = process.cpuUsage();
    const started = performance.now();
    const run = await cli(['check', '--content', path.join(dir, 'content')]);
    const used = process.cpuUsage(cpu);
    expect(run.status, run.text).toBe(0);
    expect(run.text).toContain(`content is valid: ${ROLES} roles`);
    // Printed, not asserted (speed belongs to the bench): CPU time, because wall time depends on
    // what else the machine runs.
    const cpuMs = (used.user + used.system) / 1000;
    console.log(
      `large input: check of ${ROLES} roles x ${SECTIONS.length} sections x ${ITEMS} items: ${Math.round(performance.now() - started)} ms wall, ${Math.round(cpuMs)} ms CPU`,
    );
  });

  it('builds, splitting the long section over continuation slides that all fit', async () => {
    const out = path.join(dir, 'output');
    const run = await runCli(['build', '--content', path.join(dir, 'content'), '--out', out, '--timeout', '120000']);
    expect(run.code, run.stderr).toBe(0);
    const html = await readFile(path.join(out, 'large', 'index.html'), 'utf8');
    const parts = [...html.matchAll(/Responsibilities<\/bdi>&nbsp;<span class="part">\((\d+)\/(\d+)\)/g)];
    expect(parts.length).toBeGreaterThan(10);
    expect(parts.at(-1)?.[1]).toBe(parts.at(-1)?.[2]);
    const slides = await readPdf(await readFile(path.join(out, 'large', 'large-slides.pdf')));
    expect(slides.pages).toBe((html.match(/<section /g) ?? []).length);
    expect(slides.text).toContain('Responsibilities item 199 of role 2');
    console.log(
      `large input: build of ${slides.pages} slides took ${Math.round(run.ms)} ms, peak memory of the process tree ${Math.round(run.peakMiB)} MiB`,
    );
  }, 240_000);
});
