import type { DbOrTx } from '../../../../db/database.ts';
import type { MailSendBatchesTable } from '../../../../db/tables/mail.tables.ts';

/**
 * Personalised sends: the mail_send_batches table, and the contacts a batch (or a template
 * preview) can be written to — live contacts of live customers with their first email, the one
 * a send uses.
 */

/** Ids per IN (...) list, well under SQLite's bound-parameter limit. */
const CHUNK = 500;

/** A contact a template can be rendered for. */
export interface Recipient {
  contactId: string;
  name: string;
  title: string | null;
  email: string | null;
  customer: { id: string; name: string; localName: string | null; code: string; country: string | null; website: string | null };
}

/** The first non-blank email of each contact, by channel order. */
async function firstEmails(db: DbOrTx, contactIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (contactIds.length === 0) return out;
  const emails = await db
    .selectFrom('contact_channels')
    .select(['contact_id', 'value'])
    .where('contact_id', 'in', [...contactIds])
    .where('kind', '=', 'email')
    .orderBy('contact_id')
    .orderBy('sort')
    .execute();
  for (const e of emails) if (!out.has(e.contact_id) && e.value.trim()) out.set(e.contact_id, e.value.trim());
  return out;
}

/** Live contacts of live customers with their first email, keyed by contact id. */
export async function recipients(db: DbOrTx, contactIds: readonly string[]): Promise<Map<string, Recipient>> {
  const out = new Map<string, Recipient>();
  for (let i = 0; i < contactIds.length; i += CHUNK) {
    const part = contactIds.slice(i, i + CHUNK);
    const rows = await db
      .selectFrom('contacts as ct')
      .innerJoin('customers as c', 'c.id', 'ct.customer_id')
      .select(['ct.id', 'ct.name', 'ct.title', 'c.id as customer_id', 'c.name as customer_name', 'c.local_name', 'c.code', 'c.country', 'c.website'])
      .where('ct.id', 'in', part)
      .where('ct.deleted_at', 'is', null)
      .where('c.deleted_at', 'is', null)
      .execute();
    const emails = await firstEmails(db, part);
    for (const r of rows) {
      out.set(r.id, {
        contactId: r.id,
        name: r.name,
        title: r.title,
        email: emails.get(r.id) ?? null,
        customer: { id: r.customer_id, name: r.customer_name, localName: r.local_name, code: r.code, country: r.country, website: r.website },
      });
    }
  }
  return out;
}

export interface BatchCustomerRow {
  id: string;
  code: string;
  name: string;
  contacts: Array<{ id: string; name: string; title: string | null; email: string | null; isPrimary: boolean }>;
}

/** Live customers among these ids, each with its live contacts (primary first) and their first email. */
export async function customersWithContacts(db: DbOrTx, customerIds: readonly string[]): Promise<Map<string, BatchCustomerRow>> {
  const byId = new Map<string, BatchCustomerRow>();
  for (let i = 0; i < customerIds.length; i += CHUNK) {
    const part = customerIds.slice(i, i + CHUNK);
    const customers = await db.selectFrom('customers').select(['id', 'code', 'name']).where('id', 'in', part).where('deleted_at', 'is', null).execute();
    for (const c of customers) byId.set(c.id, { ...c, contacts: [] });
    const contacts = await db
      .selectFrom('contacts')
      .select(['id', 'customer_id', 'name', 'title', 'is_primary'])
      .where('customer_id', 'in', part)
      .where('deleted_at', 'is', null)
      .orderBy('is_primary', 'desc')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const emails = await firstEmails(db, contacts.map((c) => c.id));
    for (const c of contacts) {
      byId.get(c.customer_id)?.contacts.push({ id: c.id, name: c.name, title: c.title, email: emails.get(c.id) ?? null, isPrimary: c.is_primary === 1 });
    }
  }
  return byId;
}

export async function insertBatch(db: DbOrTx, batch: Omit<MailSendBatchesTable, 'created_at' | 'canceled_at'>, now: number): Promise<void> {
  await db
    .insertInto('mail_send_batches')
    .values({ ...batch, created_at: now, canceled_at: null })
    .execute();
}

/** Batches with their template's name, newest first. */
export async function batchRows(db: DbOrTx, batchIds: readonly string[]) {
  if (batchIds.length === 0) return [];
  return db
    .selectFrom('mail_send_batches as b')
    .leftJoin('mail_templates as t', 't.id', 'b.template_id')
    .select(['b.id', 'b.account_id', 'b.template_id', 't.name as template_name', 'b.rate_per_minute', 'b.created_at', 'b.canceled_at'])
    .where('b.id', 'in', [...batchIds])
    .orderBy('b.created_at', 'desc')
    .orderBy('b.id', 'desc')
    .execute();
}

/** One page of batch ids (of one account, or all), newest first, and how many there are. */
export async function batchPage(db: DbOrTx, query: { accountId?: string | null | undefined; offset: number; limit: number }): Promise<{ total: number; ids: string[] }> {
  let q = db.selectFrom('mail_send_batches');
  if (query.accountId) q = q.where('account_id', '=', query.accountId);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const ids = await q.select('id').orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit).offset(query.offset).execute();
  return { total: Number(total.n), ids: ids.map((r) => r.id) };
}

/** Marks the batch canceled (once); false when there is no such batch. */
export async function cancelBatchRow(db: DbOrTx, id: string, now: number): Promise<boolean> {
  const batch = await db.selectFrom('mail_send_batches').select('id').where('id', '=', id).executeTakeFirst();
  if (!batch) return false;
  await db.updateTable('mail_send_batches').set({ canceled_at: now }).where('id', '=', id).where('canceled_at', 'is', null).execute();
  return true;
}
