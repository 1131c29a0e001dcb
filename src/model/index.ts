/**
 * The shared model: what every stage may import. The content model that validation produces,
 * the output kinds, the deck settings that come from the config file and the command line, and
 * what a build returns. Types and constants only; no stage's code.
 */
export type * from './content.js';
export * from './outputs.js';
export type * from './settings.js';
export type * from './results.js';
export type * from './plan.js';
export type * from './flow.js';
export { THEMES } from './themes.js';
export { assetHref } from './assets.js';
export { blockImages, blockTexts } from './blocks.js';
