import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { tempProject, type TempProject } from '../support/project.js';
import { fileSession } from '../support/session.js';

let canary: Server;
const hits: string[] = [];
let base = '';
let project: TempProject;
// One Chromium prints the deck and then opens it: the build blocks requests on its own pages only
// (src/browser/site.ts), so the page opened here fetches whatever the deck asks for.
const session = fileSession();

beforeAll(async () => {
  canary = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.end('x');
  });
  await new Promise<void>((resolve) => canary.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(canary.address() as AddressInfo).port}`;
  project = await tempProject('network');
  const role = path.join(project.content, 'roles', 'ai-scientist.md');
  const hostile = [
    `<img src="${base}/img">`,
    `<iframe src="${base}/iframe"></iframe>`,
    `<style>@import url(${base}/import.css); @font-face { font-family: x; src: url(${base}/font.woff2) }</style>`,
    `<script>fetch('${base}/fetch')</script>`,
    `<link rel="stylesheet" href="${base}/link.css">`,
    `[a link](${base}/link)`,
  ].join(' ');
  const text = await readFile(role, 'utf8');
  await writeFile(
    role,
    text
      .replace('- **Government**', `- **Government** ${hostile}`)
      .replace('summary: ', `summary: <img src="${base}/summary"> `),
  );
});

afterAll(async () => {
  await new Promise((resolve) => canary.close(resolve));
  if (project) await rm(project.dir, { recursive: true, force: true });
});

describe('network', () => {
  it('content pointing at a server makes zero requests during the build and zero when the deck is opened', async () => {
    const result = await build({ contentDir: project.content, outDir: project.out, session: await session() });
    expect(hits).toEqual([]);
    expect(result.blockedRequests).toEqual([]);

    const page = await (await session.browser()).newPage();
    try {
      const requested: string[] = [];
      page.on('request', (r) => requested.push(r.url()));
      const deck = path.join(project.out, 'ml-engineer-vs-ai-scientist', 'index.html');
      await page.goto(pathToFileURL(deck).href, { waitUntil: 'load' });
      await page.waitForSelector('html[data-careerdeck-ready]');
      for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowRight');
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(hits).toEqual([]);
      expect(requested.filter((url) => !url.startsWith('file:'))).toEqual([]);
      const shown = await page.evaluate(() => document.querySelector('.reveal .slides')?.textContent ?? '');
      expect(shown).toContain(`<img src="${base}/img">`);
    } finally {
      await page.close();
    }
  }, 120_000);
});
