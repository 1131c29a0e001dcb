import type { Diagnostic } from '../errors.js';

/** What a build reports as it writes each output. */
export interface ProgressEvent {
  deck: string;
  file: string;
  bytes: number;
  ms: number;
  pages?: number | undefined;
}

export interface OutputFile {
  file: string;
  bytes: number;
  pages?: number | undefined;
}

export interface BuildResult {
  /**
   * Per deck: the outputs written, those left alone because their inputs did not change, and
   * those an earlier build wrote that this one no longer makes, removed from the folder.
   */
  decks: {
    slug: string;
    dir: string;
    slides: number;
    outputs: OutputFile[];
    upToDate: string[];
    removed?: string[] | undefined;
  }[];
  /** How many times this build started Chromium (0 or 1; 0 when a kept-warm session was already running). */
  browserLaunches: number;
  /** Requests the browser attempted that were not for our own files (refused). */
  blockedRequests: string[];
  /** Content that builds but probably is not what its author meant; each names its file and line. */
  warnings: Diagnostic[];
  /** The browser the PDFs were printed with; undefined when nothing was printed. */
  browser?: FoundBrowser | undefined;
}

/** Where the browser that prints was found. */
export type BrowserOrigin = 'option' | 'environment' | 'puppeteer' | 'system';

export interface FoundBrowser {
  executablePath: string;
  origin: BrowserOrigin;
}
