import { describe, expect, it } from 'vitest';
import { CareerdeckError, ContentError, failOnWarnings, formatDiagnostic } from '../../src/errors.js';

describe('formatDiagnostic', () => {
  it('prints file:line:column: message, leaving out what is unknown', () => {
    expect(formatDiagnostic({ file: 'content/roles/a.md', line: 4, column: 3, message: 'bad' })).toBe(
      'content/roles/a.md:4:3: bad',
    );
    expect(formatDiagnostic({ file: 'content/roles/a.md', line: 4, message: 'bad' })).toBe('content/roles/a.md:4: bad');
    expect(formatDiagnostic({ file: 'content/roles/a.md', message: 'bad' })).toBe('content/roles/a.md: bad');
  });

  it('never prints a column without a line', () => {
    expect(formatDiagnostic({ file: 'a.md', column: 7, message: 'bad' })).toBe('a.md: bad');
  });
});

describe('errors', () => {
  it('maps error codes to exit statuses', () => {
    expect(new CareerdeckError('USAGE', 'x').exitCode).toBe(2);
    expect(new CareerdeckError('NO_BROWSER', 'x').exitCode).toBe(3);
    expect(new CareerdeckError('TIMEOUT', 'x').exitCode).toBe(3);
    expect(new CareerdeckError('INTERRUPTED', 'x').exitCode).toBe(130);
  });

  it('keeps every diagnostic of a ContentError and lists them one per line', () => {
    const error = new ContentError([
      { file: 'a.md', line: 1, message: 'one' },
      { file: 'b.md', message: 'two' },
    ]);
    expect(error).toBeInstanceOf(CareerdeckError);
    expect(error.code).toBe('CONTENT');
    expect(error.exitCode).toBe(1);
    expect(error.message).toBe('a.md:1: one\nb.md: two');
    expect(error.diagnostics).toHaveLength(2);
  });

  it('keeps the cause', () => {
    const cause = new Error('root');
    expect(new CareerdeckError('BROWSER', 'x', { cause }).cause).toBe(cause);
  });
});

describe('warnings', () => {
  it('are printed with "warning:" after the place, split from errors, and turned into errors by asErrors', async () => {
    const { asErrors, formatDiagnostic, partition } = await import('../../src/errors.js');
    const warning = {
      file: 'content/roles/a.md',
      line: 4,
      message: 'heading "Skills" is only in a.md',
      severity: 'warning' as const,
    };
    const error = { file: 'content/roles/b.md', line: 2, message: 'title is missing' };
    expect(formatDiagnostic(warning)).toBe('content/roles/a.md:4: warning: heading "Skills" is only in a.md');
    expect(formatDiagnostic(error)).toBe('content/roles/b.md:2: title is missing');
    expect(partition([warning, error])).toEqual({ errors: [error], warnings: [warning] });
    expect(formatDiagnostic(asErrors([warning])[0]!)).toBe('content/roles/a.md:4: heading "Skills" is only in a.md');
  });
});

describe('the one --strict check (build and check)', () => {
  const warning = { file: 'content/roles/a.md', line: 3, message: 'probably not meant', severity: 'warning' as const };

  it('lets warnings pass without --strict, and no warnings pass with it', () => {
    expect(() => failOnWarnings([warning], false)).not.toThrow();
    expect(() => failOnWarnings([warning], undefined)).not.toThrow();
    expect(() => failOnWarnings([], true)).not.toThrow();
  });

  it('with --strict throws the warnings as errors (exit 1), at their places', () => {
    let thrown: unknown;
    try {
      failOnWarnings([warning], true);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ContentError);
    expect((thrown as ContentError).exitCode).toBe(1);
    expect((thrown as ContentError).diagnostics).toEqual([
      { file: 'content/roles/a.md', line: 3, message: 'probably not meant' },
    ]);
  });
});
