/** Where in a content file something went wrong. Lines and columns are 1-based. */
export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
}

/** One content problem: where it is and what to change. */
export interface Diagnostic extends SourceLocation {
  message: string;
  /**
   * A warning is reported (`file:line: warning: ...`) but fails nothing unless `--strict` is
   * given: for content that builds but probably is not what the author meant. Default: an error.
   */
  severity?: 'error' | 'warning' | undefined;
}

export function isWarning(d: Diagnostic): boolean {
  return d.severity === 'warning';
}

/** Splits diagnostics into the errors that stop a build and the warnings that do not. */
export function partition(diagnostics: readonly Diagnostic[]): { errors: Diagnostic[]; warnings: Diagnostic[] } {
  return { errors: diagnostics.filter((d) => !isWarning(d)), warnings: diagnostics.filter(isWarning) };
}

/** `--strict`: the same problems, as errors. */
export function asErrors(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map(({ severity: _, ...d }) => d);
}

/**
 * The one `--strict` check, of `build` and `check` alike: with `strict`, warnings fail as errors
 * (a ContentError, exit 1), thrown before anything is written.
 */
export function failOnWarnings(warnings: readonly Diagnostic[], strict: boolean | undefined): void {
  if (strict && warnings.length > 0) throw new ContentError(asErrors(warnings));
}

/** Exit statuses of the CLI, shared with the library so callers can map errors to them. */
export const ExitCode = {
  ok: 0,
  content: 1,
  usage: 2,
  environment: 3,
  /** Stopped by SIGINT (Ctrl-C): 128 + 2, as shells and CI expect. */
  interrupted: 130,
  /** Stopped by SIGTERM: 128 + 15. */
  terminated: 143,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export type ErrorCode =
  'CONTENT' | 'CONFIG' | 'USAGE' | 'NO_BROWSER' | 'BROWSER' | 'TIMEOUT' | 'OUTPUT' | 'INTERRUPTED';

const exitCodes: Record<ErrorCode, ExitCode> = {
  CONTENT: ExitCode.content,
  CONFIG: ExitCode.usage,
  USAGE: ExitCode.usage,
  NO_BROWSER: ExitCode.environment,
  BROWSER: ExitCode.environment,
  TIMEOUT: ExitCode.environment,
  OUTPUT: ExitCode.environment,
  INTERRUPTED: ExitCode.interrupted,
};

/** The one base error of careerdeck: a code that maps to an exit status, and the cause kept. */
export class CareerdeckError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CareerdeckError';
    this.code = code;
  }

  get exitCode(): ExitCode {
    return exitCodes[this.code];
  }
}

/** Problems with a place in a file, all found in one run and reported together. */
export class DiagnosticsError extends CareerdeckError {
  readonly diagnostics: readonly Diagnostic[];

  constructor(code: 'CONTENT' | 'CONFIG', diagnostics: readonly Diagnostic[]) {
    super(code, diagnostics.map(formatDiagnostic).join('\n'));
    this.diagnostics = diagnostics;
  }
}

/**
 * Every content problem found in one run, reported together rather than one at a time. Its
 * diagnostics may include warnings found in the same run, so that they are shown too; only the
 * errors made it fail.
 */
export class ContentError extends DiagnosticsError {
  constructor(diagnostics: readonly Diagnostic[]) {
    super('CONTENT', diagnostics);
    this.name = 'ContentError';
  }
}

/** Problems in the config file: wrong usage (exit 2), reported like content problems. */
export class ConfigError extends DiagnosticsError {
  constructor(diagnostics: readonly Diagnostic[]) {
    super('CONFIG', diagnostics);
    this.name = 'ConfigError';
  }
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = [d.file, d.line, d.line === undefined ? undefined : d.column].filter((p) => p !== undefined);
  return `${where.join(':')}: ${isWarning(d) ? 'warning: ' : ''}${d.message}`;
}
