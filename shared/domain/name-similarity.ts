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

export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** True when two normalized names are the same or differ by a typo or two. */
export function areNamesNearSame(normA: string, normB: string): boolean {
  if (!normA || !normB) return false;
  if (normA === normB) return true;
  const len = Math.max([...normA].length, [...normB].length);
  if (len < 5) return false;
  const allowed = len >= 12 ? 2 : 1;
  return editDistance(normA, normB, allowed) <= allowed;
}
