import type { DbOrTx } from '../../../db/database.ts';
import { companyDomains } from '../../../shared/domain/free-mail-domains.ts';
import { customerSearchText, customerWritingSearchText } from '../../../shared/domain/customer-search-text.ts';
import { batches, idChunks, IDS_PER_STATEMENT } from '../core/id-chunks.ts';
import { refileCustomers } from '../mail/store/filing.ts';

/** Rows per multi-row insert: three values each, well under SQLite's 32,766 per statement. */
const ROWS_PER_INSERT = Math.floor(IDS_PER_STATEMENT / 3);

function groupBy<T extends { customer_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(row.customer_id);
    if (list) list.push(row);
    else out.set(row.customer_id, [row]);
  }
  return out;
}

/**
 * Rebuilds what is derived from a customer's profile and contacts: the full-text row and the
 * company domains. Call it also after a soft delete or restore: the trash is not searched. Every writer that changes names, contacts or channels calls this in the
 * same transaction (customers, contacts, merges, and later imports); it also refiles their mail.
 *
 * Set-wise, a chunk of customers per statement: a bulk delete or restore passes tens of
 * thousands, and a few statements per chunk instead of seven per customer keeps that to seconds.
 */
export async function reindexCustomers(db: DbOrTx, customerIds: readonly string[]): Promise<void> {
  for (const ids of idChunks(customerIds)) {
    const customers = await db
      .selectFrom('customers')
      .select(['rid', 'id', 'code', 'name', 'local_name', 'website', 'phone', 'notes', 'deleted_at'])
      .where('id', 'in', ids)
      .execute();
    if (customers.length === 0) continue;
    const channels = groupBy(
      await db
        .selectFrom('contact_channels as ch')
        .innerJoin('contacts as ct', 'ct.id', 'ch.contact_id')
        .select(['ct.customer_id', 'ch.kind', 'ch.value', 'ct.name'])
        .where('ct.customer_id', 'in', ids)
        .where('ct.deleted_at', 'is', null)
        .execute(),
    );
    const contacts = groupBy(
      await db.selectFrom('contacts').select(['customer_id', 'name']).where('customer_id', 'in', ids).where('deleted_at', 'is', null).execute(),
    );

    // Only live customers are searchable, so a match count is a count of live customers.
    await db.deleteFrom('customer_search').where('rowid', 'in', customers.map((c) => c.rid)).execute();
    const live = customers.filter((c) => c.deleted_at === null);
    const writing = await writingSearchTexts(db, live);
    const searchRows = live.map((c) => ({
      rowid: c.rid,
      text: customerSearchText(c, (contacts.get(c.id) ?? []).map((ct) => ct.name), channels.get(c.id) ?? []),
      notes: writing.get(c.id) ?? '',
    }));
    for (const rows of batches(searchRows, ROWS_PER_INSERT)) await db.insertInto('customer_search').values(rows).execute();

    const domainRows = customers.flatMap((c) => {
      const emails = (channels.get(c.id) ?? []).filter((ch) => ch.kind === 'email').map((ch) => ch.value);
      return companyDomains(c.website, emails).map((domain) => ({ customer_id: c.id, domain }));
    });
    await db.deleteFrom('customer_domains').where('customer_id', 'in', customers.map((c) => c.id)).execute();
    for (const rows of batches(domainRows, ROWS_PER_INSERT)) await db.insertInto('customer_domains').values(rows).execute();
  }
  // Contacts' addresses and company domains decide which mail is filed here, so whatever
  // changed them (an added email, a merge, a delete or restore) refiles that mail at once.
  await refileCustomers(db, customerIds);
}

/**
 * The `notes` column of the given live customers' FTS rows (customerWritingSearchText): their
 * notes, custom-field text and live activities, by customer id. The same text as migration 0008.
 */
async function writingSearchTexts(db: DbOrTx, all: ReadonlyArray<{ id: string; notes: string | null }>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  // A few hundred customers at a time: 10,000 customers' activities at once held ~8 GB at 1M activities.
  for (const customers of batches(all, WRITING_CUSTOMERS_PER_READ)) await writingSearchTextsOf(db, customers, out);
  return out;
}

const WRITING_CUSTOMERS_PER_READ = 500;

async function writingSearchTextsOf(db: DbOrTx, customers: ReadonlyArray<{ id: string; notes: string | null }>, out: Map<string, string>): Promise<void> {
  const ids = customers.map((c) => c.id);
  const fields = groupBy(
    await db
      .selectFrom('custom_field_values as v')
      .innerJoin('custom_field_defs as d', 'd.id', 'v.field_id')
      .select(['v.customer_id', 'v.value'])
      .where('v.customer_id', 'in', ids)
      .where('d.deleted_at', 'is', null)
      .execute(),
  );
  const activities = groupBy(
    await db
      .selectFrom('activities')
      .select(['customer_id', 'subject', 'body'])
      .where('customer_id', 'in', ids)
      .where('deleted_at', 'is', null)
      .orderBy('customer_id')
      .orderBy('occurred_at')
      .execute(),
  );
  for (const c of customers) {
    const customFieldValues = (fields.get(c.id) ?? []).map((f) => f.value);
    out.set(c.id, customerWritingSearchText({ notes: c.notes, customFieldValues, activities: activities.get(c.id) ?? [] }));
  }
}

/**
 * Rewrites only the `notes` column of live customers' FTS rows: what an activity's create,
 * update or delete changes. Call it in the same transaction as the write. A customer in the
 * trash has no row and gets none.
 */
export async function reindexCustomerWriting(db: DbOrTx, customerIds: readonly string[]): Promise<void> {
  for (const ids of idChunks([...new Set(customerIds)])) {
    const customers = await db.selectFrom('customers').select(['rid', 'id', 'notes']).where('id', 'in', ids).where('deleted_at', 'is', null).execute();
    const writing = await writingSearchTexts(db, customers);
    for (const c of customers) {
      await db.updateTable('customer_search').set({ notes: writing.get(c.id) ?? '' }).where('rowid', '=', c.rid).execute();
    }
  }
}
