#!/usr/bin/env node
import module from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { compileIfStale } from './compile.mjs';

// Node 22.1+ keeps the compiled modules on disk between runs (in the system's temporary folder);
// Node 20 has no such cache, and this does nothing.
module.enableCompileCache?.();

// The old generation grows by a tenth at a time instead of V8's own factor (up to 4x): a build
// makes much short-lived large garbage (every page's files sent to Chromium as base64, every PDF
// read back the same way), which V8 otherwise kept until the heap had grown. In a 12-deck batch
// Node's own PSS peaked at 119-129 MiB with it against 174-194 MiB without. Read by V8 at each
// collection, so it works set here (unlike the young generation's size, on the npm scripts).
// Its price is CPU: ~7% more in a 12-deck batch (docs/performance.md). A value given on Node's
// command line wins (NODE_OPTIONS does not take this flag), since one set here would override it.
if (!process.execArgv.some((a) => /^--heap[-_]growing[-_]percent\b/.test(a)))
  setFlagsFromString('--heap-growing-percent=10');

// CAREERDECK_TIMINGS=1 prints these spans with the build's (see src/build.ts).
const t0 = performance.now();
await compileIfStale();
performance.measure('startup: is dist/ up to date', { start: t0 });
const t1 = performance.now();
const { main } = await import('../dist/cli/main.js');
performance.measure('startup: import the command line', { start: t1 });
process.exitCode = await main(process.argv.slice(2));

// The command is over: nothing may keep the user waiting now. A timer of Puppeteer's left by a
// browser that died mid-call (its 30 s wait for a page that will never come) held the process
// after the build had already reported exit 3 (3 of 36 kills of loaded builds). Unreferenced, this
// fires only when something else still holds the process; the dev server and the room return from
// main() only once they are closed.
setTimeout(() => process.exit(), 1000).unref();
