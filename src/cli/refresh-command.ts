import type { Command } from 'commander';
import { writeFileAtomic } from '../emit/atomic.js';
import { CareerdeckError } from '../errors.js';
import { readContentDir } from '../load/read.js';
import { addProjectOptions, projectSettings } from './options.js';

/** `careerdeck refresh --projections <csv> [--onet <folder>] [--write]`: new figures into roles that name a code. */
export function addRefreshCommand(
  program: Command,
  io: { err: (line: string) => void; out?: (line: string) => void },
): void {
  const refresh = program
    .command('refresh')
    .description(
      'update the figures of every role that names a soc: code; a dry run with an old -> new table unless --write',
    )
    .option('--projections <file>', 'the BLS occupational projections table (CSV)')
    .option('--onet <folder>', 'the unpacked O*NET text database: brings the O*NET source entry to its release')
    .option('--write', 'write the changed role files (default: only print what would change)');
  addProjectOptions(refresh, { printing: false }).action(
    async (opts: { projections?: string; onet?: string; write?: boolean }) => {
      if (!opts.projections && !opts.onet)
        throw new CareerdeckError(
          'USAGE',
          'say where the new figures are: --projections <file> and/or --onet <folder>',
        );
      const { contentDir } = await projectSettings(refresh);
      const { onetSource, onetVersion, readProjections, refreshRoles } = await import('../import/index.js');
      const projections = opts.projections ? await readProjections(opts.projections) : undefined;
      const onet = opts.onet ? onetSource(await onetVersion(opts.onet)) : undefined;
      const { files } = await readContentDir(contentDir);
      const refreshed = refreshRoles(files, { projections, onet });
      // A table per role: field, old, new, in columns.
      for (const { file, changes } of refreshed) {
        const field = Math.max(...changes.map((c) => c.field.length));
        const old = Math.max(...changes.map((c) => c.old.length));
        io.err(file);
        for (const c of changes) io.err(`  ${c.field.padEnd(field)}  ${c.old.padEnd(old)}  -> ${c.new}`);
      }
      if (refreshed.length === 0) {
        io.err('every role that names a code is up to date');
        return;
      }
      if (!opts.write) {
        io.err(`${refreshed.length} role file(s) would change; run again with --write to write them`);
        return;
      }
      for (const r of refreshed) await writeFileAtomic(r.file, r.text);
      io.err(`wrote ${refreshed.length} role file(s); the next build remakes the decks that use them`);
    },
  );
}
