#!/usr/bin/env node
import { compileIfStale } from './compile.mjs';

compileIfStale();
const { main } = await import('../dist/cli/main.js');
process.exitCode = await main(process.argv.slice(2));
