import type { ChannelKind } from '../../../shared/domain/customer-enums.ts';
import type { ExportText } from './export-text.ts';
import type { ActivityExportRow, ChannelExportRow, ContactExportRow, CustomerExportRow } from './exports.queries.ts';

/**
 * The columns of an exported customer and contact, as text. Headers come from the exports
 * catalog, worded so that importing the file again maps every column by its header
 * (imports/contacts/contact-fields.ts). Cells are raw text here; the writers make them safe.
 */

const day = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString().slice(0, 10));

export const CUSTOMER_COLUMNS = ['code', 'companyName', 'localName', 'country', 'website', 'address', 'companyPhone', 'grade', 'stage', 'source', 'owner', 'tags', 'notes', 'lastContact', 'created'] as const;
const CHANNEL_COLUMNS: ReadonlyArray<readonly [ChannelKind, string]> = [
  ['email', 'email'],
  ['phone', 'phone'],
  ['whatsapp', 'whatsapp'],
  ['wechat', 'wechat'],
  ['skype', 'skype'],
  ['other', 'otherChannel'],
];
/** A contact's own columns; the Contacts sheet puts its customer's code and name before them, a CSV row its customer's columns. */
export const CONTACT_COLUMNS = ['contactName', 'title', 'primary', ...CHANNEL_COLUMNS.map(([, c]) => c), 'contactNotes'] as const;
export const CONTACT_SHEET_COLUMNS = ['customerCode', 'companyName', ...CONTACT_COLUMNS] as const;
export const ACTIVITY_COLUMNS = ['customerCode', 'companyName', 'when', 'activityKind', 'direction', 'contactName', 'subject', 'details', 'owner'] as const;

export function headers(columns: readonly string[], text: ExportText): string[] {
  return columns.map((c) => text(`exports.columns.${c}`));
}

/** A custom field's stored value (JSON: text, a number, a date as text, or null) as the cell's text. */
function fieldText(json: string | undefined): string {
  if (json === undefined) return '';
  try {
    const value: unknown = JSON.parse(json);
    return value === null || value === undefined ? '' : String(value);
  } catch {
    return json;
  }
}

/** The customer's custom field values, one column per field (headed by the field's label). */
export function customFieldCells(fields: ReadonlyArray<{ id: string }>, values: ReadonlyMap<string, string> | undefined): string[] {
  return fields.map((f) => fieldText(values?.get(f.id)));
}

const minute = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

export function activityCells(a: ActivityExportRow, text: ExportText): string[] {
  return [a.code, a.customer_name, minute(a.occurred_at), text(`activityKinds.${a.kind}`), text(`directions.${a.direction}`), a.contact_name ?? '', a.subject ?? '', a.body ?? '', a.owner_name ?? ''];
}

export function customerCells(c: CustomerExportRow, text: ExportText): string[] {
  return [
    c.code,
    c.name,
    c.local_name ?? '',
    c.country ?? '',
    c.website ?? '',
    c.address ?? '',
    c.phone ?? '',
    c.grade,
    text(`stages.${c.stage}`),
    c.source ? text(`sources.${c.source}`) : '',
    c.owner_name ?? '',
    c.tags ?? '',
    c.notes ?? '',
    day(c.last_contacted_at),
    day(c.created_at),
  ];
}

export interface ContactWithChannels {
  contact: ContactExportRow;
  channels: ChannelExportRow[];
}

/** The contacts of a page of customers, by customer id, each with its channels. */
export function groupContacts(contacts: readonly ContactExportRow[], channels: readonly ChannelExportRow[]): Map<string, ContactWithChannels[]> {
  const byContact = new Map<string, ChannelExportRow[]>();
  for (const ch of channels) {
    const list = byContact.get(ch.contact_id);
    if (list) list.push(ch);
    else byContact.set(ch.contact_id, [ch]);
  }
  const byCustomer = new Map<string, ContactWithChannels[]>();
  for (const contact of contacts) {
    const entry = { contact, channels: byContact.get(contact.id) ?? [] };
    const list = byCustomer.get(contact.customer_id);
    if (list) list.push(entry);
    else byCustomer.set(contact.customer_id, [entry]);
  }
  return byCustomer;
}

/** A contact's own columns; several addresses of one kind share a cell, separated by "; " (the import splits them there). */
export function contactCells(entry: ContactWithChannels | null, text: ExportText): string[] {
  if (!entry) return ['', '', '', ...CHANNEL_COLUMNS.map(() => ''), ''];
  const { contact, channels } = entry;
  return [
    contact.name,
    contact.title ?? '',
    contact.is_primary ? text('exports.values.yes') : '',
    ...CHANNEL_COLUMNS.map(([kind]) =>
      channels
        .filter((ch) => ch.kind === kind)
        .map((ch) => ch.value)
        .join('; '),
    ),
    contact.notes ?? '',
  ];
}
