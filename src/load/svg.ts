import createDOMPurify, { type DOMPurify } from 'dompurify';
import { JSDOM } from 'jsdom';

/**
 * Makes an SVG image from the content safe to copy beside a deck: opened on its own (or from a
 * deck folder put on a web server) an SVG is a document that can run script and fetch, so a
 * copied one must hold nothing that runs or loads (issue 15). DOMPurify, on jsdom as its authors
 * recommend for servers, removes scripts, event handlers, `javascript:` URLs and foreign objects;
 * the hooks below also remove every reference to another file: an `href` or `xlink:href` that is
 * not a `#fragment` or an embedded raster image, `url(...)` to elsewhere and `@import` in styles.
 *
 * Loaded only when the content shows an SVG, so other builds never load jsdom.
 */
export type SvgResult =
  { ok: true; svg: string; removed: string[] } | { ok: false; message: string; line?: number | undefined };

// A reference that stays inside the SVG, or an embedded raster image (which cannot run script).
const LOCAL_REF = /^\s*(#|data:image\/(png|jpeg|gif|webp)[;,])/i;
// Any url(...) in CSS or a presentation attribute, quoted or not.
const CSS_URL = /url\(\s*(['"]?)([^'")]*)\1\s*\)/gi;
const REFERENCE_ATTRIBUTES = new Set(['href', 'xlink:href', 'src']);

let purifier: { purify: DOMPurify; window: JSDOM['window'] } | undefined;

export function sanitizeSvg(text: string): SvgResult {
  purifier ??= createPurifier();
  const { purify, window } = purifier;
  // The prolog goes: an XML declaration is not markup DOMPurify keeps, and a DOCTYPE could
  // declare entities. An entity used without it then makes the file not well-formed: refused.
  // Each cut part leaves its line breaks, so that a parse error's line is the file's.
  const blank = (part: string) => part.replace(/[^\n]/g, '');
  const body = text
    .replace(/^\uFEFF/, '')
    .replace(/^\s*<\?xml[^>]*\?>/, blank)
    .replace(/^\s*<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>/i, blank);
  const parsed = new window.DOMParser().parseFromString(body, 'image/svg+xml');
  const error = parsed.getElementsByTagName('parsererror')[0];
  if (error)
    return {
      ok: false,
      message: `is not a well-formed SVG file (${firstLine(error.textContent ?? '')}); open and save it again in an SVG editor`,
      line: lineOf(error.textContent ?? ''),
    };
  const root = parsed.documentElement;
  if (root?.localName !== 'svg' || root.namespaceURI !== 'http://www.w3.org/2000/svg') {
    return {
      ok: false,
      message: 'is not an SVG image (its root element is not <svg> in the SVG namespace); export it again as SVG',
    };
  }
  // Sanitized as HTML parses inline SVG (DOMPurify's allowlists are written for that; in its XML
  // mode they miss camel-cased names such as linearGradient), then written out as XML.
  const fragment = purify.sanitize(body, {
    USE_PROFILES: { svg: true, svgFilters: true },
    ADD_TAGS: ['use'],
    FORBID_TAGS: ['foreignObject', 'script', 'iframe', 'animate', 'set', 'animateMotion', 'animateTransform'],
    RETURN_DOM_FRAGMENT: true,
  });
  const removed = [...new Set(purify.removed.flatMap(describe)), ...changed.splice(0)];
  const svg = fragment.firstElementChild;
  if (svg?.localName !== 'svg' || fragment.children.length !== 1)
    return {
      ok: false,
      message:
        'has nothing left once the parts that could run script or load other files are removed; export it again as a plain SVG',
    };
  return {
    ok: true,
    svg: `<?xml version="1.0" encoding="UTF-8"?>\n${new window.XMLSerializer().serializeToString(svg)}\n`,
    removed: [...new Set(removed)],
  };
}

// What the hooks changed in the current call, for the warning that names what was removed.
const changed: string[] = [];

function createPurifier(): { purify: DOMPurify; window: JSDOM['window'] } {
  const { window } = new JSDOM('');
  const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
  purify.addHook('uponSanitizeAttribute', (_node, event) => {
    const name = event.attrName.toLowerCase();
    const value = event.attrValue;
    if (REFERENCE_ATTRIBUTES.has(name) && !LOCAL_REF.test(value)) {
      event.keepAttr = false;
      changed.push(`${name}="${value.slice(0, 40)}"`);
    } else if (hasOutsideUrl(value) || (name === 'style' && value.includes('\\'))) {
      event.keepAttr = false;
      changed.push(`${name} with url(...) to another file`);
    }
  });
  purify.addHook('uponSanitizeElement', (node, event) => {
    if (event.tagName !== 'style') return;
    const css = node.textContent ?? '';
    // CSS escapes could spell "url(" or "@import" past any pattern: a style with one is dropped.
    const cleaned = css.includes('\\')
      ? ''
      : css
          .replace(/@import[^;]*;?/gi, '')
          .replace(CSS_URL, (all, _q, url: string) => (LOCAL_REF.test(url) ? all : 'none'));
    if (cleaned !== css) {
      node.textContent = cleaned;
      changed.push('@import or url(...) to another file in <style>');
    }
  });
  return { purify, window };
}

function hasOutsideUrl(value: string): boolean {
  return [...value.matchAll(CSS_URL)].some((m) => !LOCAL_REF.test(m[2] ?? ''));
}

function describe(entry: { element?: unknown; attribute?: unknown }): string[] {
  // Attributes the hooks refused are named by them, with their value.
  if ('attribute' in entry && entry.attribute) {
    const name = (entry.attribute as Attr).name;
    return REFERENCE_ATTRIBUTES.has(name.toLowerCase()) || name === 'style' ? [] : [name];
  }
  const element = entry.element as Element | undefined;
  if (element?.nodeType !== 1) return [];
  // The wrapper DOMPurify parses into is not the author's.
  return ['body', 'html', 'head'].includes(element.localName) ? [] : [`<${element.localName}>`];
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0]?.slice(0, 120) ?? 'parse error';
}

/** The line of a parse error ("3:12: unexpected close tag"), counting the prolog that was cut. */
function lineOf(text: string): number | undefined {
  const found = /^\s*(\d+):\d+:/.exec(text);
  return found ? Number(found[1]) : undefined;
}
