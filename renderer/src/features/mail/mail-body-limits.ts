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

/**
 * The size of the pieces long text is laid out in (PlainMailText; runs of text in HTML, see
 * sanitize-mail-html.ts). A piece off screen costs nothing; one on screen costs what its text
 * costs, so pieces are small enough to lay out fast even where a long unbroken run lays out
 * slower than linearly (issue 10 reported 11 s for 100 KB on one line).
 */
export const TEXT_PIECE_CHARS = 10_000;

/** The index to cut `text` at, at most `at`, that does not split a surrogate pair. */
export function safeCut(text: string, at: number): number {
  if (at >= text.length) return text.length;
  if (at <= 0) return 0;
  const before = text.charCodeAt(at - 1);
  return before >= 0xd800 && before <= 0xdbff ? at - 1 : at;
}

/**
 * Where the piece of `text` that starts at `from` ends: after a line break in the last quarter
 * of the piece, else after a space there (where the line could wrap anyway), else at the size —
 * so a piece boundary shows as an early line end only inside a long line or word.
 */
export function pieceEnd(text: string, from: number, size: number = TEXT_PIECE_CHARS): number {
  const end = safeCut(text, from + size);
  if (end >= text.length) return text.length;
  const least = from + (size * 3) / 4;
  const newline = text.lastIndexOf('\n', end - 1);
  if (newline >= least) return newline + 1;
  const space = Math.max(text.lastIndexOf(' ', end - 1), text.lastIndexOf('\t', end - 1));
  if (space >= least) return space + 1;
  return end;
}

/** A plain-text body in pieces (see pieceEnd); joined, they are the text again. */
export function plainPieces(text: string, size: number = TEXT_PIECE_CHARS): string[] {
  const pieces: string[] = [];
  for (let from = 0; from < text.length; ) {
    const end = pieceEnd(text, from, size);
    pieces.push(text.slice(from, end));
    from = end;
  }
  return pieces.length > 0 ? pieces : [''];
}
