import { CJK_RANGES, type QueryTerm } from './search-text.ts';

/**
 * Marking what matched in a search hit. The mail index is contentless (the text lives in
 * mail_bodies), so FTS5's highlight() and snippet() cannot be used; these find the same terms
 * in the original text instead: a CJK run anywhere (the index matches its character pairs), a
 * Latin or digit term at the start of a word (the index matches word prefixes). Accents are
 * not folded here as the index folds them, so "cafe" finds "café" but does not mark it.
 */

export interface TextPart {
  text: string;
  hit: boolean;
}

// A word starts after anything that is not a letter or digit, or right after a CJK character
// (toSearchText splits "abc报价" into "abc" and the pairs of 报价).
const WORD_START = `(?<![^\\s\\p{P}\\p{S}${CJK_RANGES}])`;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function termPattern(terms: readonly QueryTerm[]): RegExp | null {
  if (terms.length === 0) return null;
  // Longest first, so "报价单" is marked whole rather than as "报价" plus a leftover.
  const sorted = [...terms].sort((a, b) => b.text.length - a.text.length);
  const alternatives = sorted.map((t) => (t.cjk ? escape(t.text) : `${WORD_START}${escape(t.text)}`));
  return new RegExp(alternatives.join('|'), 'giu');
}

/** Splits text into parts, marking every occurrence of a term. */
export function highlight(text: string, terms: readonly QueryTerm[]): TextPart[] {
  const pattern = termPattern(terms);
  if (!pattern || text.length === 0) return text.length > 0 ? [{ text, hit: false }] : [];
  const parts: TextPart[] = [];
  let at = 0;
  for (const m of text.matchAll(pattern)) {
    if (m[0].length === 0) continue;
    if (m.index > at) parts.push({ text: text.slice(at, m.index), hit: false });
    parts.push({ text: m[0], hit: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), hit: false });
  return parts;
}

export function hasHit(text: string | null | undefined, terms: readonly QueryTerm[]): boolean {
  return !!text && highlight(text, terms).some((p) => p.hit);
}

/**
 * A window of about `width` characters around the first hit (whitespace collapsed), with "…"
 * where text was cut; the start of the text when nothing matches.
 */
export function snippetAround(text: string, terms: readonly QueryTerm[], width = 160): TextPart[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  const pattern = termPattern(terms);
  const first = pattern ? pattern.exec(flat) : null;
  // Some context before the hit, most of the window after it.
  let start = first ? Math.max(0, first.index - Math.floor(width / 4)) : 0;
  const end = Math.min(flat.length, start + width);
  start = Math.max(0, Math.min(start, end - width));
  const parts = highlight(flat.slice(start, end), terms);
  if (start > 0) parts.unshift({ text: '…', hit: false });
  if (end < flat.length) parts.push({ text: '…', hit: false });
  return parts;
}
