/**
 * Link noise in a message's one-line preview (issue 11, point 13). Text made from HTML mail —
 * by mailparser for an HTML-only message, or the plain-text part a newsletter tool writes
 * beside its HTML — puts every link and image address after its words: "Shop now
 * [https://click.example/?u=…]" or, for a tracking pixel, a bare "[http://tracker.example/pixel.gif]".
 * In a list row those URLs push the words out of sight and say nothing to the reader.
 */

/** A URL longer than this, standing alone in the text, is a tracking or redirect link, not something written for the reader. */
export const MAX_PREVIEW_URL = 40;

const URL = String.raw`(?:https?|ftp):\/\/[^\s<>\[\]()]+|mailto:[^\s<>\[\]()]+|www\.[^\s<>\[\]()]+`;
// A URL in brackets, angle brackets or parentheses: "[http://…]", "<http://…>", "( http://… )".
// A URL in brackets, angle brackets or parentheses: "[http://…]", "<http://…>", "( http://… )";
// with the spaces before it, so that no space is left before a following full stop.
const ENCLOSED = new RegExp(String.raw`[ \t]*(?:\[\s*(?:${URL})\s*\]|<\s*(?:${URL})\s*>|\(\s*(?:${URL})\s*\))`, 'gi');
const BARE = new RegExp(String.raw`[ \t]*(?:${URL})`, 'gi');
const CLOSING = /^[.,;:!?)\]，。；：！？、）]/;

/** A space where a URL was, or nothing before punctuation. */
function gap(match: string, offset: number, text: string): string {
  return CLOSING.test(text.slice(offset + match.length, offset + match.length + 1)) ? '' : ' ';
}

/**
 * The text without URLs in brackets, angle brackets or parentheses (they repeat a link's or
 * image's address after its words), and without bare URLs longer than MAX_PREVIEW_URL; short
 * bare URLs a person typed ("see www.acme.de") stay. Whitespace is not collapsed here.
 */
export function withoutLinkNoise(text: string): string {
  return text
    .replace(ENCLOSED, (match: string, offset: number, whole: string) => gap(match, offset, whole))
    .replace(BARE, (match: string, offset: number, whole: string) => (match.trimStart().length > MAX_PREVIEW_URL ? gap(match, offset, whole) : match));
}
