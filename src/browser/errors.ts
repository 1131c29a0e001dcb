import { CareerdeckError } from '../errors.js';

/** What a browser error means for the user: timed out, stopped, or failed (exit 3 or 130/143 via the code). */
export function explainBrowserError(
  error: unknown,
  { closed, timeoutMs, what = 'the browser' }: { closed: boolean; timeoutMs: number; what?: string },
): CareerdeckError {
  if (error instanceof CareerdeckError) return error;
  if (closed)
    return new CareerdeckError('INTERRUPTED', 'the build was stopped and the browser closed', { cause: error });
  const message = error instanceof Error ? error.message : String(error);
  if (isTimeout(error)) return timeoutError(what, timeoutMs, error);
  return new CareerdeckError('BROWSER', `the browser failed: ${message.split('\n')[0]}`, { cause: error });
}

export function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || /timed out/i.test(error.message));
}

/** The one wording of a timeout: what did not finish, the bound, and what to do. */
export function timeoutError(what: string, timeoutMs: number, cause: unknown): CareerdeckError {
  const detail = cause instanceof Error && what === 'the browser' ? ` (${cause.message.split('\n')[0]})` : '';
  return new CareerdeckError(
    'TIMEOUT',
    `${what} did not finish within ${timeoutMs} ms${detail}; raise --timeout or check the browser`,
    { cause },
  );
}
