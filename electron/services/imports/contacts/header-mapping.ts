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

export interface RecognizedHeader<F extends string = ContactField> {
  field: F;
  confidence: number;
  basis: 'exact' | 'partial';
}

/**
 * A recognizer of headers naming `fields`, each by its names in `synonyms`: the engine of the
 * contact sheets' mapping, also used by the product import (products/product-import-fields.ts).
 * Exact names first; then names inside the header, where the one ending last wins (Chinese and
 * English both put the head of a compound last: 联系人邮箱 and "Contact Email" are emails),
 * longer names breaking ties.
 */
export function headerRecognizer<F extends string>(fields: readonly F[], synonyms: Record<F, readonly string[]>): (text: string) => RecognizedHeader<F> | null {
  const exactNames = new Map<string, F>();
  const partialNames: Array<{ key: string; field: F }> = [];
  for (const field of fields) {
    for (const synonym of synonyms[field]) {
      const key = normalizeHeader(synonym);
      if (!exactNames.has(key)) exactNames.set(key, field);
      // One Chinese character, or a short Latin word, is too likely to occur inside other words.
      const cjk = /\p{Script=Han}/u.test(key);
      if (cjk ? key.length >= 2 : key.length >= 3) partialNames.push({ key, field });
    }
  }
  // Longest names first: "联系人电话" is a phone, though it also contains "联系人".
  partialNames.sort((a, b) => b.key.length - a.key.length);

  return (text) => {
    const key = normalizeHeader(text);
    if (!key) return null;
    const exact = exactNames.get(key);
    if (exact) return { field: exact, confidence: 1, basis: 'exact' };
    // Without a parenthesised remark: "电话（必填）", "Email (work)".
    const bare = normalizeHeader(text.normalize('NFKC').replace(/\([^)]*\)|\[[^\]]*\]/g, ''));
    const bareExact = bare ? exactNames.get(bare) : undefined;
    if (bareExact) return { field: bareExact, confidence: 0.9, basis: 'exact' };
    let best: { field: F; end: number; length: number } | null = null;
    const found = new Set<F>();
    for (const { key: name, field } of partialNames) {
      const at = key.lastIndexOf(name);
      if (at < 0) continue;
      found.add(field);
      const end = at + name.length;
      if (!best || end > best.end || (end === best.end && name.length > best.length)) best = { field, end, length: name.length };
    }
    if (!best) return null;
    return { field: best.field, confidence: found.size === 1 ? 0.7 : 0.5, basis: 'partial' };
  };
}

/** The contact field a header names. */
export const recognizeHeader: (text: string) => RecognizedHeader | null = headerRecognizer(CONTACT_FIELDS, HEADER_SYNONYMS);

/** Row-number columns ("序号", "No.") that Chinese and English sheets start with: nothing to keep. */
const ROW_NUMBER_HEADERS = new Set(['序号', '序', '编号', '行号', 'no', 'nr', 'number', 'sn', 'seq', 'index'].map(normalizeHeader));

/**
 * A customer code column (the first column of our own export, "Customer code" / "客户编号"):
 * the app numbers customers itself, and read by its words ("customer", "客户") the column would
 * be taken for the company name, pushing the real name column aside into the notes.
 */
const CUSTOMER_CODE_HEADERS = new Set(['customer code', 'customer no', 'customer number', 'customer id', '客户编号', '客户代码', '客户编码', '客户号'].map(normalizeHeader));

/**
 * Columns our own export writes that the app derives itself: when a customer was last contacted
 * (from its activities and mail), when it was created, and which contact is the primary one (the
 * first contact of a customer in the sheet becomes it). Read back, each would become a custom
 * field of dates and "Yes" that nothing keeps up to date. Suggested as skipped; the user can still
 * map them.
 */
const DERIVED_HEADERS = new Set(
  ['last contact', 'last contacted', 'created', 'created at', 'date created', 'primary contact', '最近联系', '最后联系', '最近联系时间', '创建日期', '创建时间', '主联系人'].map(normalizeHeader),
);

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
    if (ROW_NUMBER_HEADERS.has(key) || CUSTOMER_CODE_HEADERS.has(key) || DERIVED_HEADERS.has(key) || h.text.trim() === '#') return { ...base, target: { kind: 'skip' }, confidence: 1, basis: 'exact' };
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
