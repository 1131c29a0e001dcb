import { createRequire } from 'node:module';
import type { z as Zod } from 'zod';

/**
 * zod, loaded once for every schema of careerdeck, without its translations. Its index loads
 * all of its ~50 locale modules at import (`export * as locales`, even from `zod/mini` and
 * `zod/v4/core`), a third of its loading time (~40 ms of CPU), on every build that reads content,
 * for messages careerdeck never shows: it shows zod's English ones (schema-diagnostics.ts), which
 * its schemas load directly (`classic/schemas` requires `locales/en`, not the index). Node's ESM loader has no hook short of a loader thread, so zod is loaded as CommonJS
 * (pinned version: both builds ship) with its locale index held in `require`'s cache as an
 * empty module for the length of that one `require`; the entry is then removed, so any other
 * `require` of `zod/v4/locales` in the process gets the real one. Every runtime use of zod goes
 * through here: a second copy (the ESM build) would load it all again and fail `instanceof`.
 */
const require = createRequire(import.meta.url);

function loadZod(): typeof Zod {
  const locales = require.resolve('zod/v4/locales');
  const held = require.cache[locales] === undefined;
  if (held) {
    require.cache[locales] = {
      id: locales,
      filename: locales,
      loaded: true,
      exports: {},
    } as NodeJS.Module;
  }
  try {
    return (require('zod') as { z: typeof Zod }).z;
  } finally {
    if (held) delete require.cache[locales];
  }
}

export const z = loadZod();
