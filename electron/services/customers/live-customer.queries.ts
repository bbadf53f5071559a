import { sql, type RawBuilder } from 'kysely';

/**
 * "This customer is not in the trash", for a query whose customers table is aliased `c`.
 * likely(): most customers are live, and without statistics (users' databases are never
 * ANALYZEd) SQLite would otherwise drive the query through the deleted_at index and visit
 * every customer.
 */
export const liveCustomer: RawBuilder<boolean> = sql<boolean>`likely(c.deleted_at IS NULL)`;
