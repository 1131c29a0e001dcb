import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runMain as run } from '../../support/cli.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { styleFor } from '../../../src/cli/style.js';
import { DEFAULT_CONTENT } from '../../support/content.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'careerdeck-flags-'));
  await cp(DEFAULT_CONTENT, path.join(dir, 'talks'), { recursive: true });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

describe('--help', () => {
  it.each([['build'], ['check'], ['dev'], ['new', 'role'], ['new', 'deck'], []])(
    'works on "careerdeck %s"',
    async (...command: string[]) => {
      const out: string[] = [];
      vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
        out.push(String(chunk));
        return true;
      });
      const { status } = await run(...command.filter(Boolean), '--help');
      expect(status).toBe(0);
      expect(out.join('')).toContain(`Usage: careerdeck${command.length ? ` ${command.join(' ')}` : ''}`);
    },
  );
});

describe('colour', () => {
  it('colours a terminal, and nothing when NO_COLOR is set, TERM is dumb or the stream is not a terminal', () => {
    expect(styleFor({ isTTY: true }, {}).red('x')).toBe('\u001b[31mx\u001b[39m');
    expect(styleFor({ isTTY: true }, { NO_COLOR: '1' }).red('x')).toBe('x');
    expect(styleFor({ isTTY: true }, { NO_COLOR: '1', FORCE_COLOR: '1' }).red('x')).toBe('x');
    expect(styleFor({ isTTY: true }, { TERM: 'dumb' }).red('x')).toBe('x');
    expect(styleFor({ isTTY: false }, {}).red('x')).toBe('x');
    expect(styleFor({ isTTY: false }, { FORCE_COLOR: '1' }).red('x')).toBe('\u001b[31mx\u001b[39m');
    // An empty NO_COLOR does not count (no-color.org).
    expect(styleFor({ isTTY: true }, { NO_COLOR: '' }).bold('x')).toBe('\u001b[1mx\u001b[22m');
  });
});

describe('build with a config file', () => {
  it('takes content and out from the config, relative to it; --out wins over it', async () => {
    const config = path.join(dir, 'careerdeck.config.json');
    await writeFile(config, JSON.stringify({ content: 'talks', out: 'site', pdf: false, theme: 'dark' }));
    const first = await run('build', '--config', config);
    expect(first.status).toBe(0);
    const deck = path.join(dir, 'site/ml-engineer-vs-ai-scientist/index.html');
    expect(await readFile(deck, 'utf8')).toContain('data-theme="dark"');
    expect(first.err).toMatch(/built 1 deck in [\d.]+ s: 1 output written/);

    const again = await run('build', '--config', config);
    expect(again.err).toMatch(/nothing changed: 1 output up to date/);

    const elsewhere = path.join(dir, 'elsewhere');
    expect((await run('build', '--config', config, '--out', elsewhere, '--theme', 'high-contrast')).status).toBe(0);
    expect(await readFile(path.join(elsewhere, 'ml-engineer-vs-ai-scientist/index.html'), 'utf8')).toContain(
      'data-theme="high-contrast"',
    );
  });

  it('scaffolds into the content folder the config names', async () => {
    const config = path.join(dir, 'careerdeck.config.json');
    await writeFile(config, JSON.stringify({ content: 'talks' }));
    expect((await run('new', 'role', 'Data Engineer', '--config', config)).status).toBe(0);
    expect(existsSync(path.join(dir, 'talks/roles/data-engineer.md'))).toBe(true);
  });

  it('exits 2 with a plain message for a config file that does not exist', async () => {
    for (const name of ['missing.json', 'missing.mjs', 'missing.ts']) {
      const { status, err } = await run('check', '--config', path.join(dir, name));
      expect(status).toBe(2);
      expect(err).toMatch(/missing\.(json|mjs|ts): (does not exist|cannot be read)/);
      expect(err).not.toContain('unexpected error');
    }
  });

  it('exits 2 naming the config file, the line and the key', async () => {
    const config = path.join(dir, 'careerdeck.config.json');
    await writeFile(config, '{\n  "content": "talks",\n  "colour": "red"\n}\n');
    const { status, err } = await run('check', '--config', config);
    expect(status).toBe(2);
    expect(err).toMatch(/careerdeck\.config\.json:3:\d+: "colour" is not a known key/);
    expect(existsSync(path.join(dir, 'output'))).toBe(false);
  });

  it('checks the config brand like a deck brand: a faint accent is an error at its line', async () => {
    const config = path.join(dir, 'careerdeck.config.json');
    await writeFile(config, '{\n  "content": "talks",\n  "brand": {\n    "accent": "#ffee00"\n  }\n}\n');
    const { status, err } = await run('check', '--config', config);
    expect(status).toBe(2);
    expect(err).toMatch(/careerdeck\.config\.json:4:\d+: brand accent "#ffee00" has a contrast ratio/);
  });

  it('resolves a config logo inside the content folder and refuses one outside it', async () => {
    const config = path.join(dir, 'careerdeck.config.json');
    await writeFile(
      path.join(dir, 'talks/logo.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
    );
    await writeFile(
      config,
      JSON.stringify({
        content: 'talks',
        out: 'site',
        pdf: false,
        brand: { logo: 'talks/logo.svg', footer: 'Career Services' },
      }),
    );
    expect((await run('build', '--config', config)).status).toBe(0);
    expect(existsSync(path.join(dir, 'site/ml-engineer-vs-ai-scientist/assets/content/logo.svg'))).toBe(true);
    await writeFile(config, JSON.stringify({ content: 'talks', brand: { logo: '../logo.svg' } }));
    const { status, err } = await run('check', '--config', config);
    expect(status).toBe(2);
    expect(err).toContain('outside the content folder');
  });
});

describe('the small things a first run meets', () => {
  const stdout = () => {
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out.push(String(chunk));
      return true;
    });
    return out;
  };

  it('--version prints the version of package.json', async () => {
    const out = stdout();
    const { status } = await run('--version');
    const { version } = JSON.parse(await readFile('package.json', 'utf8')) as { version: string };
    expect(status).toBe(0);
    expect(out.join('').trim()).toBe(version);
  });

  it('a usage error names the help of the command that was typed', async () => {
    expect((await run('build', '--bogus')).err).toContain('(run careerdeck build --help for usage)');
    expect((await run('new', 'role', '--bogus')).err).toContain('(run careerdeck new role --help for usage)');
  });

  it('npm run without "--": the options npm took are named, with the command to type instead (exit 2)', async () => {
    const { main } = await import('../../../src/cli/main.js');
    const printed: string[] = [];
    const env = { npm_lifecycle_event: 'build:deck', npm_config_deck: 'true', npm_config_pdf: '' };
    const status = await main(['build', 'my-deck'], { err: (l) => printed.push(l) }, styleFor({}), env);
    expect(status).toBe(2);
    expect(printed.join('\n')).toContain('npm took --deck, --no-pdf as its own options');
    expect(printed.join('\n')).toContain('npm run build:deck -- --deck --no-pdf');
  });

  it('the deck can be named as an argument: build my-deck', async () => {
    const { status, err } = await run(
      'build',
      'no-such-deck',
      '--content',
      path.join(dir, 'talks'),
      '--out',
      path.join(dir, 'out'),
      '--no-pdf',
    );
    expect(status).toBe(2);
    expect(err).toContain('no deck "no-such-deck"');
  });
});
