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
