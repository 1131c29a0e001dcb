import type { FoundBrowser } from './find.js';

/** What `npm run setup` knows about the machine when it decides how to get a browser. */
export interface SetupFacts {
  platform: NodeJS.Platform;
  arch: string;
  /** The user's id; undefined on Windows, 0 for root. */
  uid: number | undefined;
  /** Whether apt-get is on PATH (Debian, Ubuntu and their derivatives). */
  apt: boolean;
  /** What the build's own finder found, if anything. */
  found: FoundBrowser | undefined;
  /** Chrome for Testing's name for this system and processor; undefined where Google builds none (Linux on ARM). */
  downloadPlatform: string | undefined;
  env: Record<string, string | undefined>;
}

/** One way to get a browser; setup tries them in order until the finder finds one. */
export type SetupStep =
  | { kind: 'use'; browser: FoundBrowser }
  /** Debian's chromium package, as root. */
  | { kind: 'apt'; commands: string[][] }
  /** Chrome for Testing, downloaded into Puppeteer's cache where the build's finder looks. */
  | { kind: 'download' }
  /** Nothing more to try: say why and what to install (setup then exits 3). */
  | { kind: 'advise'; reason: string };

const APT_COMMANDS = [
  ['apt-get', 'update', '-qq'],
  ['apt-get', 'install', '-y', '-qq', 'chromium'],
];

/** Puppeteer's own switch for "never download a browser", honoured here too (set it behind a firewall). */
function downloadRefused(env: Record<string, string | undefined>): boolean {
  const value = (env.PUPPETEER_SKIP_DOWNLOAD ?? '').trim().toLowerCase();
  return value !== '' && value !== '0' && value !== 'false';
}

/**
 * How setup gets a browser, decided without touching the machine so that every branch is
 * tested: the one found; else on Debian or Ubuntu as root Debian's chromium (the download
 * second, for when the package is missing, as on Ubuntu); else Chrome for Testing downloaded;
 * and always, last, advice on what to install.
 */
export function planBrowserSetup(facts: SetupFacts): SetupStep[] {
  if (facts.found) return [{ kind: 'use', browser: facts.found }];
  const steps: SetupStep[] = [];
  const apt = facts.platform === 'linux' && facts.apt;
  if (apt && facts.uid === 0) steps.push({ kind: 'apt', commands: APT_COMMANDS });
  // @puppeteer/browsers names Linux on ARM but fetches the x64 build for it, which cannot run there.
  const made = facts.downloadPlatform !== undefined && facts.downloadPlatform !== 'linux_arm';
  const download = made && !downloadRefused(facts.env);
  if (download) steps.push({ kind: 'download' });
  const why: string[] = [];
  if (apt) why.push(facts.uid === 0 ? "Debian's chromium could not be installed" : 'apt-get needs root');
  if (download) why.push('Chrome for Testing could not be downloaded (no network, or a firewall blocks it)');
  else if (made) why.push('PUPPETEER_SKIP_DOWNLOAD is set, so Chrome for Testing is not downloaded');
  else why.push(`Chrome for Testing is not made for this system (${facts.platform} on ${facts.arch})`);
  const reason = why.join('; ');
  steps.push({ kind: 'advise', reason });
  return steps;
}

/** The progress line of the download, e.g. "downloading Chrome for Testing 148.0.7778.97: 40 of 170 MB". */
export function downloadProgressText(buildId: string, done: number, total: number): string {
  const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
  return `downloading Chrome for Testing ${buildId}: ${mb(done)}${total > 0 ? ` of ${mb(total)}` : ''} MB`;
}

/** The Chrome for Testing build that this version of puppeteer-core is made for. */
export async function pinnedChromeBuild(): Promise<string> {
  const { PUPPETEER_REVISIONS } = await import('puppeteer-core/internal/revisions.js');
  return PUPPETEER_REVISIONS.chrome;
}

/** Chrome for Testing's name for this machine, or undefined when there is no build for it. */
export async function downloadPlatform(): Promise<string | undefined> {
  const { detectBrowserPlatform } = await import('@puppeteer/browsers');
  return detectBrowserPlatform();
}

/**
 * Downloads Chrome for Testing into `cacheDir` (a no-op when it is there) and returns its
 * executable. `baseUrl` is a mirror, as Puppeteer's PUPPETEER_CHROME_DOWNLOAD_BASE_URL names one.
 */
export async function downloadChromeForTesting(
  cacheDir: string,
  buildId: string,
  onProgress: (done: number, total: number) => void,
  baseUrl?: string,
): Promise<string> {
  const { install, Browser } = await import('@puppeteer/browsers');
  const installed = await install({
    browser: Browser.CHROME,
    buildId,
    cacheDir,
    downloadProgressCallback: onProgress,
    ...(baseUrl ? { baseUrl } : {}),
  });
  return installed.executablePath;
}

/** What carrying out the steps touches: injected so that tests run the sequence without apt or a download. */
export interface SetupActions {
  say: (line: string) => void;
  /** Runs a command; true when it succeeded. */
  run: (command: string[]) => boolean;
  /** Downloads Chrome for Testing; rejects when it cannot (no network, a firewall). */
  download: () => Promise<void>;
  /** The build's finder, asked again after each install. */
  find: () => Promise<FoundBrowser | undefined>;
}

/**
 * Carries out the steps in order until the finder finds a browser: the browser, or the reason
 * to give with the advice of what to install.
 */
export async function acquireBrowser(
  steps: SetupStep[],
  act: SetupActions,
): Promise<{ browser: FoundBrowser } | { reason: string }> {
  for (const step of steps) {
    if (step.kind === 'use') return { browser: step.browser };
    if (step.kind === 'advise') return { reason: step.reason };
    if (step.kind === 'apt') {
      act.say("no browser found; installing Debian's chromium package");
      const failed = step.commands.find((command) => !act.run(command));
      if (failed) act.say(`${failed.join(' ')} failed`);
    } else {
      try {
        await act.download();
      } catch (error) {
        // @puppeteer/browsers puts the cause (a DNS or TLS error, a refused connection) on later lines.
        const why = (error as Error).message
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean)
          .join(' ');
        act.say(`the download failed: ${why}`);
        continue;
      }
    }
    const browser = await act.find();
    if (browser) return { browser };
  }
  return { reason: 'no browser could be installed' };
}
