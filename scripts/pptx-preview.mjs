#!/usr/bin/env node
// Renders a .pptx through LibreOffice, to look at it as a person would without PowerPoint:
//   node scripts/pptx-preview.mjs output/<deck>/<deck>.pptx [out-dir]
// writes <out-dir>/<deck>.pdf and one PNG a page (pdftoppm, 60 dpi). Needs `soffice` (Debian:
// libreoffice-impress) and `pdftoppm` (poppler-utils); the test suite never needs them.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const [file, outArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/pptx-preview.mjs <file.pptx> [out-dir]');
  process.exit(2);
}
const out = path.resolve(outArg ?? mkdtempSync(path.join(tmpdir(), 'pptx-preview-')));
mkdirSync(out, { recursive: true });
// A profile of its own, so that a running LibreOffice (or a stale lock) does not swallow the job.
const profile = mkdtempSync(path.join(tmpdir(), 'pptx-preview-profile-'));
execFileSync(
  'soffice',
  [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, path.resolve(file)],
  { stdio: 'inherit' },
);
const pdf = path.join(out, `${path.basename(file, '.pptx')}.pdf`);
execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(out, 'slide')], { stdio: 'inherit' });
console.error(`wrote ${pdf} and ${path.join(out, 'slide-*.png')}`);
