import { type Browser, launch } from 'puppeteer-core';
import { findBrowser, machineEnvironment } from '../../src/browser/find.js';

/** A Chromium for tests that inspect outputs, found the same way the build finds one. */
export async function launchTestBrowser(): Promise<Browser> {
  const { executablePath } = await findBrowser(machineEnvironment());
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  return launch({
    executablePath,
    headless: true,
    pipe: true,
    args: [
      ...(root ? ['--no-sandbox'] : []),
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}
