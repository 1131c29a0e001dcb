import { statSync } from 'node:fs';
import path from 'node:path';
import { CareerdeckError } from '../errors.js';
import { writeFileAtomic, writeFileIfChanged } from './atomic.js';

/** Writes one output atomically; a failure becomes an OUTPUT error (exit 3) saying what is in the way. */
export async function writeOutput(file: string, bytes: Uint8Array | string, skipSame = false): Promise<void> {
  try {
    if (skipSame && typeof bytes !== 'string') await writeFileIfChanged(file, bytes);
    else await writeFileAtomic(file, bytes);
  } catch (error) {
    throw outputError(file, error as NodeJS.ErrnoException);
  }
}

/** An OUTPUT error (exit 3) for a file that could not be written, saying what is in the way. */
export function outputError(file: string, error: NodeJS.ErrnoException): CareerdeckError {
  if (error instanceof CareerdeckError) return error;
  return new CareerdeckError('OUTPUT', `cannot write ${file}: ${explain(file, error)}`, { cause: error });
}

function explain(file: string, error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOTDIR':
    case 'EEXIST': {
      const blocker = fileInTheWay(path.dirname(file));
      return blocker
        ? `${blocker} is a file, not a folder; move it away or choose another --out`
        : 'a file stands where a folder is needed; choose another --out';
    }
    case 'EISDIR':
      return 'a folder stands where this file goes; remove that folder or choose another --out';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'the output folder is not writable; fix its permissions or choose another --out';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full; free some space and build again';
    default:
      return `${error.code ?? error.message}; check that the output folder is writable and has free space`;
  }
}

/** The nearest existing ancestor of `dir` (or `dir` itself) that is a file rather than a folder. */
function fileInTheWay(dir: string): string | undefined {
  for (let current = dir; ; current = path.dirname(current)) {
    try {
      return statSync(current).isDirectory() ? undefined : current;
    } catch {
      if (path.dirname(current) === current) return undefined;
    }
  }
}
