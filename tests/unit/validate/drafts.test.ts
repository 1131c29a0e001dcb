import { describe, expect, it } from 'vitest';
import { ContentError } from '../../../src/errors.js';
import type { SourceFile } from '../../../src/load/source.js';
import { type BuildScope, validateContent } from '../../../src/validate/validate.js';
import { deckFile, lines, roleFile } from '../source-files.js';

const ready = (slug: string) => roleFile(slug, lines('---', `title: ${slug}`, '---', '## Definition', '', 'Works.'));
/** Unfinished: no title, an empty section (line 4), text before the first heading. */
const unfinished = (slug: string, ...front: string[]) =>
  roleFile(
    slug,
    lines('---', ...front, '---', '## Definition', '', '<!-- write here -->', '', '## Skills', '', '- **SQL**'),
  );
const deck = (slug: string, roles: string) =>
  deckFile(slug, lines('---', `title: ${slug}`, `roles: [${roles}]`, '---', '## Intro', '', 'Hi.'));

function validate(files: SourceFile[], scope?: BuildScope) {
  return validateContent(files, [], 'content', {}, scope);
}
function errorOf(files: SourceFile[], scope?: BuildScope): ContentError {
  try {
    validate(files, scope);
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw error;
  }
  throw new Error('expected a ContentError');
}

describe('draft roles', () => {
  it("turns a draft's own problems into warnings at their lines, and keeps it out of the model", () => {
    const model = validate([ready('a'), ready('b'), unfinished('new-role', 'draft: true'), deck('d', 'a, b')]);
    expect(model.warnings.map((w) => [w.file, w.line, w.severity])).toEqual([
      ['content/roles/new-role.md', 4, 'warning'],
      ['content/roles/new-role.md', 2, 'warning'],
    ]);
    expect(model.warnings[0]?.message).toMatch(/^section "Definition" is empty/);
    expect(model.warnings[1]?.message).toMatch(
      /"title" is required.*\(a warning while the role is a draft; an error once "draft: true" is removed\)$/,
    );
    expect([...model.roles.keys()]).toEqual(['a', 'b']);
  });

  it('reports the same file as errors once it is no longer a draft', () => {
    const error = errorOf([ready('a'), ready('b'), unfinished('new-role', 'draft: false'), deck('d', 'a, b')]);
    expect(error.diagnostics.map((d) => [d.file, d.line, d.severity])).toEqual([
      ['content/roles/new-role.md', 4, undefined],
      ['content/roles/new-role.md', 2, undefined],
    ]);
  });

  it('builds a deck that lists a draft without it, with a warning at its line', () => {
    const model = validate([
      ready('a'),
      ready('b'),
      unfinished('new-role', 'draft: true'),
      deckFile('d', lines('---', 'title: D', 'roles:', '  - a', '  - new-role', '  - b', '---', '## Intro', '', 'Hi.')),
    ]);
    expect(model.decks[0]?.roles).toEqual(['a', 'b']);
    expect(model.warnings).toContainEqual(
      expect.objectContaining({
        file: 'content/decks/d.md',
        line: 5,
        severity: 'warning',
        message:
          'role "new-role" is a draft ("draft: true" in content/roles/new-role.md), so the deck is built without it; remove that line when the role is ready',
      }),
    );
  });

  it('refuses a deck left with one role without its draft, naming the fix', () => {
    const error = errorOf([ready('a'), unfinished('new-role', 'title: New', 'draft: true'), deck('d', 'a, new-role')]);
    const errors = error.diagnostics.filter((d) => d.severity !== 'warning');
    expect(errors).toEqual([
      expect.objectContaining({
        file: 'content/decks/d.md',
        line: 3,
        message: expect.stringMatching(
          /role "new-role" is a draft .* fewer than two roles; remove that line when the role is ready, or list another role here/,
        ),
      }),
    ]);
  });
});

describe('what a build validates', () => {
  const files = () => [
    ready('a'),
    ready('b'),
    ready('c'),
    unfinished('unused', 'title: Unused'),
    deck('one', 'a, b'),
    deckFile('two', lines('---', 'title: Two', 'roles: [a, ghost]', '---', '## Intro', '', 'Hi.')),
  ];

  it('check (no scope) reports every file', () => {
    const files_ = errorOf(files()).diagnostics.map((d) => d.file);
    expect(files_).toEqual(expect.arrayContaining(['content/roles/unused.md', 'content/decks/two.md']));
  });

  it('a build of one deck is not blocked by a role it does not use, nor by another deck', () => {
    const model = validate(files(), { deck: 'one' });
    expect(model.decks.map((d) => d.slug)).toEqual(['one']);
    expect(model.warnings).toEqual([]);
  });

  it('a build of every deck is not blocked by a role no deck uses', () => {
    const withoutTwo = files().filter((f) => f.slug !== 'two');
    expect(validate(withoutTwo, {}).decks.map((d) => d.slug)).toEqual(['one']);
    expect(() => validate(withoutTwo)).toThrow(ContentError);
  });

  it('still fails on a role the built deck uses, and leaves the images of unused files out', () => {
    const broken = unfinished('b', 'title: B');
    expect(
      errorOf([ready('a'), broken, deck('one', 'a, b')], { deck: 'one' })
        .diagnostics.filter((d) => d.severity !== 'warning')
        .map((d) => d.file),
    ).toEqual(['content/roles/b.md']);
    const pictured = roleFile('c', lines('---', 'title: C', '---', '## Definition', '', '![A chart](../img/x.png)'));
    expect(validate([ready('a'), ready('b'), pictured, deck('one', 'a, b')], { deck: 'one' }).images).toEqual([]);
  });

  it("drops a draft's warnings from a build: no deck uses it", () => {
    const model = validate([ready('a'), ready('b'), unfinished('new-role', 'draft: true'), deck('one', 'a, b')], {});
    expect(model.warnings).toEqual([]);
  });
});
