import { sql, type Kysely } from 'kysely';

/**
 * A merge moves every activity of the duplicates to the kept customer, the deleted ones too (so
 * nothing is lost). activities_timeline indexes only live activities, so finding a customer's
 * deleted ones scanned the whole table: ~95 % of a merge at 100,000 customers / 1M activities
 * (~300 ms per duplicate at load ~10). This index holds the deleted activities only, so it stays
 * small, and the merge finds them by customer (electron/services/customers/merge.queries.ts).
 *
 * Forward-only: never edit this once shipped.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX activities_deleted_customer ON activities (customer_id) WHERE deleted_at IS NOT NULL`.execute(db);
}
