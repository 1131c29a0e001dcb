#!/usr/bin/env bash
# Sets up careerdeck on a fresh machine and builds the default deck and reports:
# checks Node, installs a Chromium from Debian's packages when none is found, installs the npm
# dependencies from the lock file, then runs `npm run build:deck`.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'setup: %s\n' "$*" >&2; }

node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' || {
  say "Node.js 20.19 or later is needed (found $(node --version)); install it and run this again."
  exit 3
}

have_browser() {
  [ -n "${PUPPETEER_EXECUTABLE_PATH:-}" ] && [ -x "$PUPPETEER_EXECUTABLE_PATH" ] && return 0
  ls "${PUPPETEER_CACHE_DIR:-$HOME/.cache/puppeteer}"/chrome*/*/*/chrome* >/dev/null 2>&1 && return 0
  for b in chromium chromium-browser google-chrome-stable google-chrome; do
    command -v "$b" >/dev/null 2>&1 && return 0
  done
  return 1
}

if have_browser; then
  say "browser found; skipping the Chromium install"
elif command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  say "no Chromium found; installing Debian's chromium package"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
else
  say "no Chromium found and cannot install one here (needs apt-get as root)."
  say "Install Chromium or Chrome yourself, or set PUPPETEER_EXECUTABLE_PATH, then run this again."
  say "(npm run build:deck -- --no-pdf builds the HTML deck without a browser.)"
  exit 3
fi

# The lock file pins every dependency; no dependency's install script is needed: puppeteer-core
# downloads no browser (.puppeteerrc.cjs keeps it that way under npm 10 too), and esbuild's
# postinstall only re-checks its binary, so package.json denies it under npm 11.
npm ci --no-audit --no-fund
npm run build:deck
