/**
 * How much of a message body the reading pane lays out before the user asks for the rest.
 *
 * Measured in Chromium (issue 10): laying out text costs about 1–2 µs a character wherever its
 * line breaks fall, and sanitizing HTML about 0.5 µs a character, all on the page's one thread
 * (the sandboxed mail frame runs in the app's process). A 1 MB body therefore held the pane
 * for seconds on an idle machine and far longer on a busy one. Mail programs clip for the same
 * reason (Gmail at about 100 KB); these caps keep the first view well under a second.
 */

/** Characters of text (plain, or the text of an HTML mail) laid out in the first view. */
export const FIRST_VIEW_TEXT_CHARS = 100_000;

/**
 * Characters of raw HTML parsed for the first view. Far above ordinary mail, newsletters
 * included; beyond it the markup is parsed only when the whole message is asked for.
 */
export const FIRST_VIEW_HTML_CHARS = 300_000;

/** The size of the pieces a whole plain-text body is laid out in (see PlainMailText). */
export const PLAIN_PIECE_CHARS = 20_000;

/** The index to cut `text` at, at most `at`, that does not split a surrogate pair. */
export function safeCut(text: string, at: number): number {
  if (at >= text.length) return text.length;
  if (at <= 0) return 0;
  const before = text.charCodeAt(at - 1);
  return before >= 0xd800 && before <= 0xdbff ? at - 1 : at;
}

/**
 * Splits a plain-text body into pieces of about `size` characters, each ending with its line
 * break where a line ends within the last quarter of the piece, so a piece boundary is seen
 * only inside an overlong line. Joined, the pieces are the text again.
 */
export function plainPieces(text: string, size: number = PLAIN_PIECE_CHARS): string[] {
  const pieces: string[] = [];
  let from = 0;
  while (text.length - from > size) {
    let end = safeCut(text, from + size);
    const newline = text.lastIndexOf('\n', end - 1);
    if (newline >= from + (size * 3) / 4) end = newline + 1;
    pieces.push(text.slice(from, end));
    from = end;
  }
  pieces.push(text.slice(from));
  return pieces;
}
