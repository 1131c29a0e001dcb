import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.js';
import { ContentError } from '../../src/errors.js';
import { tempProject } from '../support/project.js';
import { fileSession } from '../support/session.js';

// A file outside the project whose bytes must never reach an output, whatever content says.
const SECRET = 'careerdeck-secret-7f3a9c1e-do-not-leak';
// The smallest valid PNG: a 1x1 pixel.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
// Another, red, so that the report that prints both holds two images.
const RED_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC',
  'base64',
);

let outside: string;
let secretFile: string;
const scratch: string[] = [];
// One browser for the file's three printing builds.
const session = fileSession();

beforeAll(async () => {
  outside = await mkdtemp(path.join(tmpdir(), 'careerdeck-outside-'));
  secretFile = path.join(outside, 'secret.png');
  await writeFile(secretFile, SECRET);
  scratch.push(outside);
});

afterAll(async () => {
  await Promise.all(scratch.map((d) => rm(d, { recursive: true, force: true })));
});

async function everyOutputByte(dir: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) parts.push(await readFile(path.join(entry.parentPath, entry.name)));
  return Buffer.concat(parts);
}

/**
 * How many images a PDF holds: its image objects but those that are another's transparency (an
 * RGBA PNG prints as an image and its /SMask). Each image the report shows is one of its own.
 */
function printedImages(pdf: string): number {
  const images = [...pdf.matchAll(/(\d+) 0 obj\s*<<[^>]*?\/Subtype ?\/Image/g)].map((m) => m[1]);
  const masks = new Set([...pdf.matchAll(/\/SMask (\d+) 0 R/g)].map((m) => m[1]));
  return images.filter((n) => !masks.has(n)).length;
}

async function withRoleLine(line: string) {
  const project = await tempProject('local');
  scratch.push(project.dir);
  const role = path.join(project.content, 'roles', 'ai-scientist.md');
  const text = await readFile(role, 'utf8');
  await writeFile(role, text.replace('- **Government**', `- **Government** ${line}`));
  return { ...project, role, line: text.split('\n').findIndex((l) => l === '- **Government**') + 1 };
}

describe('local files', () => {
  it.each([
    [
      'an image that climbs out of the content folder',
      () => `![x](${path.relative('/', secretFile).replace(/^/, '../../../../../../../../')})`,
      /is outside the content folder/,
    ],
    ['a file:// image', () => `![x](file://${secretFile})`, /is a URL; images must be files inside the content folder/],
    ['an absolute image path', () => `![x](${secretFile})`, /is outside the content folder/],
  ])('%s is refused with the file and line of the reference', async (_, reference, message) => {
    const project = await withRoleLine(reference());
    const error = await build({ contentDir: project.content, outDir: project.out, pdf: false }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).diagnostics).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/ai-scientist\.md$/),
        line: project.line,
        message: expect.stringMatching(message),
      }),
    ]);
  });

  it('an image inside the content folder that links to a file outside is refused', async () => {
    const project = await withRoleLine('![x](images/innocent.png)');
    await mkdir(path.join(project.content, 'roles', 'images'));
    await symlink(secretFile, path.join(project.content, 'roles', 'images', 'innocent.png'));
    const error = await build({ contentDir: project.content, outDir: project.out, pdf: false }).catch(
      (e: unknown) => e,
    );
    expect((error as ContentError).diagnostics?.[0]).toMatchObject({
      line: project.line,
      message: expect.stringMatching(/links to .*outside the content folder/),
    });
  });

  it('a role file that links outside the content folder is refused, not read', async () => {
    const project = await tempProject('local-link');
    scratch.push(project.dir);
    await symlink(secretFile, path.join(project.content, 'roles', 'stolen.md'));
    const error = await build({ contentDir: project.content, outDir: project.out, pdf: false }).catch(
      (e: unknown) => e,
    );
    expect((error as ContentError).message).toMatch(/stolen\.md: links to .*outside the content folder/);
    expect((error as ContentError).message).not.toContain(SECRET);
  });

  it('a missing image fails with the file and line of the reference', async () => {
    const project = await withRoleLine('![x](images/missing.png)');
    const error = await build({ contentDir: project.content, outDir: project.out, pdf: false }).catch(
      (e: unknown) => e,
    );
    expect((error as ContentError).diagnostics?.[0]).toMatchObject({
      file: expect.stringMatching(/ai-scientist\.md$/),
      line: project.line,
      message: expect.stringMatching(/not found/),
    });
  });

  it('iframes, file:// CSS and images written as HTML become text: not one byte of the outside file in any output, PDFs included', async () => {
    const hostile = `<iframe src="file://${secretFile}"></iframe> <img src="file://${secretFile}"> <span style="background:url(file://${secretFile})">x</span> <link rel="stylesheet" href="file://${secretFile}">`;
    const project = await withRoleLine(hostile);
    const result = await build({ contentDir: project.content, outDir: project.out, session: await session() });
    expect(result.blockedRequests).toEqual([]);
    const bytes = await everyOutputByte(project.out);
    expect(bytes.includes(SECRET)).toBe(false);
    const html = await readFile(path.join(project.out, 'ml-engineer-vs-ai-scientist', 'index.html'), 'utf8');
    expect(html).toContain('&lt;iframe src="file://');
  }, 120_000);

  /**
   * The default deck's report, with one role line showing two images saved under roles/images/:
   * a plain name, and one with a space and a "#". One build for the two tests below, made by the
   * first of them to run.
   */
  let imageBuild: Promise<{ result: BuildResult; deckDir: string; html: string; images: number }> | undefined;
  const buildWithImages = () =>
    (imageBuild ??= (async () => {
      const project = await withRoleLine(
        '![a one-pixel chart](images/pixel.png) ![a red pixel](<images/chart #1.png>)',
      );
      await mkdir(path.join(project.content, 'roles', 'images'));
      await writeFile(path.join(project.content, 'roles', 'images', 'pixel.png'), PNG);
      await writeFile(path.join(project.content, 'roles', 'images', 'chart #1.png'), RED_PNG);
      const result = await build({
        contentDir: project.content,
        outDir: project.out,
        deck: 'ml-engineer-vs-ai-scientist',
        // The report is the PDF these tests read: the other outputs would print the same images again.
        only: ['report'],
        session: await session(),
      });
      const deckDir = path.join(project.out, 'ml-engineer-vs-ai-scientist');
      const report = await readFile(path.join(deckDir, 'ml-engineer-vs-ai-scientist-report.pdf'), 'latin1');
      return {
        result,
        deckDir,
        html: await readFile(path.join(deckDir, 'index.html'), 'utf8'),
        images: printedImages(report),
      };
    })());
  const copied = (deckDir: string, name: string) =>
    readFile(path.join(deckDir, 'assets', 'content', 'roles', 'images', name));

  it('an image inside the content folder works: copied beside the deck and shown in the PDFs', async () => {
    const { result, deckDir, html, images } = await buildWithImages();
    expect(result.blockedRequests).toEqual([]);
    expect(await copied(deckDir, 'pixel.png')).toEqual(PNG);
    expect(html).toContain('<img src="assets/content/roles/images/pixel.png" alt="a one-pixel chart"');
    expect(images).toBe(2);
  }, 120_000);

  it('an image whose file name has a space and a "#" is addressed URL-encoded and printed', async () => {
    const { result, deckDir, html, images } = await buildWithImages();
    expect(result.blockedRequests).toEqual([]);
    expect(await copied(deckDir, 'chart #1.png')).toEqual(RED_PNG);
    expect(html).toContain('<img src="assets/content/roles/images/chart%20%231.png"');
    expect(images).toBe(2);
  }, 120_000);
});
