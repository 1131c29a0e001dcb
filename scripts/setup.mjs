// `npm run setup`, the same on Windows, macOS and Linux: checks Node, installs the npm
// dependencies from the lock file, compiles, finds a browser with the build's own finder (or
// gets one: Debian's chromium as root on Debian/Ubuntu, else Chrome for Testing downloaded into
// Puppeteer's cache), builds the default deck and says what to open.
// Only Node's built-in modules until `npm ci` has run; the rest comes from the compiled dist/.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const say = (line) => process.stderr.write(`setup: ${line}\n`);
const fail = (lines, code = 3) => {
  for (const line of [lines].flat()) say(line);
  process.exit(code);
};

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19))
  fail(`Node.js 20.19 or later is needed (found ${process.version}); install it and run this again.`);

/**
 * Runs npm with `args`. Under `npm run`, npm_execpath is npm's own script, run with this Node:
 * no shell, so the same on Windows. Otherwise npm.cmd on Windows, which Node starts only
 * through a shell (the arguments are ours, never the user's).
 */
function npm(args) {
  const execPath = process.env.npm_execpath;
  const result =
    execPath && /npm-cli\.[cm]?js$/.test(execPath)
      ? spawnSync(process.execPath, [execPath, ...args], { cwd: root, stdio: 'inherit' })
      : spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, {
          cwd: root,
          stdio: 'inherit',
          shell: process.platform === 'win32',
        });
  return result.status ?? 1;
}

// The lock file pins every dependency; none needs an install script: puppeteer-core downloads
// no browser (.puppeteerrc.cjs keeps it that way under npm 10 too), and esbuild's postinstall
// only re-checks its binary, so package.json denies it under npm 11.
say('installing the npm dependencies (npm ci)');
if (npm(['ci', '--no-audit', '--no-fund']) !== 0) fail('npm ci failed; see the errors above.');

const { compile } = await import('../bin/compile.mjs');
await compile();
const dist = (file) => import(pathToFileURL(path.join(root, 'dist', 'browser', file)).href);
const { describeBrowser, locateBrowser, machineEnvironment, puppeteerCacheDir } = await dist('find.js');
const {
  acquireBrowser,
  downloadChromeForTesting,
  downloadPlatform,
  downloadProgressText,
  pinnedChromeBuild,
  planBrowserSetup,
} = await dist('provision.js');
const { installAdvice } = await dist('install-help.js');

/** The build's finder; a PUPPETEER_EXECUTABLE_PATH naming no file stops setup with its message. */
async function find() {
  try {
    return await locateBrowser(machineEnvironment());
  } catch (error) {
    return fail(error.message);
  }
}

function onPath(command) {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && existsSync(path.join(dir, command)));
}

/** A progress line: rewritten in place on a terminal, every 10% in a log. */
function progress(buildId) {
  let shown = -1;
  let last = '';
  let open = false;
  const show = (done, total) => {
    const step = total > 0 ? Math.floor((done / total) * 10) : 0;
    if (process.stderr.isTTY) {
      process.stderr.write(`\rsetup: ${downloadProgressText(buildId, done, total)}`);
      open = true;
    } else if (step > shown) {
      shown = step;
      const text = downloadProgressText(buildId, done, total);
      if (text !== last) say(text);
      last = text;
    }
  };
  show.end = () => open && process.stderr.write('\n');
  return show;
}

const steps = planBrowserSetup({
  platform: process.platform,
  arch: process.arch,
  uid: process.getuid?.(),
  apt: process.platform === 'linux' && onPath('apt-get'),
  found: await find(),
  downloadPlatform: await downloadPlatform(),
  env: process.env,
});

const outcome = await acquireBrowser(steps, {
  say,
  run: (command) =>
    spawnSync(command[0], command.slice(1), {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    }).status === 0,
  download: async () => {
    const buildId = await pinnedChromeBuild();
    const cacheDir = puppeteerCacheDir();
    say(`no browser found; downloading Chrome for Testing ${buildId} into ${cacheDir}`);
    const show = progress(buildId);
    try {
      await downloadChromeForTesting(cacheDir, buildId, show, process.env.PUPPETEER_CHROME_DOWNLOAD_BASE_URL);
    } finally {
      show.end();
    }
  },
  find,
});
if ('reason' in outcome) {
  const advice = installAdvice(process.platform).filter((line) => !line.includes('npm run setup'));
  fail([
    `no browser to print the PDFs: ${outcome.reason}.`,
    'Install one, then run npm run setup again:',
    ...advice,
    'See docs/setup.md.',
  ]);
}
const { browser } = outcome;

say(`browser: ${describeBrowser(browser)}`);
const built = npm(['run', 'build:deck']);
if (built !== 0) fail('npm run build:deck failed; see the messages above.', built);

const output = path.join(root, 'output');
const decks = existsSync(output)
  ? readdirSync(output).filter((name) => existsSync(path.join(output, name, 'index.html')))
  : [];
say(`done. Browser for the PDFs: ${describeBrowser(browser)}.`);
for (const deck of decks)
  say(
    `open ${path.join('output', deck, 'index.html')} in a browser (${pathToFileURL(path.join(output, deck, 'index.html')).href}); press S there for the speaker notes.`,
  );
if (decks.length === 0)
  say('open the index.html of your deck in the output folder; press S there for the speaker notes.');
