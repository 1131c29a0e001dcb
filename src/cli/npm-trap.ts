import type { Command } from 'commander';

/**
 * npm's most common trap: `npm run build:deck --deck my-deck` (no `--`) makes npm take `--deck`
 * as its own setting, passing only `my-deck` on, so the command would run with its options
 * silently lost. npm leaves a trace: each such flag becomes an `npm_config_<name>` variable.
 * Returns the flags of `command` that npm took for itself, as the user typed them.
 */
export function swallowedOptions(command: Command, env: NodeJS.ProcessEnv): string[] {
  if (!env.npm_lifecycle_event) return [];
  // `--no-pdf` reaches npm as the setting "pdf".
  const setting = (long: string) => `npm_config_${long.replace(/^--(no-)?/, '').replace(/-/g, '_')}`;
  const flags = command.options.flatMap((o) => (o.long && env[setting(o.long)] !== undefined ? [o.long] : []));
  return [...new Set(flags)];
}

/** What to type instead: the same npm script, with `--` before careerdeck's options. */
export function swallowedHint(flags: readonly string[], env: NodeJS.ProcessEnv): string {
  const script = env.npm_lifecycle_event ?? 'build:deck';
  return `npm took ${flags.join(', ')} as its own option${flags.length > 1 ? 's' : ''}, so careerdeck never saw ${flags.length > 1 ? 'them' : 'it'}; put -- before careerdeck's options: npm run ${script} -- ${flags.join(' ')} ...`;
}
