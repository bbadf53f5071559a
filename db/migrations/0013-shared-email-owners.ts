import { sql, type Kysely } from 'kysely';

/**
 * The duplicates page asks which email addresses two or more customers share (issue 11, point
 * 8): for each address stored twice or more, the contact of each channel and that contact's
 * customer (electron/services/customers/duplicates.queries.ts, sharedEmails). Each of those was a
 * look-up in the channels table for its contact, then in the contacts table for its customer:
 * ~40 % of a first visit's reads at 100,000 customers (7,830 channels, pages all over two tables
 * of ~75 MB). contact_channels_email_owners holds each email channel's address and contact, and
 * contacts_live_customer maps a live contact to its customer, so both come from indexes: that
 * read took ~215 ms of CPU instead of ~370 ms in a fresh process. contact_channels_lookup stays
 * as it was: widened with the contact, SQLite walked it by kind alone in a merge (see
 * duplicates.test.ts, "merges through indexes only"); the new one holds email channels only, so
 * queries asking for a kind given as a parameter cannot pick it.
 *
 * Forward-only: never edit this once shipped.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`CREATE INDEX contact_channels_email_owners ON contact_channels (value_normalized, contact_id) WHERE kind = 'email'`,
    sql`CREATE INDEX contacts_live_customer ON contacts (id, customer_id) WHERE deleted_at IS NULL`,
  ];
  for (const statement of statements) await statement.execute(db);
}
