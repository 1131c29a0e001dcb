// The floor for `npm run bench`: the least any tool must do to print careerdeck's PDFs. Launches
// Chromium once and prints, all at once, the very same finished HTML the build printed (kept by
// `build --keep-html`): every `<name>.html` beside a `<name>.pdf`, and the slides from index.html.
// Usage: node scripts/bench-floor.mjs <deck-folder> <slug>
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch } from 'puppeteer-core';
import { findBrowser, machineEnvironment } from '../dist/browser/find.js';
import { QUIET_ARGS } from '../dist/browser/launch.js';

const [dir, slug] = process.argv.slice(2);
const { executablePath } = await findBrowser(machineEnvironment());
const browser = await launch({
  executablePath,
  pipe: true,
  // The same flags as careerdeck's browser session, so that only the work around it differs.
  args: ['--no-sandbox', ...QUIET_ARGS],
});
const options = { printBackground: true, preferCSSPageSize: true, tagged: true };
try {
  const pages = (await readdir(dir)).filter((f) => f.endsWith('.html') && f !== 'index.html');
  const url = (name) => pathToFileURL(path.join(dir, name)).href;
  await Promise.all([
    ...pages.map(async (name) => {
      const page = await browser.newPage();
      await page.goto(url(name), { waitUntil: 'load' });
      await page.pdf({
        ...options,
        path: path.join(dir, `floor-${name.replace(/\.html$/, '.pdf')}`),
        outline: /-(report|notes)\.html$/.test(name),
      });
    }),
    (async () => {
      const page = await browser.newPage();
      await page.goto(`${url('index.html')}?print-pdf`, { waitUntil: 'load' });
      await page.waitForSelector('html[data-careerdeck-pdf-ready]');
      await page.pdf({ ...options, path: path.join(dir, `floor-${slug}-slides.pdf`) });
    })(),
  ]);
} finally {
  await browser.close();
}
