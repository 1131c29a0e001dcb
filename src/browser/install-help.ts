/** What to install on each system, for the build's "no browser" error and for `npm run setup`. */
const INSTALL: Partial<Record<NodeJS.Platform, string[]>> = {
  win32: [
    '  Windows: Microsoft Edge comes with Windows 10 and 11 (if it was removed, install Edge or Google Chrome again);',
    '    one in another folder: npm run build:deck -- --browser "C:\\path\\to\\chrome.exe"',
  ],
  darwin: [
    '  macOS: install Google Chrome, Chromium, Microsoft Edge or Brave into /Applications (or with Homebrew: brew install --cask google-chrome)',
  ],
  linux: [
    '  Debian: sudo apt-get install chromium    Ubuntu: install Google Chrome (its .deb; the chromium snap cannot read our temporary files)',
    '  Fedora: sudo dnf install chromium        Arch: sudo pacman -S chromium    openSUSE: sudo zypper install chromium',
  ],
};

/** Lines that say what to install on `platform`, then the ways around it that work on every system. */
export function installAdvice(platform: NodeJS.Platform): string[] {
  return [
    ...(INSTALL[platform] ?? ["  install Chromium or Google Chrome with your system's package manager"]),
    "  or download Chrome for Testing into Puppeteer's cache: npm run setup (needs access to the download; see docs/setup.md)",
    '  or name a browser: set PUPPETEER_EXECUTABLE_PATH, or pass --browser <path>',
    'To build only the HTML deck without a browser: npm run build:deck -- --no-pdf',
  ];
}

/** The message of the build's error when no browser is found. */
export function noBrowserHelp(platform: NodeJS.Platform): string {
  return [
    'No Chrome, Chromium, Edge or Brave was found to print the PDFs.',
    'Install one, then build again:',
    ...installAdvice(platform),
  ].join('\n');
}
