/**
 * "Near-same" company names for duplicate detection: legal forms, punctuation and case are
 * dropped, then names are compared by edit distance relative to length.
 */

const LEGAL_FORMS = [
  'co', 'company', 'ltd', 'limited', 'inc', 'incorporated', 'corp', 'corporation', 'llc', 'llp', 'plc',
  'gmbh', 'ag', 'kg', 'sa', 'sas', 'sarl', 'srl', 'spa', 'bv', 'nv', 'oy', 'ab', 'as', 'pty', 'pvt', 'the',
  'trading', 'group', 'international', 'intl', 'import', 'export', 'imp', 'exp',
];
const CJK_LEGAL_FORMS = ['有限责任公司', '股份有限公司', '有限公司', '集团', '公司', '贸易', '进出口', '国际'];
const LEGAL = new Set(LEGAL_FORMS);

export function normalizeCompanyName(name: string): string {
  let s = name.toLowerCase().normalize('NFKC');
  for (const form of CJK_LEGAL_FORMS) s = s.split(form).join(' ');
  const words = s.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0 && !LEGAL.has(w));
  return words.join(' ');
}

/** Code points in a string, without the array `[...s]` would allocate: pairs of names are compared millions of times. */
export function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++, n++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return n;
}

/**
 * Two rows of the edit-distance table, reused between calls: a full duplicates recompute at
 * 100k customers computes ~20k distances, and fresh arrays per row were most of their cost.
 */
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/** Levenshtein distance of a and b (UTF-16 units), or max + 1 as soon as it must exceed max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  if (rowA.length <= n) {
    rowA = new Int32Array(n + 1);
    rowB = new Int32Array(n + 1);
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charCodeAt(i - 1);
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1));
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const done = prev;
    prev = cur;
    cur = done;
  }
  return prev[n]!;
}

/** True when two normalized names are the same or differ by a typo or two. */
export function areNamesNearSame(normA: string, normB: string): boolean {
  if (!normA || !normB) return false;
  if (normA === normB) return true;
  const len = Math.max(codePointLength(normA), codePointLength(normB));
  if (len < 5) return false;
  const allowed = len >= 12 ? 2 : 1;
  return editDistance(normA, normB, allowed) <= allowed;
}
