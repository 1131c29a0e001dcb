import { describe, expect, it } from 'vitest';
import { windowsNameProblem, windowsSafeName } from '../../../src/validate/file-name.js';

describe('windowsNameProblem', () => {
  it.each(['con', 'CON', 'prn', 'aux', 'nul', 'Nul', 'com1', 'com9', 'COM0', 'lpt1', 'lpt9', 'com¹', 'conin$'])(
    'refuses the device name %s',
    (name) => {
      expect(windowsNameProblem(name)).toMatch(/device name that Windows reserves/);
    },
  );

  it.each(['con.txt', 'nul.md', 'aux.tar.gz', 'com1.pdf', 'lpt3.html', 'con .txt'])(
    'refuses a device name with an extension: %s',
    (name) => {
      expect(windowsNameProblem(name)).toMatch(/device name/);
    },
  );

  it.each(['deck.', 'deck ', 'deck. .', 'report.pdf.'])('refuses a trailing dot or space: "%s"', (name) => {
    expect(windowsNameProblem(name)).toMatch(/ends in a dot or a space/);
  });

  it.each(['a<b', 'a>b', 'a:b', 'a"b', 'a/b', 'a\\b', 'a|b', 'a?b', 'a*b', 'a\u0000b', 'a\tb', 'a\u001fb'])(
    'refuses the forbidden character in %j',
    (name) => {
      expect(windowsNameProblem(name)).toMatch(/Windows forbids/);
    },
  );

  it.each(['', '.', '..'])('refuses %j', (name) => {
    expect(windowsNameProblem(name)).toBe('is not a file name');
  });

  it.each([
    'console',
    'connect.md',
    'com10',
    'lpt',
    'nullable',
    'aux-role',
    'my-con',
    'data-engineer',
    'ml-engineer-vs-ai-scientist-report.pdf',
    'index.html',
    '.careerdeck-state.json',
  ])('accepts %s', (name) => {
    expect(windowsNameProblem(name)).toBeUndefined();
  });
});

describe('windowsSafeName', () => {
  it.each([
    ['con', 'con-'],
    ['NUL', 'NUL-'],
    ['com1.pdf', 'com1-.pdf'],
    ['aux.tar.gz', 'aux-.tar.gz'],
    ['deck. ', 'deck'],
    ['a:b?c*', 'a-b-c-'],
    ['x\u0000y', 'x-y'],
    ['...', '-'],
    ['data-engineer', 'data-engineer'],
    ['ml-engineer-vs-ai-scientist-report.pdf', 'ml-engineer-vs-ai-scientist-report.pdf'],
  ])('makes %j safe as %j', (name, safe) => {
    expect(windowsSafeName(name)).toBe(safe);
    expect(windowsNameProblem(windowsSafeName(name))).toBeUndefined();
  });
});

describe('output names made from slugs', () => {
  it('outputName makes safe names from any slug', async () => {
    const { outputName } = await import('../../../src/emit/names.js');
    expect(outputName('careers', 'report')).toBe('careers-report.pdf');
    expect(outputName('careers', 'factsheets', 'data-engineer')).toBe('careers-data-engineer-factsheet.pdf');
    expect(outputName('a:b', 'factsheets', 'c?')).toBe('a-b-c--factsheet.pdf');
    expect(outputName('careers', 'images')).toBe('images/thumbnail.png');
  });

  it('scaffold slugs are never device names', async () => {
    const { isSlug, slugFor } = await import('../../../src/scaffold/names.js');
    expect(slugFor('Con')).toBeUndefined();
    expect(slugFor('COM1')).toBeUndefined();
    expect(slugFor('Console Engineer')).toBe('console-engineer');
    expect(isSlug('nul')).toBe(false);
    expect(isSlug('nul-role')).toBe(true);
  });
});
