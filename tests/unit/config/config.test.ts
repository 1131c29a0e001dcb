import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findConfig } from '../../../src/config/find.js';
import { loadConfig } from '../../../src/config/load.js';
import { resolveSettings } from '../../../src/config/resolve.js';
import { ConfigError, type Diagnostic } from '../../../src/errors.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'careerdeck-config-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function problems(name: string, text: string): Promise<Diagnostic[]> {
  const file = path.join(dir, name);
  await writeFile(file, text);
  try {
    await loadConfig(file, dir);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).exitCode).toBe(2);
    return [...(error as ConfigError).diagnostics];
  }
  throw new Error('expected a ConfigError');
}

describe('labels: in the config file', () => {
  it('are read, and an unknown one is an error at its line with the closest known label', async () => {
    const good = path.join(dir, 'labels.json');
    await writeFile(good, JSON.stringify({ labels: { sources: 'Further reading' } }, null, 2));
    const settings = await resolveSettings({}, await loadConfig(good, dir));
    expect(settings.settings.defaults?.labels).toEqual({ sources: 'Further reading' });

    const bad = path.join(dir, 'bad-labels.json');
    await writeFile(bad, JSON.stringify({ labels: { sources: 'x', agendaa: 'Today' } }, null, 2));
    const error = await resolveSettings({}, await loadConfig(bad, dir)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).diagnostics).toMatchObject([
      { file: 'bad-labels.json', line: 4, message: expect.stringContaining('did you mean "agenda"?') as string },
    ]);
  });
});

describe('careerdeck.config.json', () => {
  it('reads every setting', async () => {
    const file = path.join(dir, 'ok.json');
    await writeFile(
      file,
      JSON.stringify({
        content: 'talks',
        out: 'site',
        theme: 'dark',
        paper: 'Letter',
        lang: 'de',
        outputs: ['report'],
        pdf: false,
        timeout: 5000,
        brand: { footer: 'Career Services' },
      }),
    );
    const config = await loadConfig(file, dir);
    expect(config.values).toMatchObject({
      content: 'talks',
      theme: 'dark',
      paper: 'Letter',
      lang: 'de',
      outputs: ['report'],
      pdf: false,
      timeout: 5000,
    });
    expect(config.file).toBe('ok.json');
  });

  it('names the file, the line and the key of an unknown key, with the keys there are', async () => {
    const [d] = await problems('unknown.json', '{\n  "theme": "dark",\n  "thme": "light"\n}\n');
    expect(d).toMatchObject({ file: 'unknown.json', line: 3 });
    expect(d?.message).toContain('"thme" is not a known key');
    expect(d?.message).toContain('theme');
  });

  it('names the key and what it must be for a wrong type or value', async () => {
    const found = await problems(
      'types.json',
      '{\n  "timeout": "soon",\n  "theme": "neon",\n  "brand": { "accent": "blue" }\n}\n',
    );
    expect(found.map((d) => d.line)).toEqual([2, 3, 4]);
    expect(found[0]?.message).toContain('"timeout" must be a number');
    expect(found[1]?.message).toContain('"theme" must be one of "light", "dark", "high-contrast"');
    expect(found[2]?.message).toContain('"brand.accent" must be a CSS hex colour');
  });

  it('points at the line of a JSON syntax error', async () => {
    const [d] = await problems('broken.json', '{\n  "theme": "dark",\n  "paper": \n}\n');
    expect(d?.file).toBe('broken.json');
    expect(d?.line).toBeGreaterThanOrEqual(3);
    expect(d?.message).toContain('not valid JSON');
  });

  it('refuses a key given twice and a config that is not an object', async () => {
    expect((await problems('twice.json', '{"theme": "dark", "theme": "light"}'))[0]?.message).toMatch(
      /not valid JSON.*unique/i,
    );
    expect((await problems('list.json', '["dark"]'))[0]?.message).toContain('must hold an object');
  });
});

describe('careerdeck.config.mjs and .ts', () => {
  it('reads the default export of an .mjs config', async () => {
    const file = path.join(dir, 'careerdeck.config.mjs');
    await writeFile(file, "export default { theme: 'high-contrast', paper: 'Letter' };\n");
    expect((await loadConfig(file, dir)).values).toEqual({ theme: 'high-contrast', paper: 'Letter' });
    await rm(file);
  });

  it('strips the types of a .ts config with defineConfig and checks it like JSON, naming the key', async () => {
    const file = path.join(dir, 'careerdeck.config.ts');
    const define = path.join(process.cwd(), 'src/config/define.ts').replaceAll('\\', '/');
    await writeFile(
      file,
      `import type { CareerdeckConfig } from '${define}';\nconst config: CareerdeckConfig = { theme: 'dark', lang: 'fr' };\nexport default config;\n`,
    );
    expect((await loadConfig(file, dir)).values).toEqual({ theme: 'dark', lang: 'fr' });
    await writeFile(file, "const config: { paper: string } = { paper: 'A3' };\nexport default config;\n");
    const [d] = await problems(
      'careerdeck.config.ts',
      "const config: { paper: string } = { paper: 'A3' };\nexport default config;\n",
    );
    expect(d).toMatchObject({ file: 'careerdeck.config.ts' });
    expect(d?.message).toContain('"paper" must be one of "A4", "Letter"');
    await rm(file);
  });

  it('says what to write when there is no default export', async () => {
    const [d] = await problems('careerdeck.config.js', 'export const theme = "dark";\n');
    expect(d?.message).toContain('export default defineConfig');
    await rm(path.join(dir, 'careerdeck.config.js'));
  });
});

describe('finding the config file', () => {
  it('finds none, one, and refuses two', async () => {
    const here = await mkdtemp(path.join(tmpdir(), 'careerdeck-find-'));
    expect(findConfig(here)).toBeUndefined();
    await writeFile(path.join(here, 'careerdeck.config.json'), '{}');
    expect(findConfig(here)).toBe(path.join(here, 'careerdeck.config.json'));
    await writeFile(path.join(here, 'careerdeck.config.mjs'), 'export default {}');
    expect(() => findConfig(here)).toThrow(/keep one config file/);
    await rm(here, { recursive: true });
  });
});

describe('precedence: flags, then the config file, then the defaults', () => {
  const config = {
    file: 'careerdeck.config.json',
    dir: '/project',
    values: {
      content: 'talks',
      out: 'site',
      timeout: 5000,
      pdf: false,
      theme: 'dark' as const,
      paper: 'Letter' as const,
    },
  };

  it('uses the defaults without a config', async () => {
    const r = await resolveSettings({}, undefined);
    expect(r).toMatchObject({ contentDir: 'content', outDir: 'output', timeoutMs: 30_000, pdf: true });
    expect(r.settings.defaults).toEqual({
      theme: undefined,
      brand: undefined,
      paper: undefined,
      handout: undefined,
      lang: undefined,
      outputs: undefined,
    });
  });

  it('takes the config over the defaults, its paths relative to the config file', async () => {
    const r = await resolveSettings({}, config);
    expect(path.resolve(r.contentDir)).toBe('/project/talks');
    expect(path.resolve(r.outDir)).toBe('/project/site');
    expect(r).toMatchObject({ timeoutMs: 5000, pdf: false });
    expect(r.settings.defaults).toMatchObject({ theme: 'dark', paper: 'Letter' });
  });

  it('passes the handout layout on as a deck default', async () => {
    const r = await resolveSettings({}, { ...config, values: { ...config.values, handout: { perPage: 4 as const } } });
    expect(r.settings.defaults?.handout).toEqual({ perPage: 4 });
  });

  it('takes the flags over the config', async () => {
    const r = await resolveSettings(
      { content: 'mine', out: 'elsewhere', timeout: 100, pdf: true, theme: 'light' },
      config,
    );
    expect(r).toMatchObject({ contentDir: 'mine', outDir: 'elsewhere', timeoutMs: 100, pdf: true });
    expect(r.settings.overrides).toEqual({ theme: 'light' });
  });
});

describe('CAREERDECK_PAGES', () => {
  it('reaches the build as a page count of at least 1; anything else leaves the default', async () => {
    const saved = process.env.CAREERDECK_PAGES;
    try {
      for (const [value, pages] of [
        ['3', 3],
        ['1', 1],
        ['0', undefined],
        ['-1', undefined],
        ['two', undefined],
        [undefined, undefined],
      ] as const) {
        if (value === undefined) delete process.env.CAREERDECK_PAGES;
        else process.env.CAREERDECK_PAGES = value;
        expect((await resolveSettings({}, undefined)).pages).toBe(pages);
      }
    } finally {
      if (saved === undefined) delete process.env.CAREERDECK_PAGES;
      else process.env.CAREERDECK_PAGES = saved;
    }
  });
});
