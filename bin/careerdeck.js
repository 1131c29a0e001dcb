#!/usr/bin/env node
import { compileIfStale } from './compile.mjs';

// CAREERDECK_TIMINGS=1 prints these spans with the build's (see src/build.ts).
const t0 = performance.now();
await compileIfStale();
performance.measure('startup: is dist/ up to date', { start: t0 });
const t1 = performance.now();
const { main } = await import('../dist/cli/main.js');
performance.measure('startup: import the command line', { start: t1 });
process.exitCode = await main(process.argv.slice(2));
