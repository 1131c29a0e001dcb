#!/usr/bin/env node
import module from 'node:module';
import { compileIfStale } from './compile.mjs';

// Node 22.1+ keeps the compiled modules on disk between runs (in the system's temporary folder);
// Node 20 has no such cache, and this does nothing.
module.enableCompileCache?.();

// CAREERDECK_TIMINGS=1 prints these spans with the build's (see src/build.ts).
const t0 = performance.now();
await compileIfStale();
performance.measure('startup: is dist/ up to date', { start: t0 });
const t1 = performance.now();
const { main } = await import('../dist/cli/main.js');
performance.measure('startup: import the command line', { start: t1 });
process.exitCode = await main(process.argv.slice(2));
