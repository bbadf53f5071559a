import { compile, type HtmlToTextOptions } from 'html-to-text';
import { decodeUnlabelled } from './charset-guessing.ts';

/**
 * Plain text derived for a message's preview and search row when the message itself has none:
 * from its HTML, or, for a message that could only be stored raw, from the raw bytes if they
 * are text at all.
 */

/**
 * How much HTML (after dropping styles, scripts, comments and inline data: images) is turned
 * into text. The text only feeds the preview (200 characters) and the search row (the first
 * 64 KB, message-writer.ts); the reading pane shows the HTML itself. Measured on our 2-core
 * build machine with the 2.5 MB newsletter of mail-parse.test.ts (style block, inline image,
 * 14,000-row table): html-to-text over all of it took 0.8 s; this function took 0.05-0.24 s
 * (warm-cold) and gave 110 KB of text, more than is indexed. A 2.4 MB table without the
 * style and image: 1.2 s in all against 0.13 s.
 */
export const MAX_HTML_FOR_TEXT = 512 * 1024;

/**
 * Deeper than this, HTML is flattened by stripping tags instead: html-to-text's parser slows
 * down with the square of the depth (200,000 nested <div>s took 36 s), and real mail is never
 * nested this deep. The same bound as mailparser's own.
 */
const MAX_NESTING = 1000;

const OPTIONS: HtmlToTextOptions = {
  // The text is for a one-line preview and for search: lines as the HTML breaks them, no wrapping.
  wordwrap: false,
  limits: { maxDepth: MAX_NESTING },
  selectors: [
    { selector: 'img', format: 'skip' },
    // Tracking links would fill the preview and the index with URLs nobody searches for.
    { selector: 'a', options: { ignoreHref: true } },
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } })),
    { selector: 'th', options: { uppercase: false } },
  ],
};

// Elements that hold no text but can make up most of a big HTML mail's bytes. Each is found
// by a forward search from where the last one ended, not by one lazy regex over the whole
// HTML, so an unclosed one costs one scan, not one per opening; it runs to the end, as it
// does in a browser.
const BULK: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/<!--/g, /-->/g],
  [/<style[\s>/]/gi, /<\/style[^>]*>/gi],
  [/<script[\s>/]/gi, /<\/script[^>]*>/gi],
];

function withoutBulk(html: string): string {
  let out = html;
  for (const [open, close] of BULK) {
    const pieces: string[] = [];
    let at = 0;
    open.lastIndex = 0;
    for (let m = open.exec(out); m; m = open.exec(out)) {
      pieces.push(out.slice(at, m.index));
      close.lastIndex = open.lastIndex;
      const end = close.exec(out);
      at = end ? close.lastIndex : out.length;
      if (!end) break;
      open.lastIndex = at;
    }
    if (pieces.length === 0) continue;
    pieces.push(out.slice(at));
    out = pieces.join(' ');
  }
  // Inline images (src="data:image/png;base64,…") can be megabytes of one attribute.
  return out.replace(/(["'(])data:[^"')\s>]{64,}/gi, '$1');
}

function nestingExceeds(html: string, limit: number): boolean {
  let depth = 0;
  for (const m of html.matchAll(/<(\/?)([a-z][a-z0-9]*)\b[^<>]*?(\/?)>/gi)) {
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (!m[3] && !VOID_ELEMENTS.has(m[2]!.toLowerCase()) && ++depth > limit) return true;
  }
  return false;
}

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Words of HTML too deeply nested to parse: tags become spaces, common entities are decoded. */
function strippedText(html: string): string {
  return html
    .replace(/<[^<>]*>/g, ' ')
    // A tag cut off where the HTML was clipped.
    .replace(/<[^<>]*$/, '')
    .replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]+);/gi, (whole: string, e: string) => {
      if (e[0] !== '#') return ENTITIES[e.toLowerCase()] ?? whole;
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    })
    .replace(/[ \t\r\n]+/g, ' ');
}

/** Cuts at `max` UTF-16 units without leaving half a surrogate pair at the end. */
function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/**
 * Readable text of an HTML body, for a message that has no text part of its own; null when
 * the HTML holds no words. Only the first MAX_HTML_FOR_TEXT characters of content are read,
 * so a multi-megabyte newsletter costs a fraction of a second (see the figure above).
 */
/**
 * html-to-text's `convert` compiles its options for every call; compiled once, an import of the
 * 4,327-message corpus spent 2.2 s less CPU (of ~14 s; 2026-12-02 profile of `import mail`).
 */
let compiled: ((html: string) => string) | null = null;
const toText = (html: string) => (compiled ??= compile(OPTIONS))(html);

export function textFromHtml(html: string): string | null {
  const lean = clip(withoutBulk(html), MAX_HTML_FOR_TEXT);
  let text: string;
  try {
    text = nestingExceeds(lean, MAX_NESTING) ? strippedText(lean) : toText(lean);
  } catch {
    // html-to-text has no documented failure, but a body is no reason to lose the message.
    text = strippedText(lean);
  }
  text = text.trim();
  return text === '' ? null : text;
}

/** How much of a message that could not be parsed is looked at, and kept as its text. */
const RAW_SCAN_BYTES = 16 * 1024;
const MAX_RAW_TEXT = 4000;

/**
 * Text for a message stored raw because it could not be parsed: the start of it when it is
 * text, null when it is binary. Binary data has control bytes in about one byte in eight and
 * decodes into replacement or C1 control characters; text has almost none of either. Without
 * this a corrupt message put hundreds of KB of such garbage into its preview and search row.
 */
export function textOfUnparsed(raw: Buffer): string | null {
  const head = raw.subarray(0, RAW_SCAN_BYTES);
  let controls = 0;
  for (const b of head) if (isControl(b)) controls++;
  if (controls > head.length / 100) return null;
  const decoded = decodeUnlabelled(head);
  const kept: string[] = [];
  let bad = 0;
  for (const ch of decoded) {
    const code = ch.codePointAt(0)!;
    // C1 controls, a character cut at the end of the scanned bytes, a byte-order mark.
    if (code === 0xfffd || (code >= 0x80 && code <= 0x9f)) bad++;
    else if (!isControl(code) && code !== 0xfeff) kept.push(ch);
  }
  if (bad > decoded.length / 50) return null;
  const text = clip(kept.join(''), MAX_RAW_TEXT).trim();
  return text === '' ? null : text;
}

/** C0 controls and DEL, except the tab, line and page breaks that text has. */
function isControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || code === 0x7f;
}
