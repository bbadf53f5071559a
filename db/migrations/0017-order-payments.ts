import { sql, type Kysely } from 'kysely';

/**
 * Payment terms of accepted quotes: expected payments and letters of credit (issue 14 point 2).
 *
 * Both hang on the quote, not on the customer: a merge moves a duplicate's quotes (merge.queries.ts)
 * and with them their payments, so there is no second customer reference that could drift. The
 * customer, its owner and the quote number are read through the quote.
 *
 * order_payments: one row per expected payment (deposit, balance, other), money as integer
 * ten-thousandths like quote lines (`*_e4`). `received_at` set means received; the amount that came
 * in is kept beside the expected one (a bank's charges often make it short). The due reminder reads
 * order_payments_due: only unreceived live rows with a date are in it, so Today and the reminders
 * walk a handful of rows in date order, never the paid history; with the quote id in it, counting
 * them reads no payment row.
 *
 * letters_of_credit: at most one live L/C per quote (order_lcs_quote_live). Two deadlines matter,
 * the expiry and the latest shipment date; the shipment one ends when the goods are shipped
 * (`shipped_at`) and both end when the L/C is closed (paid or cancelled: `closed_at`). Each deadline
 * has its own partial index for the same reason as above.
 *
 * Soft delete (`deleted_at`) as for all user data. No cascade from quotes: quotes are soft-deleted.
 *
 * Forward-only: never edit this once shipped.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`CREATE TABLE order_payments (
      id TEXT PRIMARY KEY,
      quote_id TEXT NOT NULL REFERENCES quotes(id),
      seq INTEGER NOT NULL,
      label TEXT NOT NULL CHECK (label IN ('deposit', 'balance', 'other')),
      note TEXT,
      amount_e4 INTEGER NOT NULL CHECK (amount_e4 > 0),
      currency TEXT NOT NULL,
      due_at INTEGER,
      received_at INTEGER,
      received_amount_e4 INTEGER CHECK (received_amount_e4 IS NULL OR received_amount_e4 >= 0),
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      deleted_at INTEGER
    )`,
    sql`CREATE INDEX order_payments_quote ON order_payments (quote_id, seq)`,
    sql`CREATE INDEX order_payments_due ON order_payments (due_at, quote_id) WHERE received_at IS NULL AND deleted_at IS NULL AND due_at IS NOT NULL`,
    sql`CREATE TABLE letters_of_credit (
      id TEXT PRIMARY KEY,
      quote_id TEXT NOT NULL REFERENCES quotes(id),
      number TEXT NOT NULL,
      issuing_bank TEXT NOT NULL,
      amount_e4 INTEGER NOT NULL CHECK (amount_e4 > 0),
      currency TEXT NOT NULL,
      expires_at INTEGER NOT NULL,
      latest_shipment_at INTEGER,
      presentation_days INTEGER,
      notes TEXT,
      shipped_at INTEGER,
      closed_at INTEGER,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      deleted_at INTEGER
    )`,
    sql`CREATE UNIQUE INDEX order_lcs_quote_live ON letters_of_credit (quote_id) WHERE deleted_at IS NULL`,
    sql`CREATE INDEX order_lcs_expiry ON letters_of_credit (expires_at, quote_id) WHERE closed_at IS NULL AND deleted_at IS NULL`,
    sql`CREATE INDEX order_lcs_shipment ON letters_of_credit (latest_shipment_at, quote_id)
      WHERE closed_at IS NULL AND shipped_at IS NULL AND deleted_at IS NULL AND latest_shipment_at IS NOT NULL`,
  ];
  for (const statement of statements) await statement.execute(db);
}
