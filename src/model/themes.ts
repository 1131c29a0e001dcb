import type { ThemeName } from './content.js';

/** The built-in themes; the palettes are in src/render/themes.ts. Here, apart from the schema, so the CLI can list them without loading zod. */
export const THEMES = ['light', 'dark', 'high-contrast'] as const satisfies readonly ThemeName[];
