/**
 * Content is data, never template source: Handlebars syntax in titles, list items, paragraphs,
 * headings and speaker notes is printed literally in index.html (read as text by a real DOM)
 * and never evaluated, and Object.prototype is left as it was.
 */
import { randomBytes } from 'node:crypto';
import { access, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { launchTestBrowser } from '../support/chromium.js';
import { fold } from '../support/pdf.js';
import { lines, prototypeKeys, tempProject, type TempProject } from './helpers.js';

const MARKER = path.join(tmpdir(), `careerdeck-rel-hbs-marker-${randomBytes(6).toString('hex')}`);

const CONSTRUCTOR = '{{constructor.constructor "return process"}}';
const PROTO_WITH = '{{#with __proto__}}x{{/with}}';
const RAW = '{{{raw}}}';
const PARTIAL = '{{> partial}}';
const COMMENT = '{{! a comment a template would swallow}}';
const LOOKUP = '{{lookup this "constructor"}}';
const EACH = '{{#each this}}{{@key}}={{this}};{{/each}}';
/** The classic Handlebars remote-code payload (before 4.6): would write MARKER if compiled. */
const RCE =
  '{{#with "s" as |string|}}{{#with "e"}}{{#with split as |conslist|}}{{this.pop}}{{this.push (lookup string.sub "constructor")}}{{this.pop}}' +
  `{{#with string.split as |codelist|}}{{this.pop}}{{this.push "return require('fs').writeFileSync('${MARKER}', 'x');"}}{{this.pop}}` +
  '{{#each conslist}}{{#with (string.sub.apply 0 codelist)}}{{this}}{{/with}}{{/each}}{{/with}}{{/with}}{{/with}}{{/with}}';

const files = {
  'roles/alpha.md': lines(
    '---',
    `title: '${CONSTRUCTOR}'`,
    `short: '${RAW}'`,
    `summary: '${PROTO_WITH} ${PARTIAL}'`,
    '---',
    '',
    `## Skills ${PARTIAL}`,
    '',
    `- ${CONSTRUCTOR} **Python**`,
    // In Markdown `__proto__` would be bold; a code span keeps the underscores literal.
    `- \`${PROTO_WITH}\` **SQL**`,
    `- ${RAW} and ${PARTIAL} **Git**`,
    `- Visible ${COMMENT} end **Docker**`,
    `- ${LOOKUP} and ${EACH} **Linux**`,
    '',
    `Payload: ${RCE}`,
    '',
    `Note: ${CONSTRUCTOR} ${RAW} ${PARTIAL} ${COMMENT}`,
  ),
  'roles/beta.md': lines(
    '---',
    `title: 'Beta ${PARTIAL}'`,
    `short: '${PROTO_WITH}'`,
    '---',
    '',
    `## Skills ${PARTIAL}`,
    '',
    `- ${EACH} **Python**`,
    `- ${RAW} **R**`,
  ),
  'decks/templated.md': lines(
    '---',
    `title: '${RAW} deck ${CONSTRUCTOR}'`,
    `subtitle: '${PARTIAL}'`,
    `presenter: '${PROTO_WITH}'`,
    `event: '${LOOKUP}'`,
    'roles: [alpha, beta]',
    '---',
    '',
    '## Introduction',
    '',
    `Intro ${EACH} and ${COMMENT}.`,
    '',
    `Note: ${RCE}`,
  ),
};

let project: TempProject;
let browser: Browser;
let slidesText: string;
let headTitle: string;
let scriptCount: number;
const before = prototypeKeys();

beforeAll(async () => {
  project = await tempProject('templates', files);
  const [launched] = await Promise.all([
    launchTestBrowser(),
    build({ contentDir: project.content, outDir: project.out, pdf: false }),
  ]);
  browser = launched;
  const html = await readFile(path.join(project.out, 'templated', 'index.html'), 'utf8');
  const page = await browser.newPage();
  try {
    await page.setJavaScriptEnabled(false);
    await page.setContent(html, { waitUntil: 'domcontentloaded' });
    [slidesText, headTitle, scriptCount] = await page.evaluate(
      () =>
        [
          document.querySelector('.reveal .slides')?.textContent ?? '',
          document.title,
          document.querySelectorAll('.reveal .slides script').length,
        ] as [string, string, number],
    );
  } finally {
    await page.close();
  }
});

afterAll(async () => {
  await browser?.close();
  await project?.remove();
  await rm(MARKER, { force: true });
});

describe('Handlebars syntax in content is shown literally in index.html', () => {
  it('in role titles, short names and summaries (front matter)', () => {
    const text = fold(slidesText);
    expect(text).toContain(CONSTRUCTOR);
    expect(text).toContain(RAW);
    expect(text).toContain(`Beta ${PARTIAL}`);
    expect(text).toContain(PROTO_WITH);
  });

  it('in list items, paragraphs and section headings', () => {
    const text = fold(slidesText);
    expect(text).toContain(`${CONSTRUCTOR} Python`);
    expect(text).toContain(`${PROTO_WITH} SQL`);
    expect(text).toContain(`${RAW} and ${PARTIAL} Git`);
    expect(text).toContain(`Visible ${COMMENT} end Docker`);
    expect(text).toContain(`${LOOKUP} and ${EACH} Linux`);
    expect(text).toContain(`Payload: ${RCE}`);
    expect(text).toContain(`Skills ${PARTIAL}`);
  });

  it('in speaker notes', () => {
    const text = fold(slidesText);
    expect(text).toContain(`${CONSTRUCTOR} ${RAW} ${PARTIAL} ${COMMENT}`);
    expect(text).toContain(RCE);
  });

  it("in the deck's own front matter and prose, including the page title", () => {
    const text = fold(slidesText);
    expect(text).toContain(`${RAW} deck ${CONSTRUCTOR}`);
    expect(text).toContain(`Intro ${EACH} and ${COMMENT}.`);
    expect(text).toContain(LOOKUP);
    expect(headTitle).toContain(`${RAW} deck ${CONSTRUCTOR}`);
    expect(scriptCount).toBe(0);
  });
});

describe('nothing was evaluated', () => {
  it('the remote-code payload wrote no marker', async () => {
    await expect(access(MARKER)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('Object.prototype is unchanged and no process object leaked into the page', () => {
    expect(prototypeKeys()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // What `constructor.constructor "return process"` would print if it ran.
    expect(slidesText).not.toContain('[object process]');
    expect(slidesText).not.toMatch(/function Object\(\)|\[native code\]/);
  });
});
