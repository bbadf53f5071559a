/**
 * Search text for SQLite FTS5 with the `unicode61` tokenizer.
 *
 * Chinese has no spaces, and FTS5's trigram tokenizer cannot match two-character words such as
 * 报价 or 张伟. So, the way Thunderbird's CJK tokenizer does, runs of CJK characters are indexed as
 * overlapping character pairs plus the run's last character, and queries are turned into the same
 * pairs. Latin words stay words and match by prefix. Phone numbers also get their digit suffixes so
 * that "13812345678" finds "+86 138-1234-5678".
 */

export const CJK_RANGES = '\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uac00-\\ud7af';
const CJK = new RegExp(`[${CJK_RANGES}]`, 'u');
// A Latin/digit word stops where a CJK run starts: CJK characters are letters too, and "LED灯具的报价"
// read as one word would hide 报价 from a search.
const SEGMENTS = new RegExp(`([${CJK_RANGES}]+)|((?:(?![${CJK_RANGES}])[\\p{L}\\p{N}])+)`, 'gu');
/** A Latin letter or digit right before a CJK character: text that toSearchText() once indexed as one word. */
export const LATIN_BEFORE_CJK = new RegExp(`(?![${CJK_RANGES}])[\\p{L}\\p{N}][${CJK_RANGES}]`, 'u');
const MIN_PHONE_SUFFIX = 6;

function cjkTokens(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) out.push(chars[i]! + chars[i + 1]!);
  out.push(chars[chars.length - 1]!);
  return out;
}

/** Turns free text into the token string stored in the FTS column. */
export function toSearchText(...parts: Array<string | null | undefined>): string {
  const tokens: string[] = [];
  for (const part of parts) {
    if (!part) continue;
    for (const m of part.toLowerCase().matchAll(SEGMENTS)) {
      if (m[1]) tokens.push(...cjkTokens(m[1]));
      else if (m[2]) tokens.push(m[2]);
    }
  }
  return tokens.join(' ');
}

/** Digit-only forms of a phone number: the whole number and its suffixes, for substring-like lookup. */
export function phoneSearchText(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < MIN_PHONE_SUFFIX) return digits;
  const out: string[] = [];
  for (let i = 0; i + MIN_PHONE_SUFFIX <= digits.length; i++) out.push(digits.slice(i));
  return out.join(' ');
}

function quote(token: string): string {
  return `"${token.replace(/"/g, '""')}"`;
}

/**
 * Builds an FTS5 MATCH expression from what the user typed, or null when nothing searchable is
 * left. Every whitespace-separated term must match (AND). A Latin/digit term is a phrase whose
 * last word matches by prefix, so "anna@hamb" needs "anna" followed by a word starting "hamb"; a
 * CJK run matches as a phrase of its pairs, so "明华贸易" needs 明华, 华贸, 贸易 in a row.
 */
export function toFtsQuery(input: string): string | null {
  const terms: string[] = [];
  for (const chunk of input.toLowerCase().split(/\s+/)) {
    const segments = [...chunk.matchAll(SEGMENTS)];
    if (segments.length === 0) continue;
    if (segments.every((m) => !m[1])) {
      terms.push(`${quote(segments.map((m) => m[2]!).join(' '))}*`);
      continue;
    }
    for (const m of segments) {
      if (m[1]) {
        const chars = [...m[1]];
        if (chars.length === 1) terms.push(`${quote(chars[0]!)}*`);
        else {
          const pairs: string[] = [];
          for (let i = 0; i < chars.length - 1; i++) pairs.push(chars[i]! + chars[i + 1]!);
          terms.push(quote(pairs.join(' ')));
        }
      } else if (m[2]) {
        terms.push(`${quote(m[2])}*`);
      }
    }
  }
  return terms.length > 0 ? terms.join(' AND ') : null;
}

export function containsCjk(text: string): boolean {
  return CJK.test(text);
}

/** One thing the user typed, as the index sees it: a CJK run (found as a substring) or a Latin/digit word (found as a word prefix). */
export interface QueryTerm {
  text: string;
  cjk: boolean;
}

/**
 * The terms of a query, lower-cased, in the same segments toFtsQuery() builds its MATCH from:
 * what a highlighter marks in the original text of a hit.
 */
export function queryTerms(input: string): QueryTerm[] {
  const out: QueryTerm[] = [];
  for (const m of input.toLowerCase().matchAll(SEGMENTS)) {
    const term = m[1] ? { text: m[1], cjk: true } : { text: m[2]!, cjk: false };
    if (!out.some((t) => t.text === term.text)) out.push(term);
  }
  return out;
}
