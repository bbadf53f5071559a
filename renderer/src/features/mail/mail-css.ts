/**
 * Cleans the CSS of a received mail (a `<style>` element or a `style` attribute) without a DOM,
 * so it can be tested anywhere. Nothing here is the last line of defence — the mail frame's own
 * CSP loads images only from data: URLs — but a cleaned sheet also keeps a blocked mail from
 * even trying (`@import`, `url()`, `image-set()`), and keeps `<` out of a `<style>` element's
 * text so it can never close the element.
 */

/** Turns an image URL into what may be shown (a data: URL), or null to drop it. */
export type CssUrlResolver = (url: string) => string | null;

export interface CleanCss {
  css: string;
  /** Every URL referenced through url()/src(), in order, before resolving. */
  urls: string[];
  /** References dropped because the resolver had nothing for them, and functions removed outright. */
  dropped: number;
}

/** Functions whose argument is one URL: replaced by the resolved data: URL or by `none`. */
const URL_FUNCTIONS = new Set(['url', 'src']);
/**
 * Functions that take URLs as plain strings, or old engines' scripting hooks: always replaced
 * by `none` (they are rare in mail and hard to resolve one candidate at a time).
 */
const DROPPED_FUNCTIONS = new Set(['image-set', '-webkit-image-set', 'image', 'cross-fade', '-webkit-cross-fade', 'element', '-moz-element', 'expression', 'paint']);

/**
 * Resolves CSS escapes (`\75 rl(` is `url(`), so the checks below see what the browser's CSS
 * parser will see. A decoded quote may end a string early; that only makes the sheet invalid
 * from there on, never more capable, because every check runs on the decoded text.
 */
export function unescapeCss(css: string): string {
  return css.replace(/\\(?:([0-9a-f]{1,6})[ \t\n\r\f]?|(\r\n|[\n\r\f])|([\s\S]))/gi, (_m, hex: string | undefined, newline: string | undefined, char: string | undefined) => {
    if (hex !== undefined) {
      const cp = parseInt(hex, 16);
      return cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? '\uFFFD' : String.fromCodePoint(cp);
    }
    if (newline !== undefined) return '';
    return char ?? '';
  });
}

/** The index just past the `)` that closes the function whose `(` is at `open`; quotes and nesting respected. */
function closingParen(css: string, open: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = open; i < css.length; i++) {
    const c = css[i]!;
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '(') {
      depth++;
    } else if (c === ')') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return css.length;
}

function unquote(arg: string): string {
  const s = arg.trim();
  return /^(["']).*\1$/s.test(s) ? s.slice(1, -1).trim() : s;
}

/** A data: URL may only carry what CSS can put in a quoted string without escaping. */
function quotedUrl(url: string): string {
  return `url("${url.replace(/["\\\n\r\f<]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}")`;
}

export function cleanMailCss(input: string, resolve: CssUrlResolver): CleanCss {
  const urls: string[] = [];
  let dropped = 0;
  let css = unescapeCss(input)
    // Comments could hide nothing after decoding, but removing them keeps the scans simple.
    .replace(/\/\*[\s\S]*?(?:\*\/|$)/g, ' ')
    // `<!--` and `-->` are no-ops in a sheet (old browsers' hiding trick) and must not become `\3c `.
    .replace(/<!--|-->/g, ' ')
    // Imports fetch a whole sheet: never.
    .replace(/@import\b[^;]*(?:;|$)/gi, () => {
      dropped++;
      return '';
    })
    // Scripting hooks of old engines.
    .replace(/(^|[^\w-])(behavior|-moz-binding)\s*:/gi, '$1x-removed:');

  let out = '';
  let from = 0;
  // A lookbehind, not a consumed prefix: `url(a)url(b)` has no character between the two.
  const functionStart = /(?<![\w-])(-?[a-z][\w-]*)\s*\(/gi;
  for (let m = functionStart.exec(css); m; m = functionStart.exec(css)) {
    const name = m[1]!.toLowerCase();
    if (!URL_FUNCTIONS.has(name) && !DROPPED_FUNCTIONS.has(name)) continue;
    const start = m.index;
    const open = css.indexOf('(', start);
    const end = closingParen(css, open);
    let replacement = 'none';
    if (URL_FUNCTIONS.has(name)) {
      const url = unquote(css.slice(open + 1, end - 1));
      urls.push(url);
      const shown = url ? resolve(url) : null;
      if (shown) replacement = quotedUrl(shown);
      else dropped++;
    } else {
      dropped++;
    }
    out += css.slice(from, start) + replacement;
    from = end;
    functionStart.lastIndex = end;
  }
  css = out + css.slice(from);
  // `</style>` inside a sheet would end the element; `\3c ` is the same character to CSS.
  return { css: css.replace(/</g, '\\3c '), urls, dropped };
}
