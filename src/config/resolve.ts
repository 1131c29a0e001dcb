import path from 'node:path';
import { ConfigError, type SourceLocation } from '../errors.js';
import type { DeckSettings } from '../model/index.js';
import type { ThemeName } from '../model/index.js';
import type { LabelOverrides } from '../model/labels.js';
import type { LoadedConfig } from './load.js';
import { DEFAULT_TIMEOUT_MS } from '../browser/timeout.js';
import { DEFAULT_CONTENT_DIR, DEFAULT_OUT_DIR } from './defaults.js';

/** What the command line says; unset means "not given", so the config file can fill it. */
export interface Flags {
  content?: string | undefined;
  out?: string | undefined;
  templates?: string | undefined;
  browser?: string | undefined;
  timeout?: number | undefined;
  pdf?: boolean | undefined;
  theme?: ThemeName | undefined;
}

export interface Resolved {
  contentDir: string;
  outDir: string;
  templatesDir?: string | undefined;
  browser?: string | undefined;
  timeoutMs: number;
  /** CAREERDECK_PAGES: how many PDFs print at once (for the bench and slow machines). */
  pages?: number | undefined;
  pdf: boolean;
  settings: DeckSettings;
}

/** Flags over the config file over the defaults; the config's paths are relative to it. */
export async function resolveSettings(flags: Flags, config: LoadedConfig | undefined): Promise<Resolved> {
  const fromConfig = (p: string | undefined) =>
    p === undefined || !config ? undefined : path.relative(process.cwd(), path.resolve(config.dir, p)) || '.';
  const values = config?.values ?? {};
  const contentDir = flags.content ?? fromConfig(values.content) ?? DEFAULT_CONTENT_DIR;
  let brand;
  if (config && values.brand) {
    const [{ checkBrand }, { locate }] = await Promise.all([
      import('../validate/brand.js'),
      import('../validate/schema-diagnostics.js'),
    ]);
    const at = (key: string): SourceLocation => ({
      file: config.file,
      ...locate({ file: config.file, yaml: config.yaml, lineCounter: config.lineCounter }, ['brand', key]),
    });
    const checked = checkBrand(values.brand, config.file, at, contentDir);
    if (checked.diagnostics.length > 0) throw new ConfigError(checked.diagnostics);
    brand = checked.brand;
  }
  return {
    contentDir,
    outDir: flags.out ?? fromConfig(values.out) ?? DEFAULT_OUT_DIR,
    templatesDir: flags.templates ?? fromConfig(values.templates),
    browser:
      flags.browser ??
      (values.browser !== undefined && /[\\/]/.test(values.browser) ? fromConfig(values.browser) : values.browser),
    timeoutMs: flags.timeout ?? values.timeout ?? DEFAULT_TIMEOUT_MS,
    pages: pageCount(process.env.CAREERDECK_PAGES),
    pdf: flags.pdf ?? values.pdf ?? true,
    settings: {
      defaults: {
        theme: values.theme,
        brand,
        paper: values.paper,
        handout: values.handout,
        lang: values.lang,
        labels: await configLabels(config),
        dir: values.dir,
        outputs: values.outputs,
        staleAfter: values.staleAfter,
      },
      overrides: { theme: flags.theme },
    },
  };
}

/** A whole number of at least 1, or undefined (the default) for anything else. */
function pageCount(value: string | undefined): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n : undefined;
}

/** The config file's `labels:`; an unknown key is an error there, at its line (it would apply to every deck). */
async function configLabels(config: LoadedConfig | undefined): Promise<LabelOverrides | undefined> {
  if (!config?.values.labels) return undefined;
  const [{ checkLabels }, { locate }] = await Promise.all([
    import('../validate/labels.js'),
    import('../validate/schema-diagnostics.js'),
  ]);
  const at = (key: string): SourceLocation => ({
    file: config.file,
    ...locate({ file: config.file, yaml: config.yaml, lineCounter: config.lineCounter }, ['labels', key]),
  });
  const checked = checkLabels(config.values.labels, at, 'error');
  if (checked.diagnostics.length > 0) throw new ConfigError(checked.diagnostics);
  return checked.labels;
}
