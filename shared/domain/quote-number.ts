/**
 * Quote numbers from a pattern (Settings.quoteNumberPattern), e.g. `Q{YYYY}-{SEQ:4}` → Q2026-0001.
 * Tokens: {YYYY}, {YY}, {MM} (the date the number is given, local time) and one {SEQ} or {SEQ:n}
 * (the sequence, zero-padded to n digits). The counter runs per scope: the pattern with its date
 * tokens filled in, so `Q{YYYY}-{SEQ:4}` starts again at 0001 each year and `Q{YYYY}{MM}-{SEQ:3}`
 * each month.
 */

export const DEFAULT_QUOTE_NUMBER_PATTERN = 'Q{YYYY}-{SEQ:4}';
export const MAX_QUOTE_NUMBER_PATTERN = 40;

const TOKEN = /\{(YYYY|YY|MM|SEQ(?::(\d))?)\}/g;

/** Exactly one sequence token of 1–8 digits, no other braces: anything else could repeat numbers or read garbled. */
export function isQuoteNumberPattern(pattern: string): boolean {
  const seqs = [...pattern.matchAll(TOKEN)].filter((m) => m[1]!.startsWith('SEQ'));
  if (seqs.length !== 1 || /[{}]/.test(pattern.replace(TOKEN, ''))) return false;
  const digits = Number(seqs[0]![2] ?? 1);
  return digits >= 1 && digits <= 8 && pattern.trim() === pattern && pattern.length <= MAX_QUOTE_NUMBER_PATTERN;
}

function datePart(token: string, at: Date): string {
  if (token === 'YYYY') return String(at.getFullYear());
  if (token === 'YY') return String(at.getFullYear() % 100).padStart(2, '0');
  return String(at.getMonth() + 1).padStart(2, '0');
}

/** The counter's scope: the pattern with its date filled in and its sequence token kept. */
export function quoteNumberScope(pattern: string, now: number): string {
  const at = new Date(now);
  return pattern.replace(TOKEN, (whole, token: string) => (token.startsWith('SEQ') ? whole : datePart(token, at)));
}

/** The number with sequence `seq` in that scope. */
export function formatQuoteNumber(scope: string, seq: number): string {
  return scope.replace(TOKEN, (_, token: string, digits: string | undefined) => (token.startsWith('SEQ') ? String(seq).padStart(Number(digits ?? 1), '0') : token));
}

/** `Q2026-0001` revised twice is `Q2026-0001-R2`. */
export function revisionNumber(baseNumber: string, revision: number): string {
  return revision === 0 ? baseNumber : `${baseNumber}-R${revision}`;
}
