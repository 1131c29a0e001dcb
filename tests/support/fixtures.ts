import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from './content.js';

/** A scratch copy of tests/fixtures/<name>/content, with an output folder beside it. */
export async function copyFixture(name: string): Promise<{ dir: string; content: string; out: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), `careerdeck-${name}-`));
  const content = path.join(dir, 'content');
  await cp(path.join(PROJECT_ROOT, 'tests/fixtures', name, 'content'), content, { recursive: true });
  return { dir, content, out: path.join(dir, 'output') };
}
