import { describe, expect, it } from 'vitest';
import { settleAll } from '../../../src/emit/settle.js';
import { CareerdeckError, ContentError } from '../../../src/errors.js';

const later = <T>(value: T, ms: number) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));
const failLater = (error: Error, ms: number) => new Promise<never>((_, reject) => setTimeout(() => reject(error), ms));

async function rejection(tasks: Promise<unknown>[]): Promise<unknown> {
  return settleAll(tasks).then(
    () => {
      throw new Error('expected settleAll to reject');
    },
    (error: unknown) => error,
  );
}

describe('settleAll', () => {
  it('returns the values in the order of the tasks, not of their completion', async () => {
    await expect(settleAll([later('a', 30), later('b', 0), later('c', 10)])).resolves.toEqual(['a', 'b', 'c']);
    await expect(settleAll([])).resolves.toEqual([]);
  });

  it('merges the diagnostics of several ContentErrors into one ContentError, in task order', async () => {
    const first = { file: 'content/decks/a.md', line: 3, message: 'first' };
    const second = { file: 'content/roles/b.md', message: 'second' };
    const third = { file: 'content/roles/c.md', line: 9, message: 'third' };
    const error = await rejection([
      failLater(new ContentError([first, second]), 20),
      later(1, 0),
      failLater(new ContentError([third]), 0),
    ]);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).diagnostics).toEqual([first, second, third]);
    expect((error as ContentError).message.split('\n')).toHaveLength(3);
  });

  it('waits for every task before failing, so a slow task still adds its problems', async () => {
    let finished = false;
    const slow = later(undefined, 40).then(() => {
      finished = true;
      throw new ContentError([{ file: 'slow.md', message: 'slow' }]);
    });
    const error = await rejection([Promise.reject(new ContentError([{ file: 'fast.md', message: 'fast' }])), slow]);
    expect(finished).toBe(true);
    expect((error as ContentError).diagnostics.map((d) => d.file)).toEqual(['fast.md', 'slow.md']);
  });

  it('counts an error shared by a task and a task chained on it once', async () => {
    const diagnostic = { file: 'content/decks/d.md', message: 'the slides overflow' };
    const slides = failLater(new ContentError([diagnostic]), 5);
    const handout = slides.then(() => 'handout');
    const error = await rejection([slides, handout, later('report', 0)]);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).diagnostics).toEqual([diagnostic]);
  });

  it('rethrows an error that is not about content in preference to content errors', async () => {
    const crash = new CareerdeckError('BROWSER', 'the browser failed: crashed');
    const error = await rejection([
      Promise.reject(new ContentError([{ file: 'a.md', message: 'a' }])),
      failLater(crash, 10),
      Promise.reject(new ContentError([{ file: 'b.md', message: 'b' }])),
    ]);
    expect(error).toBe(crash);
  });

  it('rethrows a plain Error as it is', async () => {
    const boom = new Error('boom');
    await expect(settleAll([later(1, 0), Promise.reject(boom)])).rejects.toBe(boom);
  });
});
