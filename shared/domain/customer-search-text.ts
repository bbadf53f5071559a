import { phoneSearchText, toSearchText } from './search-text.ts';

/* Shared (not in the customer service) so that a migration can rebuild the index with the same text. */

export interface SearchableCustomer {
  name: string;
  local_name: string | null;
  code: string;
  website: string | null;
  phone: string | null;
}

/** The FTS row of one customer: names, code, website, contact names, every channel, phone digits. */
export function customerSearchText(
  customer: SearchableCustomer,
  contactNames: readonly string[],
  channels: ReadonlyArray<{ kind: string; value: string }>,
): string {
  const phones = [customer.phone, ...channels.filter((c) => c.kind === 'phone' || c.kind === 'whatsapp').map((c) => c.value)];
  return [
    toSearchText(customer.name, customer.local_name, customer.code, customer.website),
    toSearchText(...contactNames),
    toSearchText(...channels.map((c) => c.value)),
    ...phones.filter((p): p is string => !!p).map(phoneSearchText),
  ]
    .filter((s) => s.length > 0)
    .join(' ');
}

/** What the salesperson wrote about a customer, for the `notes` column of its FTS row. */
export interface CustomerWriting {
  notes: string | null;
  /** custom_field_values.value as stored: JSON. Text (strings, lists of strings) is indexed; numbers are not. */
  customFieldValues: readonly string[];
  /** Live activities (notes, calls, meetings, visits). */
  activities: ReadonlyArray<{ subject: string | null; body: string | null }>;
}

function fieldText(json: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return [json];
  }
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/**
 * The second column of a customer's FTS row: its notes, custom-field text, and the subjects and
 * bodies of its live activities, so "报价" finds the customer of a call logged as "…报价 FOB Ningbo".
 * One row per customer (not one per activity) keeps a search's match count a count of customers.
 */
export function customerWritingSearchText(writing: CustomerWriting): string {
  // Piece by piece, not one spread call: a customer may have thousands of activities.
  const parts = [toSearchText(writing.notes), ...writing.customFieldValues.map((v) => toSearchText(...fieldText(v)))];
  for (const a of writing.activities) parts.push(toSearchText(a.subject, a.body));
  return parts.filter((s) => s.length > 0).join(' ');
}
