// Makes docs/outputs.png, the README's picture of what a build writes: the first slides of the
// deck, a page of the report, of the handout and of the notes, and a fact sheet, side by side.
// A maintainer's tool, run by hand after a change of look: `node scripts/docs-picture.mjs`.
// It needs pdftoppm (Debian's poppler-utils) and a built default deck in output/.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from 'puppeteer-core';
import { findBrowser, machineEnvironment } from '../dist/browser/find.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const deck = 'ml-engineer-vs-ai-scientist';
const dir = path.join(root, 'output', deck);
const tmp = mkdtempSync(path.join(tmpdir(), 'careerdeck-picture-'));

/** One page of a PDF as a data: URL of a PNG. */
function page(file, n) {
  const pdf = path.join(dir, `${deck}-${file}.pdf`);
  if (!existsSync(pdf)) return undefined;
  const out = path.join(tmp, `${file}-${n}`);
  execFileSync('pdftoppm', ['-png', '-r', '40', '-f', String(n), '-l', String(n), '-singlefile', pdf, out]);
  return `data:image/png;base64,${readFileSync(`${out}.png`).toString('base64')}`;
}

const tiles = [
  ['Slides', page('slides', 1)],
  ['Slides', page('slides', 5)],
  ['Report', page('report', 2)],
  ['Handout', page('handout', 1)],
  ['Speaker notes', page('notes', 3)],
  ['Fact sheet', page('machine-learning-engineer-factsheet', 1)],
].filter(([, src]) => src);

const html = `<!doctype html><meta charset="utf-8"><style>
body { margin: 0; padding: 16px; background: #eef1f5; font: 600 15px system-ui, sans-serif; color: #1b2430; display: flex; gap: 14px; align-items: flex-end; }
figure { margin: 0; display: flex; flex-direction: column; gap: 6px; align-items: center; }
img { height: 230px; box-shadow: 0 1px 4px rgb(0 0 0 / 30%); background: white; }
img.wide { height: 150px; }
</style>${tiles.map(([label, src]) => `<figure><img src="${src}" class="${label === 'Slides' ? 'wide' : ''}"><figcaption>${label}</figcaption></figure>`).join('')}`;

const { executablePath } = await findBrowser(machineEnvironment(undefined));
const browser = await launch({
  executablePath,
  headless: true,
  args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
});
try {
  const tab = await browser.newPage();
  await tab.setViewport({ width: 1600, height: 300 });
  await tab.setContent(html, { waitUntil: 'load' });
  // Runs in the page, where document is defined.
  // eslint-disable-next-line no-undef
  const box = await tab.evaluate(() => ({ width: document.body.scrollWidth, height: document.body.scrollHeight }));
  await tab.screenshot({ path: path.join(root, 'docs', 'outputs.png'), clip: { x: 0, y: 0, ...box } });
} finally {
  await browser.close();
  rmSync(tmp, { recursive: true, force: true });
}
console.log('wrote docs/outputs.png');
