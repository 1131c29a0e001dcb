import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/content.js';

const { scripts } = JSON.parse(await readFile(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

/**
 * npm runs scripts with cmd.exe on Windows (and people use PowerShell): what only a POSIX shell
 * understands breaks there. `&&` is fine in both; Node scripts are the portable way for the rest.
 */
const POSIX_ONLY: [RegExp, string][] = [
  [/\b(bash|sh|zsh)\s/, 'a POSIX shell; write a Node script (scripts/*.mjs) instead'],
  [/\brm\s+-|\bcp\s+-|\bmkdir\s+-p\b|\btouch\s|\bln\s+-s/, 'a Unix command; use node:fs in a Node script'],
  [/(^|&&|;|\|\|)\s*[A-Z_][A-Z0-9_]*=\S*\s/, 'an environment variable set before a command (VAR=x cmd), which cmd.exe does not understand'],
  [/\$[A-Za-z_{(]|`/, 'a shell variable or substitution'],
  [/\s'[^']*'/, "single quotes, which cmd.exe passes on as they are; use double quotes (escaped in JSON)"],
  [/\.sh\b/, 'a shell script'],
];

describe('npm scripts run from cmd.exe and PowerShell as well as a POSIX shell', () => {
  it.each(Object.entries(scripts))('%s', (name, command) => {
    const problems = POSIX_ONLY.filter(([pattern]) => pattern.test(command)).map(([, why]) => `"${name}": ${command} uses ${why}`);
    expect(problems).toEqual([]);
  });

  it('would catch what setup used to be', () => {
    const caught = (command: string) => POSIX_ONLY.some(([pattern]) => pattern.test(command));
    expect(caught('bash scripts/setup.sh')).toBe(true);
    expect(caught('rm -rf dist && tsc')).toBe(true);
    expect(caught('CAREERDECK_DATE=2026-01-01 node bin/careerdeck.js build')).toBe(true);
    expect(caught("node -e 'console.log(1)'")).toBe(true);
    expect(caught('npm run --silent typecheck && npm run --silent compile && vitest run')).toBe(false);
    expect(caught('node bin/careerdeck.js new role')).toBe(false);
  });
});
