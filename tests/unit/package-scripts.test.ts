import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/content.js';

const { scripts } = JSON.parse(await readFile(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
};

/**
 * npm runs scripts with cmd.exe on Windows (and people use PowerShell): what only a POSIX shell
 * understands breaks there. `&&` is fine in both; Node scripts are the portable way for the rest.
 */
const POSIX_ONLY: [RegExp, string][] = [
  [/\b(bash|sh|zsh)\s/, 'a POSIX shell; write a Node script (scripts/*.mjs) instead'],
  [/\brm\s+-|\bcp\s+-|\bmkdir\s+-p\b|\btouch\s|\bln\s+-s/, 'a Unix command; use node:fs in a Node script'],
  [
    /(^|&&|;|\|\|)\s*[A-Z_][A-Z0-9_]*=\S*\s/,
    'an environment variable set before a command (VAR=x cmd), which cmd.exe does not understand',
  ],
  [/\$[A-Za-z_{(]|`/, 'a shell variable or substitution'],
  [/\s'[^']*'/, 'single quotes, which cmd.exe passes on as they are; use double quotes (escaped in JSON)'],
  [/\.sh\b/, 'a shell script'],
];

describe('npm scripts run from cmd.exe and PowerShell as well as a POSIX shell', () => {
  it.each(Object.entries(scripts))('%s', (name, command) => {
    const problems = POSIX_ONLY.filter(([pattern]) => pattern.test(command)).map(
      ([, why]) => `"${name}": ${command} uses ${why}`,
    );
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

describe('the scripts and the CLI entry', () => {
  // They run before (setup) or outside (bin) the type-checked code: a moved file breaks them
  // only at run time, on a user's first command. Every relative import must name a file.
  it('import only files that exist', async () => {
    const { readdir } = await import('node:fs/promises');
    const { existsSync } = await import('node:fs');
    const files = [
      ...(await readdir(path.join(PROJECT_ROOT, 'scripts')))
        .filter((f) => /\.m?js$/.test(f))
        .map((f) => path.join('scripts', f)),
      ...(await readdir(path.join(PROJECT_ROOT, 'bin')))
        .filter((f) => /\.m?js$/.test(f))
        .map((f) => path.join('bin', f)),
    ];
    const missing: string[] = [];
    for (const file of files) {
      const text = await readFile(path.join(PROJECT_ROOT, file), 'utf8');
      for (const [, spec] of text.matchAll(/(?:from\s+|import\()\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
        // dist/ is compiled on the way (setup compiles before it imports from there).
        if (spec!.includes('/dist/')) continue;
        if (!existsSync(path.resolve(PROJECT_ROOT, path.dirname(file), spec!))) missing.push(`${file}: ${spec}`);
      }
    }
    expect(files.length).toBeGreaterThan(3);
    expect(missing).toEqual([]);
  });
});
