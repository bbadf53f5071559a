import type { Transaction } from 'kysely';
import type { Db } from '../../../db/open-database.ts';
import type { Database } from '../../../db/tables/tables.ts';
import { companyDomains } from '../../../shared/domain/free-mail-domains.ts';
import { customerSearchText } from '../../../shared/domain/customer-search-text.ts';
import { refileCustomers } from '../mail/filing.ts';

type DbOrTrx = Db | Transaction<Database>;

/**
 * Rebuilds what is derived from a customer's profile and contacts: the full-text row and the
 * company domains. Call it also after a soft delete or restore: the trash is not searched. Every writer that changes names, contacts or channels calls this in the
 * same transaction (customers, contacts, merges, and later imports); it also refiles their mail.
 */
export async function reindexCustomers(db: DbOrTrx, customerIds: readonly string[]): Promise<void> {
  for (const id of new Set(customerIds)) {
    const customer = await db
      .selectFrom('customers')
      .select(['rid', 'id', 'code', 'name', 'local_name', 'website', 'phone', 'deleted_at'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!customer) continue;
    const channels = await db
      .selectFrom('contact_channels as ch')
      .innerJoin('contacts as ct', 'ct.id', 'ch.contact_id')
      .select(['ch.kind', 'ch.value', 'ct.name'])
      .where('ct.customer_id', '=', id)
      .where('ct.deleted_at', 'is', null)
      .execute();
    const contactNames = await db
      .selectFrom('contacts')
      .select('name')
      .where('customer_id', '=', id)
      .where('deleted_at', 'is', null)
      .execute();
    // Only live customers are searchable, so a match count is a count of live customers.
    await db.deleteFrom('customer_search').where('rowid', '=', customer.rid).execute();
    if (customer.deleted_at === null) {
      const text = customerSearchText(customer, contactNames.map((c) => c.name), channels);
      await db.insertInto('customer_search').values({ rowid: customer.rid, text }).execute();
    }

    const emails = channels.filter((c) => c.kind === 'email').map((c) => c.value);
    const domains = companyDomains(customer.website, emails);
    await db.deleteFrom('customer_domains').where('customer_id', '=', id).execute();
    if (domains.length > 0) {
      await db.insertInto('customer_domains').values(domains.map((domain) => ({ customer_id: id, domain }))).execute();
    }
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
