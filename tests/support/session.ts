import { afterAll } from 'vitest';
import { findBrowser, machineEnvironment } from '../../src/browser/find.js';
import { BrowserSession } from '../../src/browser/session.js';
import { DEFAULT_TIMEOUT_MS } from '../../src/browser/timeout.js';

/**
 * One Chromium for every build of a test file: `const session = fileSession()` at the top of the file,
 * then `session: await session()` in each `build()`. A build given a session prints with it and
 * leaves it open (BuildOptions.session, as the dev server's builds do); the file closes it when it
 * ends. Starting Chromium is most of a small build's time here (1.8 s of 5.4 s for two roles'
 * report, load 5), so a file that builds three times starts it once instead of three times.
 *
 * Not for tests about the browser's own life: how many times a build launches it, what a build
 * closes when it fails or is stopped, `timeoutMs` (the session's, not the build's, bounds its waits).
 */
export function fileSession(): () => Promise<BrowserSession> {
  let made: Promise<BrowserSession> | undefined;
  afterAll(async () => {
    await (await made?.catch(() => undefined))?.close();
  });
  return () =>
    (made ??= findBrowser(machineEnvironment()).then(
      ({ executablePath }) => new BrowserSession({ executablePath, timeoutMs: DEFAULT_TIMEOUT_MS }),
    ));
}
