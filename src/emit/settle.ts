import { ContentError } from '../errors.js';

/**
 * Waits for every task, so that one failure does not hide the others: content problems from
 * all of them are merged into one ContentError; otherwise the first other error is thrown.
 */
export async function settleAll<T>(tasks: readonly Promise<T>[]): Promise<T[]> {
  const results = await Promise.allSettled(tasks);
  // A task chained on another fails with the same error: count each error once.
  const failures = [...new Set(results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : [])))];
  const other = failures.find((e) => !(e instanceof ContentError));
  if (other !== undefined) throw other;
  if (failures.length > 0) throw new ContentError(failures.flatMap((e) => (e as ContentError).diagnostics));
  return results.map((r) => (r as PromiseFulfilledResult<T>).value);
}
