import { insertRows } from '../core/bulk-insert.queries.ts';
import type { DbOrTx, Tx } from '../../../db/database.ts';
import type { ParsedInput } from '../../../shared/contract/contract.ts';
import type { Contact } from '../../../shared/contract/customers.contract.ts';
import { newId } from '../core/ids.ts';

type ContactInput = ParsedInput<'contacts.create'>;

/** What channel matching compares: lower-cased emails and handles, digits-only phones. */
export function normalizeChannel(kind: string, value: string): string {
  if (kind === 'phone' || kind === 'whatsapp') return value.replace(/\D/g, '');
  return value.trim().toLowerCase();
}

/** A customer's live contacts (or the one given), primary first, each with its channels in order. */
export async function listContacts(db: DbOrTx, customerId: string, contactId?: string): Promise<Contact[]> {
  let q = db.selectFrom('contacts').selectAll().where('customer_id', '=', customerId).where('deleted_at', 'is', null);
  if (contactId) q = q.where('id', '=', contactId);
  const contacts = await q.orderBy('is_primary', 'desc').orderBy('created_at').execute();
  if (contacts.length === 0) return [];
  const channels = await db
    .selectFrom('contact_channels')
    .selectAll()
    .where('contact_id', 'in', contacts.map((c) => c.id))
    .orderBy('sort')
    .execute();
  return contacts.map((c) => ({
    id: c.id,
    customerId: c.customer_id,
    name: c.name,
    title: c.title,
    isPrimary: c.is_primary === 1,
    notes: c.notes,
    preferredLanguage: c.preferred_language,
    channels: channels.filter((ch) => ch.contact_id === c.id).map((ch) => ({ kind: ch.kind, value: ch.value, label: ch.label })),
  }));
}

/** The customer of a live contact; undefined when there is no such contact. */
export function liveContactCustomer(trx: Tx, id: string): Promise<{ customer_id: string } | undefined> {
  return trx.selectFrom('contacts').select('customer_id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

/**
 * Inserts or rewrites a contact and replaces its channels. A new primary contact takes the mark
 * from the customer's other contacts: a customer has one.
 */
export async function writeContact(trx: Tx, input: ContactInput, id: string, existing: boolean, now: number): Promise<void> {
  if (input.isPrimary) {
    await trx.updateTable('contacts').set({ is_primary: 0 }).where('customer_id', '=', input.customerId).where('id', '!=', id).execute();
  }
  const values = { customer_id: input.customerId, name: input.name, title: input.title, is_primary: input.isPrimary ? (1 as const) : (0 as const), notes: input.notes, preferred_language: input.preferredLanguage, updated_at: now };
  if (existing) await trx.updateTable('contacts').set(values).where('id', '=', id).execute();
  else await trx.insertInto('contacts').values({ ...values, id, created_at: now, deleted_at: null }).execute();
  await trx.deleteFrom('contact_channels').where('contact_id', '=', id).execute();
  if (input.channels.length) {
    await trx
      .insertInto('contact_channels')
      .values(input.channels.map((ch, i) => ({ id: newId(), contact_id: id, kind: ch.kind, value: ch.value, value_normalized: normalizeChannel(ch.kind, ch.value), label: ch.label, sort: i })))
      .execute();
  }
}

/** Soft-deletes a contact; a deleted contact is nobody's primary. */
export async function softDeleteContact(trx: Tx, id: string, now: number): Promise<void> {
  await trx.updateTable('contacts').set({ deleted_at: now, is_primary: 0 }).where('id', '=', id).execute();
}

/** Fixed texts, prepared once by the driver's statement cache (db/sqlite-dialect.ts); see insertCustomerRows. */
const INSERT_CONTACT = 'INSERT INTO contacts (id, customer_id, name, title, is_primary, notes, preferred_language, created_at, updated_at, deleted_at)';
const CONTACT_TUPLE = '(?, ?, ?, ?, ?, ?, NULL, ?, ?, NULL)';
const INSERT_CHANNEL = 'INSERT INTO contact_channels (id, contact_id, kind, value, value_normalized, label, sort)';
const CHANNEL_TUPLE = '(?, ?, ?, ?, ?, NULL, ?)';

export interface NewContactRow {
  id: string;
  customerId: string;
  name: string;
  title: string | null;
  isPrimary: boolean;
  notes: string | null;
}

export interface NewChannelRow {
  id: string;
  contactId: string;
  kind: ContactInput['channels'][number]['kind'];
  value: string;
  sort: number;
}

/**
 * Many new contacts at once (imports): fixed 50-row inserts (insertRows), where writeContact
 * takes three built statements per contact. The caller reindexes their customers in the same transaction.
 */
export async function insertContactRows(trx: Tx, rows: readonly NewContactRow[], now: number): Promise<void> {
  await insertRows(trx, INSERT_CONTACT, CONTACT_TUPLE, rows.map((r) => [r.id, r.customerId, r.name, r.title, r.isPrimary ? 1 : 0, r.notes, now, now]));
}

/** Channels added to new or existing contacts, normalised as writeContact does. */
export async function insertChannelRows(trx: Tx, rows: readonly NewChannelRow[]): Promise<void> {
  await insertRows(trx, INSERT_CHANNEL, CHANNEL_TUPLE, rows.map((r) => [r.id, r.contactId, r.kind, r.value, normalizeChannel(r.kind, r.value), r.sort]));
}
