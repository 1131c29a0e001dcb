import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { launchTestBrowser } from '../support/chromium.js';
import { cli, diagnosticLine, lines, type TempProject, tempProject, VALID } from './helpers.js';

// Issue 15: an SVG image was copied byte for byte, so opening it (or a deck folder on a web
// server) ran its script; a loopback canary was hit 4 times. Copied SVGs are now sanitized.
let canary: Server;
let base: string;
let hits: string[] = [];
let project: TempProject;
let browser: Browser;

const hostile = () =>
  [
    `<?xml-stylesheet type="text/css" href="${base}/pi.css"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="200" height="200" onload="fetch('${base}/onload')">`,
    `<style>@import url(${base}/import.css); rect { fill: url(${base}/fill.svg#p) } circle { fill: green }</style>`,
    `<script>fetch('${base}/script')</script>`,
    `<script href="${base}/external.js"/>`,
    `<image href="${base}/image.png" width="10" height="10"/>`,
    `<image xlink:href="${base}/xlink.png" width="10" height="10"/>`,
    `<use href="${base}/use.svg#a"/>`,
    `<filter id="f"><feImage href="${base}/feimage.png"/></filter>`,
    `<rect width="20" height="20" style="fill:url(${base}/style.svg#p)" filter="url(${base}/filter.svg#f)"/>`,
    `<a id="js" xlink:href="javascript:fetch('${base}/javascript')"><text x="10" y="60">click</text></a>`,
    `<a id="set"><set attributeName="href" to="javascript:fetch('${base}/set')"/><text x="10" y="80">set</text></a>`,
    `<a id="animate"><animate attributeName="href" values="javascript:fetch('${base}/animate')"/><text x="10" y="100">animate</text></a>`,
    `<foreignObject width="100" height="100"><iframe xmlns="http://www.w3.org/1999/xhtml" src="${base}/iframe"></iframe></foreignObject>`,
    `<circle cx="150" cy="150" r="20" onmouseover="fetch('${base}/mouse')"/>`,
    '</svg>',
  ].join('\n');

beforeAll(async () => {
  canary = createServer(async (req, res) => {
    // The canary also serves the output folder, as a web server holding a deck folder would.
    if (req.url?.startsWith('/out/')) {
      const file = path.join(project.out, decodeURIComponent(req.url.slice('/out/'.length)));
      res.writeHead(200, { 'content-type': 'image/svg+xml' }).end(await readFile(file).catch(() => ''));
      return;
    }
    // Chromium asks any web origin for its icon by itself: not a request the SVG made.
    if (req.url !== '/favicon.ico') hits.push(req.url ?? '');
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => canary.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(canary.address() as AddressInfo).port}`;
  project = await tempProject('svg', {
    ...VALID,
    'decks/pair.md': lines(
      '---',
      'title: Alpha vs. Beta',
      'roles: [alpha, beta]',
      '---',
      '',
      '## Introduction',
      '',
      'Two roles. ![diagram](evil.svg)',
    ),
    'decks/evil.svg': hostile(),
  });
  browser = await launchTestBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => canary.close(resolve));
  await project?.remove();
});

/** Opens an SVG as a person would, clicks and hovers what is in it, and lists the canary's hits. */
async function open(url: string): Promise<string[]> {
  hits = [];
  const page = await browser.newPage();
  try {
    await page.goto(url, { waitUntil: 'networkidle0' });
    for (const id of ['js', 'set', 'animate']) await page.click(`#${id}`).catch(() => undefined);
    await page.mouse.move(150, 150);
    // Whatever those started has ended when the network is idle again.
    await page.waitForNetworkIdle({ idleTime: 200 });
    return [...hits];
  } finally {
    await page.close();
  }
}

describe('a hostile SVG image', () => {
  it('is copied with nothing that runs or fetches: zero canary hits opened from disk or from a web server', async () => {
    const result = await build({ contentDir: project.content, outDir: project.out, pdf: false });
    expect(hits).toEqual([]);
    expect(result.warnings).toContainEqual(
      expect.objectContaining({
        file: project.shown('decks/pair.md'),
        line: 8,
        severity: 'warning',
        message: expect.stringMatching(
          /^image "evil\.svg": removed what could run script or load other files .*<script>.*<foreignObject>/,
        ),
      }),
    );
    const copied = path.join(project.out, 'pair', 'assets', 'content', 'decks', 'evil.svg');
    const svg = await readFile(copied, 'utf8');
    expect(svg).not.toMatch(/<script|\son\w+=|javascript:|foreignObject|<iframe|<set|<animate|@import|127\.0\.0\.1/i);
    expect(svg).toContain('circle { fill: green }');

    expect(await open(pathToFileURL(copied).href)).toEqual([]);
    expect(await open(`${base}/out/pair/assets/content/decks/evil.svg`)).toEqual([]);
  }, 120_000);

  it('unsanitized, the same file would hit the canary (the check above can fail)', async () => {
    await mkdir(project.out, { recursive: true });
    await writeFile(path.join(project.out, 'raw.svg'), hostile());
    const raw = await open(`${base}/out/raw.svg`);
    console.log(`hostile SVG: unsanitized it hits the canary ${raw.length} times (${raw.join(', ')}); sanitized, 0`);
    expect(raw.length).toBeGreaterThan(0);
  }, 60_000);

  it('a .png whose bytes are HTML, and an SVG that is not well-formed, are refused with file and line in one run', async () => {
    const bad = await tempProject('svg-bad', {
      ...VALID,
      'roles/alpha.md': lines(
        '---',
        'title: Alpha Engineer',
        '---',
        '',
        '## Skills',
        '',
        '- **Python** ![photo](photo.png)',
      ),
      'roles/photo.png': '<html><script>alert(1)</script></html>',
      'decks/pair.md': lines(
        '---',
        'title: Alpha vs. Beta',
        'roles: [alpha, beta]',
        '---',
        '',
        '## Introduction',
        '',
        '![d](broken.svg)',
      ),
      'decks/broken.svg': '<svg xmlns="http://www.w3.org/2000/svg">\n<rect>\n</svg>',
    });
    try {
      const run = await cli(['check', '--content', bad.content]);
      expect(run.status).toBe(1);
      expect(run.lines).toContainEqual(
        expect.stringMatching(
          diagnosticLine(
            bad.shown('roles/alpha.md'),
            7,
            undefined,
            /image "photo\.png" is named as a PNG file but its bytes are not a PNG, JPEG, GIF or WebP image/,
          ),
        ),
      );
      expect(run.lines).toContainEqual(
        expect.stringMatching(
          diagnosticLine(
            bad.shown('decks/pair.md'),
            8,
            undefined,
            /image "broken\.svg" \(its line 3\) is not a well-formed SVG file/,
          ),
        ),
      );
    } finally {
      await bad.remove();
    }
  });
});
