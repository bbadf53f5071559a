import type { Tx } from '../../../../db/database.ts';
import { MAX_CUSTOM_FIELD_TEXT, MAX_CUSTOM_FIELDS } from '../../../../shared/contract/customers.contract.ts';
import { customFieldLabelKey } from '../../../../shared/domain/custom-field-label.ts';
import type { CustomFieldType } from '../../../../shared/domain/customer-enums.ts';
import { newId } from '../../core/ids.ts';
import { insertField, listFields } from '../../customers/catalog.queries.ts';
import type { ParsedContact } from '../contacts/contact-row.ts';

/**
 * Columns mapped to a custom field ({ kind: 'custom', label }) become the app's custom fields:
 * the label finds a live definition by customFieldLabelKey, or a new one is made. A value that
 * does not fit its field (text in a number field, a choice a select does not offer, text longer
 * than a field holds) stays a "label: value" line of the customer's notes, so nothing read is lost.
 */

export interface ImportField {
  id: string;
  type: CustomFieldType;
  options: readonly string[];
}

/** By label key: the field a label maps to, or null when none could be made (the app's limit on fields). */
export type ImportFields = ReadonlyMap<string, ImportField | null>;

export interface ResolvedFields {
  fields: Map<string, ImportField | null>;
  /** Ids of the definitions made now (undo removes them when no customer holds a value of theirs). */
  created: string[];
  /** Labels left without a field because the app has MAX_CUSTOM_FIELDS already. */
  refused: string[];
}

/**
 * Finds or makes the fields of the rows' labels that `known` lacks, in the chunk's transaction.
 * A field is made only when a value for it is first met, so a column left empty makes none, and
 * a run resumed after a crash finds the fields its first run made by their labels.
 *
 * A made field is of type text, whatever the column holds: the sheet streams, so its later rows
 * are unseen when the field is made, and a number or date field would turn away the first "n/a"
 * or "approx. 5M" below; text holds every cell as written, and only text is searchable
 * (customerWritingSearchText indexes no numbers). A field the user made with a type keeps it:
 * values are converted to it, or kept in notes when they do not fit (fieldValue).
 */
export async function resolveImportFields(trx: Tx, labels: Iterable<string>, known: ImportFields, now: number): Promise<ResolvedFields> {
  const fields = new Map(known);
  const wanted = new Map<string, string>();
  for (const label of labels) {
    const key = customFieldLabelKey(label);
    if (key && !fields.has(key) && !wanted.has(key)) wanted.set(key, label);
  }
  const out: ResolvedFields = { fields, created: [], refused: [] };
  if (wanted.size === 0) return out;
  const defs = await listFields(trx);
  const byKey = new Map<string, ImportField>();
  // The first in the settings' order wins when the user gave two fields the same label.
  for (const d of defs) if (!byKey.has(customFieldLabelKey(d.label))) byKey.set(customFieldLabelKey(d.label), { id: d.id, type: d.type, options: d.options });
  let live = defs.length;
  for (const [key, label] of wanted) {
    // A field's label holds 60 characters (CustomFieldDefInput): a longer header is matched, and made, by its first 60.
    const stored = label.trim().slice(0, MAX_LABEL);
    const found = byKey.get(customFieldLabelKey(stored));
    if (found) fields.set(key, found);
    else if (live >= MAX_CUSTOM_FIELDS) {
      fields.set(key, null);
      out.refused.push(label);
    } else {
      const id = newId();
      await insertField(trx, { label: stored, type: 'text', options: [] }, id, now);
      live++;
      out.created.push(id);
      fields.set(key, { id, type: 'text', options: [] });
    }
  }
  return out;
}

const MAX_LABEL = 60;
const NUMBER = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const DAY = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;

/** A cell as a value of its field, as the customer form would store it; null when it does not fit. */
export function fieldValue(field: ImportField, text: string): string | number | null {
  if (field.type === 'text') return text.length <= MAX_CUSTOM_FIELD_TEXT ? text : null;
  const plain = text.normalize('NFKC').trim();
  if (field.type === 'number') return NUMBER.test(plain) ? Number(plain.replaceAll(',', '')) : null;
  if (field.type === 'date') {
    const m = DAY.exec(plain);
    if (!m) return null;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const day = new Date(Date.UTC(y, mo - 1, d));
    if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return null;
    return day.toISOString().slice(0, 10);
  }
  return field.options.find((o) => customFieldLabelKey(o) === customFieldLabelKey(plain)) ?? null;
}

/** A custom column's value as its field stores it (JSON, as the customer form writes it), and its notes line should it not be stored. */
export interface RowFieldValue {
  value: string | number;
  json: string;
  line: string;
}

/**
 * A row's custom columns as values by field id, and as notes lines those that fit no field: no
 * field for the label, a value the field does not take, or a second, different value for a field
 * the row already gave one.
 */
export function rowFieldValues(c: ParsedContact, fields: ImportFields): { values: Map<string, RowFieldValue>; notes: string[] } {
  const values = new Map<string, RowFieldValue>();
  const notes: string[] = [];
  for (const f of c.customFields) {
    const field = fields.get(customFieldLabelKey(f.label));
    const value = field ? fieldValue(field, f.value) : null;
    const line = `${f.label}: ${f.value}`;
    if (field && value !== null && !values.has(field.id)) values.set(field.id, { value, json: JSON.stringify(value), line });
    else if (!field || value === null || values.get(field.id)!.value !== value) notes.push(line);
  }
  return { values, notes };
}
