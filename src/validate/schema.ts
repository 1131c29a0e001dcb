import type { z as zt } from 'zod';
import { z } from '../model/zod.js';
import { HEX_COLOUR } from '../model/colour.js';
import { DEFAULT_OUTPUTS, OUTPUT_KINDS } from '../model/outputs.js';
import { THEMES } from '../model/index.js';

const text = z.string().trim().min(1);
/** A title or label: one line, short enough for a running header and a slide. */
const line = text.max(120, 'is longer than 120 characters; shorten it').regex(/^[^\n\r\t]*$/, 'must be on one line');
/** A BCP 47 tag that Intl accepts (the schema regex alone let "en-US-US" through). */
export const language = z
  .string()
  .refine((tag) => {
    try {
      return Intl.getCanonicalLocales(tag).length === 1 && new Intl.DateTimeFormat(tag).resolvedOptions().locale !== '';
    } catch {
      return false;
    }
  }, 'must be a language tag such as "en" or "en-GB"')
  .default('en');
/** `labels:` of a deck (and of the config file): label key -> one line of plain text; keys are checked in labels.ts. */
export const labelsSchema = z.record(z.string(), line);
/** `dir:` of a deck (and of the config file); `auto`, like leaving it out, follows `lang`. */
export const directionSchema = z.enum(['ltr', 'rtl', 'auto'], {
  error:
    'must be "rtl", "ltr" or "auto" (the default: from lang, so rtl for ar, he, fa, ur and other right-to-left languages)',
});
/** File names of roles and decks without `.md`: they become folder and file names of outputs. */
/** Slides a handout page can show. */
export const HANDOUT_PER_PAGE = [1, 2, 3, 4, 6] as const;
/** `handout:` of a deck (and of the config file). */
export const handoutSchema = z.strictObject({
  perPage: z.literal(HANDOUT_PER_PAGE),
});

export { THEMES };

/** `theme:` of a deck (and of the config file): one of THEMES. */
export const themeSchema = z.enum(THEMES);

/**
 * `brand:` of a deck (and of the config file). The logo is still a path here: checkBrand
 * (brand.ts) resolves it like a Markdown image and checks the accent's contrast.
 */
export const brandSchema = z.strictObject({
  accent: z
    .string({
      error: (issue) =>
        issue.input === null
          ? 'is empty; quote the colour, as in accent: "#0b5fff" (an unquoted # starts a YAML comment)'
          : undefined,
    })
    .trim()
    .regex(HEX_COLOUR, 'must be a CSS hex colour such as "#0b5fff" or "#06f"')
    .optional(),
  logo: text.optional(),
  footer: line.optional(),
});

/** `brand:` as written: the logo still a path. */
export type BrandInput = zt.infer<typeof brandSchema>;

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slug = z.string().regex(SLUG, 'must be a file name without ".md", in lower case with dashes');

/** A date a figure stands for: "2024", "2024-05" or "2024-05-01" (provenance.ts reads its year). */
const asOf = z
  .union([z.string(), z.number().int()], { error: 'must be a date such as "2024" or "2024-05-01"' })
  .transform(String)
  .pipe(z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be a date such as "2024" or "2024-05-01"'));

/** `sources:` of a deck or a role: what the Sources slide and report section list. */
export const sourcesSchema = z.array(
  z.strictObject({
    title: text,
    publisher: text.optional(),
    date: z.union([text, z.number().int().transform(String)]).optional(),
    url: z.url({ protocol: /^https?$/ }).optional(),
    licence: text.optional(),
  }),
);

export const roleSchema = z.strictObject({
  title: line,
  short: text.max(40).optional(),
  summary: text.optional(),
  outlook: z
    .strictObject({
      growth: z.number().min(-100).max(1000),
      period: text.optional(),
      asOf: asOf.optional(),
      group: text.optional(),
      source: text.optional(),
    })
    .optional(),
  /** Median annual pay, in the currency it was published in: never converted. */
  pay: z
    .strictObject({
      amount: z.number().positive('must be a positive amount, such as 108020'),
      currency: z
        .string()
        .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 currency code in capitals, such as "USD" or "EUR"')
        .refine((code) => {
          try {
            new Intl.NumberFormat('en', { style: 'currency', currency: code });
            return true;
          } catch {
            return false;
          }
        }, 'is not a currency code Intl knows; use one such as "USD" or "EUR"'),
      year: z.number().int().min(1900).max(2200),
      area: text.optional(),
      asOf: asOf.optional(),
      source: text.optional(),
    })
    .optional(),
  /** The occupation codes that tie a role to O*NET/BLS (SOC) and ESCO, for new role --from and refresh. */
  soc: z
    .string()
    .regex(/^\d{2}-\d{4}(\.\d{2})?$/, 'must be a SOC or O*NET-SOC code such as "15-2051" or "15-2051.00"')
    .optional(),
  esco: text.optional(),
  sources: sourcesSchema.optional(),
  /** Not ready: in no deck, and its problems are warnings (see validate.ts). */
  draft: z.boolean().optional(),
});

export const deckSchema = z.strictObject({
  title: line,
  subtitle: line.optional(),
  roles: z.array(slug).min(2, 'list two or more roles').max(6, 'list at most six roles'),
  sections: z
    .array(text)
    .min(1)
    .refine((ids) => new Set(ids).size === ids.length, 'names a section twice; list each section once')
    .optional(),
  event: text.optional(),
  date: text.optional(),
  presenter: text.optional(),
  lang: language,
  dir: directionSchema.optional(),
  // Unset: from the language's region (model/locale.ts), unless the config file sets it.
  paper: z.enum(['A4', 'Letter']).default('A4'),
  labels: labelsSchema.optional(),
  outputs: z
    .array(z.enum(OUTPUT_KINDS))
    .refine((kinds) => new Set(kinds).size === kinds.length, 'names an output twice; list each once')
    .default([...DEFAULT_OUTPUTS]),
  handout: handoutSchema.default({ perPage: 3 }),
  url: z.url({ protocol: /^https?$/ }).optional(),
  qr: z.boolean().default(true),
  // The talk's length for the room's pacing: `45m`, `1h`, `1h30m`, in minutes.
  duration: z
    .string()
    .regex(/^(?:(\d{1,2})h)?\s*(?:(\d{1,3})m(?:in)?)?$/i, 'write the length as 45m, 1h or 1h30m')
    .refine((v) => v.trim() !== '', 'write the length as 45m, 1h or 1h30m')
    .transform((v) => {
      const m = /^(?:(\d{1,2})h)?\s*(?:(\d{1,3})m(?:in)?)?$/i.exec(v)!;
      return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
    })
    .optional(),
  // No defaults: undefined means "not set here", so a config file can fill it in.
  theme: themeSchema.optional(),
  brand: brandSchema.optional(),
  sources: sourcesSchema.default([]),
  /** Years after which check calls a figure stale, counted from `date` (default: the config's, else 3). */
  staleAfter: z.number().positive('must be a number of years, such as 3').optional(),
});
