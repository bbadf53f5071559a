import type { Transaction } from 'kysely';
import type { Db } from '../../../db/open-database.ts';
import type { Database } from '../../../db/tables/tables.ts';
import { companyDomains } from '../../../shared/domain/free-mail-domains.ts';
import { customerSearchText } from '../../../shared/domain/customer-search-text.ts';
import { batches, idChunks, IDS_PER_STATEMENT } from '../core/id-chunks.ts';
import { refileCustomers } from '../mail/filing.ts';

type DbOrTrx = Db | Transaction<Database>;

/** Rows per multi-row insert: two values each, well under SQLite's 32,766 per statement. */
const ROWS_PER_INSERT = IDS_PER_STATEMENT / 2;

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
export async function reindexCustomers(db: DbOrTrx, customerIds: readonly string[]): Promise<void> {
  for (const ids of idChunks(customerIds)) {
    const customers = await db
      .selectFrom('customers')
      .select(['rid', 'id', 'code', 'name', 'local_name', 'website', 'phone', 'deleted_at'])
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
    const searchRows = customers
      .filter((c) => c.deleted_at === null)
      .map((c) => ({ rowid: c.rid, text: customerSearchText(c, (contacts.get(c.id) ?? []).map((ct) => ct.name), channels.get(c.id) ?? []) }));
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

export { customerSearchText, type SearchableCustomer } from '../../../shared/domain/customer-search-text.ts';

/** What channel matching compares: lower-cased emails and handles, digits-only phones. */
export function normalizeChannel(kind: string, value: string): string {
  if (kind === 'phone' || kind === 'whatsapp') return value.replace(/\D/g, '');
  return value.trim().toLowerCase();
}
