// Entry of scripts/review-pages.mjs: prints the measurements of tests/support/page-review.ts.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { reviewPdf } from '../tests/support/page-review.js';

const args = process.argv.slice(2).filter((a) => a !== '--');
const dir = args.find((a) => !a.startsWith('--'));
if (!dir) {
  process.stderr.write('usage: node scripts/review-pages.mjs <built deck folder> [--json]\n');
  process.exit(2);
}
const report: Record<string, Awaited<ReturnType<typeof reviewPdf>>> = {};
for (const name of (await readdir(dir)).filter((n) => n.endsWith('.pdf')).sort())
  report[name] = await reviewPdf(path.join(dir, name));
if (args.includes('--json')) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
else
  for (const [name, pages] of Object.entries(report)) {
    process.stdout.write(`${name}\n`);
    for (const p of pages)
      process.stdout.write(
        `  p${p.page}: min ${p.minTextPt ?? '-'} pt, foot blank ${(p.footBlank * 100).toFixed(0)}%, QR ${p.qrMm ?? '-'} mm` +
          (p.brokenWords.length ? `, broken: ${p.brokenWords.join(' ')}` : '') +
          '\n',
      );
  }
