import { sql, type RawBuilder } from 'kysely';
import type { DbOrTx } from '../../../db/database.ts';

/**
 * "This customer is not in the trash", for a query whose customers table is aliased `c`.
 * likely(): most customers are live, and without statistics (users' databases are never
 * ANALYZEd) SQLite would otherwise drive the query through the deleted_at index and visit
 * every customer.
 */
export const liveCustomer: RawBuilder<boolean> = sql<boolean>`likely(c.deleted_at IS NULL)`;

/**
 * The email channels at these (normalized) addresses that belong to live contacts of live
 * customers (`ch`, `ct`, `c`); the caller selects and orders. Found from the (kind,
 * value_normalized) index: filing, duplicate checks and the reply language all start here.
 */
export function liveEmailChannels(db: DbOrTx, addresses: readonly string[]) {
  return db
    .selectFrom('contact_channels as ch')
    .innerJoin('contacts as ct', 'ct.id', 'ch.contact_id')
    .innerJoin('customers as c', 'c.id', 'ct.customer_id')
    .where('ch.kind', '=', 'email')
    .where('ch.value_normalized', 'in', addresses)
    .where('ct.deleted_at', 'is', null)
    .where('c.deleted_at', 'is', null);
}

/** The company domains among these that belong to live customers (`d`, `c`); the caller selects. */
export function liveCustomerDomains(db: DbOrTx, domains: readonly string[]) {
  return db.selectFrom('customer_domains as d').innerJoin('customers as c', 'c.id', 'd.customer_id').where('d.domain', 'in', domains).where('c.deleted_at', 'is', null);
}
