import { sql, type Kysely } from 'kysely';

/**
 * The duplicates page reads the name key, name, country and id of every live customer (issue 11,
 * point 8). From the table that read touched all of it (~25 MB at 100,000 customers) and came in
 * row id order, so the name blocks were sorted out in memory. This index holds those columns of
 * the live customers, ordered by name key and id: the read scans ~10 MB, gets each name block as
 * one run, and can go on from the last (name key, id) it read, a part at a time
 * (electron/services/customers/duplicates.queries.ts, liveNameRows). It starts with name_key, so it
 * also answers what customers_name_key did (names starting with a prefix), which it replaces.
 *
 * Forward-only: never edit this once shipped.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX customers_duplicate_names ON customers (name_key, id, name, country) WHERE deleted_at IS NULL`.execute(db);
  await sql`DROP INDEX customers_name_key`.execute(db);
}
