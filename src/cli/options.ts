import { type Command, InvalidArgumentError, Option } from 'commander';
import type { Flags, Resolved } from '../config/resolve.js';
// From its own module: model/index.js would load every model module on each CLI run.
import { THEMES } from '../model/themes.js';
import { DEFAULT_TIMEOUT_MS } from '../browser/timeout.js';

/** The options build, dev and check share; none has a default here, so the config file can fill it. */
export function addProjectOptions(command: Command, { printing = true } = {}): Command {
  command
    .option('--config <file>', 'config file (default: careerdeck.config.json, .ts, .mjs or .js in this folder, if any)')
    .option('--content <dir>', 'content folder (default: content)');
  if (!printing) return command;
  return command
    .option('--out <dir>', 'output folder (default: output)')
    .option('--no-pdf', 'write the HTML deck only; no browser is started')
    .addOption(new Option('--theme <name>', 'theme of every deck, over its front matter').choices(THEMES))
    .option(
      '--browser <path>',
      "Chromium or Chrome to print with (default: PUPPETEER_EXECUTABLE_PATH, puppeteer's browser, then a system Chromium)",
    )
    .addOption(
      new Option('--timeout <ms>', `bound on each browser wait (default: ${DEFAULT_TIMEOUT_MS})`).argParser(
        positiveInt,
      ),
    );
}

/** The flags the user gave (commander's defaults left out), and the config they point at. */
function givenFlags(command: Command): Flags & { config?: string | undefined } {
  const opts = command.opts<Flags & { config?: string }>();
  const given = <K extends keyof typeof opts>(key: K) =>
    command.getOptionValueSource(key) === 'cli' ? opts[key] : undefined;
  return {
    config: opts.config,
    content: opts.content,
    out: opts.out,
    browser: opts.browser,
    timeout: opts.timeout,
    theme: opts.theme,
    pdf: given('pdf'),
  };
}

/** Reads the config file (the one given, or the one found) and merges it under the flags. */
export async function projectSettings(command: Command): Promise<Resolved & { configFile?: string | undefined }> {
  const flags = givenFlags(command);
  const { findConfig } = await import('../config/find.js');
  const { resolveSettings } = await import('../config/resolve.js');
  const file = flags.config ?? findConfig();
  // The loader brings the YAML parser and the schema: only when there is a config to read.
  const config = file === undefined ? undefined : await (await import('../config/load.js')).loadConfig(file);
  return { ...(await resolveSettings(flags, config)), configFile: config?.file };
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a whole number of milliseconds');
  return n;
}
