import { sql, type Kysely } from 'kysely';

/**
 * Today, the home screen (issue 14 point 3).
 *
 * today_snoozes: "remind me on <date>" for the reminders whose date is not the user's to move — a
 * payment's due date, an L/C's expiry, a customer's mail waiting for a reply, a customer due for
 * contact. Tasks, quote follow-ups and sample feedback move their own date instead. One row per
 * reminder (kind, record); a past `until` means the snooze is over, so the row is simply
 * overwritten by the next snooze and never needs cleaning up for correctness.
 *
 * today_notified: which reminders a desktop notification has already shown, by the item's key
 * (kind, record and due date), so each is notified at most once, across restarts and across the
 * Electron app and the web host. A reminder that comes due again on a new date has a new key.
 *
 * Forward-only: never edit this once shipped.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`CREATE TABLE today_snoozes (
      kind TEXT NOT NULL,
      record_id TEXT NOT NULL,
      until INTEGER NOT NULL,
      created_at INTEGER NOT NULL,
      PRIMARY KEY (kind, record_id)
    ) WITHOUT ROWID`,
    sql`CREATE TABLE today_notified (
      item_key TEXT PRIMARY KEY,
      notified_at INTEGER NOT NULL
    ) WITHOUT ROWID`,
  ];
  for (const statement of statements) await statement.execute(db);
}
