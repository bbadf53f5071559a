import type { ColumnHeader } from './contact-sheet.types.ts';
import { CONTACT_FIELDS, type ContactField, HEADER_SYNONYMS, normalizeHeader } from './contact-fields.ts';

/** Where a column goes: a contact field, a custom field with this label (matched or made on apply: contact-import/contact-custom-fields.ts), or nowhere. */
export type ColumnTarget = { kind: 'field'; field: ContactField } | { kind: 'custom'; label: string } | { kind: 'skip' };

/**
 * How a suggestion was made: from a mapping the user saved, a header that is one of a field's
 * names, a header that contains one, or nothing (an unknown header, offered as a custom
 * field; an empty one, skipped).
 */
export type MappingBasis = 'saved' | 'exact' | 'partial' | 'none';

export interface ColumnSuggestion {
  column: number;
  letter: string;
  header: string;
  target: ColumnTarget;
  /** 0–1: 1 for saved and exact matches, lower for partial ones, 0 for none. */
  confidence: number;
  basis: MappingBasis;
}

/** Mappings the user confirmed, by normalizeHeader(header); kept by the import service (e.g. in settings). */
export type SavedHeaderMapping = Record<string, ColumnTarget>;

const EXACT = new Map<string, ContactField>();
const PARTIAL: Array<{ key: string; field: ContactField }> = [];
for (const field of CONTACT_FIELDS) {
  for (const synonym of HEADER_SYNONYMS[field]) {
    const key = normalizeHeader(synonym);
    if (!EXACT.has(key)) EXACT.set(key, field);
    // One Chinese character, or a short Latin word, is too likely to occur inside other words.
    const cjk = /\p{Script=Han}/u.test(key);
    if (cjk ? key.length >= 2 : key.length >= 3) PARTIAL.push({ key, field });
  }
}
// Longest names first: "联系人电话" is a phone, though it also contains "联系人".
PARTIAL.sort((a, b) => b.key.length - a.key.length);

export interface RecognizedHeader {
  field: ContactField;
  confidence: number;
  basis: 'exact' | 'partial';
}

/**
 * The field a header names. Exact names first; then names inside the header, where the one
 * ending last wins (Chinese and English both put the head of a compound last: 联系人邮箱 and
 * "Contact Email" are emails), longer names breaking ties.
 */
export function recognizeHeader(text: string): RecognizedHeader | null {
  const key = normalizeHeader(text);
  if (!key) return null;
  const exact = EXACT.get(key);
  if (exact) return { field: exact, confidence: 1, basis: 'exact' };
  // Without a parenthesised remark: "电话（必填）", "Email (work)".
  const bare = normalizeHeader(text.normalize('NFKC').replace(/\([^)]*\)|\[[^\]]*\]/g, ''));
  const bareExact = bare ? EXACT.get(bare) : undefined;
  if (bareExact) return { field: bareExact, confidence: 0.9, basis: 'exact' };
  let best: { field: ContactField; end: number; length: number } | null = null;
  const fields = new Set<ContactField>();
  for (const { key: name, field } of PARTIAL) {
    const at = key.lastIndexOf(name);
    if (at < 0) continue;
    fields.add(field);
    const end = at + name.length;
    if (!best || end > best.end || (end === best.end && name.length > best.length)) best = { field, end, length: name.length };
  }
  if (!best) return null;
  return { field: best.field, confidence: fields.size === 1 ? 0.7 : 0.5, basis: 'partial' };
}

/** Row-number columns ("序号", "No.") that Chinese and English sheets start with: nothing to keep. */
const ROW_NUMBER_HEADERS = new Set(['序号', '序', '编号', '行号', 'no', 'nr', 'number', 'sn', 'seq', 'index'].map(normalizeHeader));

/**
 * A customer code column (the first column of our own export, "Customer code" / "客户编号"):
 * the app numbers customers itself, and read by its words ("customer", "客户") the column would
 * be taken for the company name, pushing the real name column aside into the notes.
 */
const CUSTOMER_CODE_HEADERS = new Set(['customer code', 'customer no', 'customer number', 'customer id', '客户编号', '客户代码', '客户编码', '客户号'].map(normalizeHeader));

/** The longest custom field label (the contract's ColumnTarget and CustomFieldDefInput): a longer header is cut, or the preview would break the contract. */
const CUSTOM_LABEL_MAX = 60;

/**
 * A mapping for each column: the user's saved choice for that header first, then the header's
 * field, else the column as a custom field under its own header (empty headers and row-number
 * columns are skipped).
 */
export function suggestMapping(headers: readonly ColumnHeader[], saved: SavedHeaderMapping = {}): ColumnSuggestion[] {
  return headers.map((h) => {
    const base = { column: h.index, letter: h.letter, header: h.text };
    const key = normalizeHeader(h.text);
    const remembered = key ? saved[key] : undefined;
    if (remembered) return { ...base, target: remembered, confidence: 1, basis: 'saved' };
    if (ROW_NUMBER_HEADERS.has(key) || CUSTOMER_CODE_HEADERS.has(key) || h.text.trim() === '#') return { ...base, target: { kind: 'skip' }, confidence: 1, basis: 'exact' };
    const recognized = recognizeHeader(h.text);
    if (recognized) return { ...base, target: { kind: 'field', field: recognized.field }, confidence: recognized.confidence, basis: recognized.basis };
    if (!h.text) return { ...base, target: { kind: 'skip' }, confidence: 0, basis: 'none' };
    return { ...base, target: { kind: 'custom', label: h.text.trim().slice(0, CUSTOM_LABEL_MAX) }, confidence: 0, basis: 'none' };
  });
}

/** What to save once the user confirmed a mapping, merged over what was saved before. */
export function rememberMapping(headers: readonly ColumnHeader[], targets: readonly ColumnTarget[], saved: SavedHeaderMapping = {}): SavedHeaderMapping {
  const next: SavedHeaderMapping = { ...saved };
  headers.forEach((h, i) => {
    const key = normalizeHeader(h.text);
    const target = targets[i];
    if (key && target) next[key] = target;
  });
  return next;
}
