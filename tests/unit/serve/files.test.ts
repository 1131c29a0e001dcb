import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathSegments, resolveUnder } from '../../../src/serve/files.js';
import { contentType } from '../../../src/emit/assets.js';

describe('pathSegments', () => {
  it('splits and decodes a plain path', () => {
    expect(pathSegments('/deck/assets/a%20b.css')).toEqual(['deck', 'assets', 'a b.css']);
    expect(pathSegments('/')).toEqual([]);
    expect(pathSegments('/deck/')).toEqual(['deck']);
  });

  it.each([
    '/../etc/passwd',
    '/deck/../../x',
    '/%2e%2e/x',
    '/%2E%2E%2Fx',
    '/deck/%2f..%2fx',
    '/a%5c..%5cb',
    '/%00',
    '/%zz',
    '/.git/config',
    '/deck/./index.html',
    'relative',
    '/C:/Windows/win.ini',
    '/deck/index.html:stream',
    '/deck/index.html%3A%24DATA',
  ])('refuses %s', (p) => {
    expect(pathSegments(p)).toBeUndefined();
  });
});

describe('contentType', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['deck.css', 'text/css; charset=utf-8'],
    ['deck.js', 'text/javascript; charset=utf-8'],
    ['inter.woff2', 'font/woff2'],
    ['chart.svg', 'image/svg+xml'],
    ['team.PNG', 'image/png'],
    ['team.jpg', 'image/jpeg'],
    ['deck-report.pdf', 'application/pdf'],
    ['unknown.bin', 'application/octet-stream'],
  ])('%s is %s', (file, type) => expect(contentType(file)).toBe(type));
});

describe('resolveUnder', () => {
  let dir: string;
  let root: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'careerdeck-dev-files-'));
    root = path.join(dir, 'output');
    await mkdir(path.join(root, 'deck'), { recursive: true });
    await writeFile(path.join(root, 'deck', 'index.html'), '<p>deck</p>');
    await writeFile(path.join(dir, 'secret.txt'), 'secret');
    await symlink(path.join(dir, 'secret.txt'), path.join(root, 'deck', 'out.txt'));
    await symlink(dir, path.join(root, 'deck', 'up'));
    await symlink(path.join(root, 'deck', 'index.html'), path.join(root, 'deck', 'same.html'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('finds files and folders under the root', async () => {
    expect(await resolveUnder(root, '/deck/index.html')).toEqual({
      kind: 'file',
      file: path.join(root, 'deck', 'index.html'),
    });
    expect(await resolveUnder(root, '/deck/')).toEqual({ kind: 'directory', dir: path.join(root, 'deck') });
    expect((await resolveUnder(root, '/deck/same.html')).kind).toBe('file');
  });

  it('does not find what is missing, outside, or reached by a link out', async () => {
    for (const p of [
      '/deck/missing.html',
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/deck/out.txt',
      '/deck/up/secret.txt',
    ]) {
      expect(await resolveUnder(root, p), p).toEqual({ kind: 'not-found' });
    }
  });
});
