// The floor for `npm run bench`: the least any tool must do to print careerdeck's PDFs. Launches
// Chromium once and prints the very same finished HTML the build printed (report and slides of
// one deck folder), then closes it. Usage: node scripts/bench-floor.mjs <deck-folder> <slug>
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch } from 'puppeteer-core';
import { findBrowser, machineEnvironment } from '../dist/browser/find.js';

const [dir, slug] = process.argv.slice(2);
const { executablePath } = await findBrowser(machineEnvironment());
const browser = await launch({
  executablePath,
  pipe: true,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
});
try {
  const url = (name) => pathToFileURL(path.join(dir, name)).href;
  await Promise.all([
    (async () => {
      const page = await browser.newPage();
      await page.goto(url(`${slug}-report.html`), { waitUntil: 'load' });
      await page.pdf({ path: path.join(dir, 'floor-report.pdf'), printBackground: true, preferCSSPageSize: true, outline: true });
    })(),
    (async () => {
      const page = await browser.newPage();
      await page.goto(`${url('index.html')}?print-pdf`, { waitUntil: 'load' });
      await page.waitForSelector('html[data-careerdeck-pdf-ready]');
      await page.pdf({ path: path.join(dir, 'floor-slides.pdf'), printBackground: true, preferCSSPageSize: true });
    })(),
  ]);
} finally {
  await browser.close();
}
