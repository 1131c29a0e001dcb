import { execFileSync, spawnSync } from 'node:child_process';

/**
 * Vitest's global setup: the tests read PDFs as a person's tools would, with poppler's
 * pdftotext (the text that search and copy see) and pdffonts (which fonts are embedded).
 * Presenters never need poppler, so `npm run setup` leaves it out; a test run on Debian as root
 * (CI, a fresh container) installs it, as setup installs Chromium, and elsewhere says what to do.
 */
const TOOLS = ['pdftotext', 'pdffonts'] as const;

const missing = () => TOOLS.filter((tool) => spawnSync(tool, ['-v'], { stdio: 'ignore' }).error !== undefined);

export default function setup(): void {
  if (missing().length === 0) return;
  const apt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).error === undefined;
  if (apt && process.getuid?.() === 0) {
    process.stderr.write('careerdeck tests: installing poppler-utils (pdftotext, pdffonts) with apt-get\n');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'poppler-utils'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  }
  const still = missing();
  if (still.length > 0)
    throw new Error(
      `the tests need ${still.join(' and ')} from poppler: install poppler-utils (Debian, Ubuntu: sudo apt-get install poppler-utils; macOS: brew install poppler), then run npm test again`,
    );
}
