/**
 * Which words of a mail could be a quote's number or an order's PI / contract number (issue 13
 * point 6: buyers and salespeople refer to deals by these numbers, "RE: Q2026-0042 revised").
 *
 * A candidate is a run of Latin letters, digits and inner separators (- / _ .) of 4 to 40 characters
 * holding at least one digit and one letter or separator — "Q2026-0042", "PI-2026/15",
 * "HX20261201" — since a bare number like 2026 or a word like "quote" names nothing. Candidates
 * are then looked up among the stored numbers; this only keeps that look-up small.
 */

// ASCII only: numbers are typed in Latin letters, and Chinese mail runs them into its words
// ("请查收报价单Q2026-0043"), where a Unicode letter class would swallow the number.
const CANDIDATE = /[A-Za-z0-9](?:[A-Za-z0-9]|[-/_.](?=[A-Za-z0-9])){3,39}/g;
const HAS_DIGIT = /[0-9]/;
const HAS_LETTER_OR_SEPARATOR = /[A-Za-z\-/_.]/;

/** Beyond this many distinct candidates a mail is a listing, not a reference to a deal. */
export const MAX_MENTIONS_PER_TEXT = 200;

/** Every distinct candidate in these texts, as quoteNumberKey gives it (numbers are matched without case). */
export function quoteNumberCandidates(texts: ReadonlyArray<string | null>, limit = MAX_MENTIONS_PER_TEXT): string[] {
  const found = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const match of text.matchAll(CANDIDATE)) {
      const word = match[0];
      if (!HAS_DIGIT.test(word) || !HAS_LETTER_OR_SEPARATOR.test(word)) continue;
      found.add(quoteNumberKey(word));
      if (found.size >= limit) return [...found];
    }
  }
  return [...found];
}

/**
 * The key a number is compared by: ASCII letters upper-cased, as SQLite's upper() does, so that
 * the expression indexes on upper(number) and upper(pi_number) (migration 0015) serve the look-up.
 */
export function quoteNumberKey(number: string): string {
  return number.trim().replace(/[a-z]+/g, (letters) => letters.toUpperCase());
}
