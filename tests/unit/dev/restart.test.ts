import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { restartKeys, type ServerSettings } from '../../../src/dev/restart.js';

const started: ServerSettings = {
  contentDir: 'content',
  outDir: 'output',
  templatesDir: undefined,
  pdf: true,
  browser: undefined,
  timeoutMs: 30_000,
};

describe('restartKeys', () => {
  it('names nothing when only the deck settings could have changed', () => {
    expect(restartKeys(started, { ...started })).toEqual([]);
    // The same folder, spelled otherwise.
    expect(restartKeys(started, { ...started, contentDir: path.resolve('content'), outDir: './output/' })).toEqual([]);
  });

  it('names each changed server setting by its key in the config file', () => {
    const now: ServerSettings = {
      contentDir: 'cv',
      outDir: 'public',
      templatesDir: 'my-templates',
      pdf: false,
      browser: '/usr/bin/chromium',
      timeoutMs: 5000,
    };
    expect(restartKeys(started, now)).toEqual(['content', 'out', 'templates', 'pdf', 'browser', 'timeout']);
    expect(restartKeys(started, { ...started, timeoutMs: 5000 })).toEqual(['timeout']);
    expect(restartKeys({ ...started, templatesDir: 'my-templates' }, started)).toEqual(['templates']);
  });
});
