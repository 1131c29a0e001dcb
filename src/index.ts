/** careerdeck's library API: the typed build and the content model it works on. */
export { loadModel } from './content.js';
export { build, type BuildOptions, type BuildResult, type OutputFile, type ProgressEvent } from './build.js';
export {
  CareerdeckError,
  ContentError,
  ExitCode,
  formatDiagnostic,
  type Diagnostic,
  type ErrorCode,
  type SourceLocation,
} from './errors.js';
export type { ContentModel, Deck, Keyword, Role, Section } from './model/index.js';
export type { Comparison, Overlap } from './compare/compare.js';
export { defineConfig, type CareerdeckConfig } from './config/define.js';
export { startDevServer, type DevServer, type DevServerOptions } from './dev/server.js';
