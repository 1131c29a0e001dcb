import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_CONTENT = path.join(PROJECT_ROOT, 'content');

/** A scratch folder with a copy of the default content, so a test can change it freely. */
export async function scratchProject(prefix: string): Promise<{ dir: string; content: string; out: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), `careerdeck-${prefix}-`));
  const content = path.join(dir, 'content');
  await cp(DEFAULT_CONTENT, content, { recursive: true });
  return { dir, content, out: path.join(dir, 'output') };
}
