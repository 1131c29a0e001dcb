import type { z as zt } from 'zod';
import { z } from '../model/zod.js';
import { OUTPUT_KINDS } from '../model/outputs.js';
import {
  brandSchema,
  directionSchema,
  handoutSchema,
  labelsSchema,
  language,
  themeSchema,
} from '../validate/schema.js';

const folder = z.string().trim().min(1);

/** careerdeck.config.*: build settings, and defaults for decks that leave a key unset. */
export const configSchema = z.strictObject({
  content: folder.optional(),
  out: folder.optional(),
  templates: folder.optional(),
  browser: folder.optional(),
  timeout: z.number().int().positive().optional(),
  pdf: z.boolean().optional(),
  theme: themeSchema.optional(),
  brand: brandSchema.optional(),
  paper: z.enum(['A4', 'Letter']).optional(),
  handout: handoutSchema.optional(),
  // The deck schema's language check, without its default: unset must stay unset here.
  lang: language.unwrap().optional(),
  labels: labelsSchema.optional(),
  dir: directionSchema.optional(),
  staleAfter: z.number().positive('must be a number of years, such as 3').optional(),
  outputs: z
    .array(z.enum(OUTPUT_KINDS))
    .refine((kinds) => new Set(kinds).size === kinds.length, 'names an output twice; list each once')
    .optional(),
});

export type ConfigValues = zt.infer<typeof configSchema>;
