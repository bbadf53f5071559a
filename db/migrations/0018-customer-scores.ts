import { sql, type Kysely } from 'kysely';

/**
 * The computed value (RFM) score per customer and lifecycle suggestions (issue 14 point 4; the
 * rules are in shared/domain/value-score.ts).
 *
 * Incremental, not nightly: triggers put a customer into score_dirty, in the writer's own
 * transaction, whenever what its score reads changes — its last contact (itself kept by triggers
 * from activities and filed mail, so every writer is covered), stage or deletion, and its accepted
 * quotes and their lines. Right after the commit the score service rescores the dirty customers
 * (electron/services/scores/): the rules need the injected clock, which SQL does not have.
 * customer_scores.valid_until is when a score drops with time alone (the next recency band), so
 * the same pass also rescores those; nothing waits for a nightly run.
 *
 * customer_money holds each customer's ordered value per currency (currencies are never
 * converted); score_quartiles the per-currency boundaries, refreshed when score_state counts
 * enough changes of those values (see quartilesStaleAfter).
 *
 * stage_suggestions keeps every suggestion made, one row per (customer, reason, basis): a pending
 * one waits for the user, a dismissed or confirmed one stays so the same occasion is never
 * suggested again. The weights live beside what they weigh (score_weights, one row) rather than among the
 * key/value settings: changing them rescores every customer in the same transaction.
 *
 * Forward-only: never edit this once shipped.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const dirty = (id: string) => `INSERT OR IGNORE INTO score_dirty (customer_id) VALUES (${id})`;
  const statements = [
    sql`CREATE TABLE customer_scores (
      customer_id TEXT PRIMARY KEY REFERENCES customers(id) ON DELETE CASCADE,
      score INTEGER NOT NULL,
      r INTEGER NOT NULL,
      f INTEGER NOT NULL,
      m INTEGER NOT NULL,
      recency_at INTEGER,
      orders INTEGER NOT NULL,
      last_order_at INTEGER,
      valid_until INTEGER,
      computed_at INTEGER NOT NULL
    ) WITHOUT ROWID`,
    // The list's filter by value band is customers.value_band, kept by the score passes: as a column
    // of customers with an index like customers_grade, a band filter sorted by name walks one index
    // (4 ms at 100k). Filtering through customer_scores looked up a row per customer: 60–180 ms.
    sql`ALTER TABLE customers ADD COLUMN value_band TEXT CHECK (value_band IN ('high', 'medium', 'low'))`,
    sql`CREATE INDEX customers_value_band ON customers (value_band, name COLLATE NOCASE) WHERE deleted_at IS NULL`,
    sql`CREATE INDEX customer_scores_valid ON customer_scores (valid_until) WHERE valid_until IS NOT NULL`,
    sql`CREATE TABLE customer_money (
      customer_id TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
      currency TEXT NOT NULL,
      total_e4 INTEGER NOT NULL,
      PRIMARY KEY (customer_id, currency)
    ) WITHOUT ROWID`,
    // Quartile boundaries: the total at a rank, read by OFFSET on this index.
    sql`CREATE INDEX customer_money_rank ON customer_money (currency, total_e4)`,
    sql`CREATE TABLE score_quartiles (
      currency TEXT PRIMARY KEY,
      q1_e4 INTEGER NOT NULL,
      q2_e4 INTEGER NOT NULL,
      q3_e4 INTEGER NOT NULL,
      customers INTEGER NOT NULL,
      computed_at INTEGER NOT NULL
    ) WITHOUT ROWID`,
    sql`CREATE TABLE score_state (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      money_changes INTEGER NOT NULL,
      population INTEGER NOT NULL,
      quartiles_at INTEGER
    )`,
    // money_changes starts "stale", so the first pass computes the boundaries.
    sql`INSERT INTO score_state (id, money_changes, population, quartiles_at) VALUES (1, 1, 0, NULL)`,
    sql`CREATE TABLE score_weights (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      recency INTEGER NOT NULL,
      frequency INTEGER NOT NULL,
      monetary INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    )`,
    sql`INSERT INTO score_weights (id, recency, frequency, monetary, updated_at) VALUES (1, 3, 3, 4, 0)`,
    sql`CREATE TABLE score_dirty (customer_id TEXT PRIMARY KEY) WITHOUT ROWID`,
    sql`CREATE TABLE stage_suggestions (
      id TEXT PRIMARY KEY,
      customer_id TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
      reason TEXT NOT NULL CHECK (reason IN ('firstOrder', 'repeatOrders', 'dormant')),
      basis INTEGER NOT NULL,
      from_stage TEXT NOT NULL,
      to_stage TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'dismissed')),
      created_at INTEGER NOT NULL,
      decided_at INTEGER,
      UNIQUE (customer_id, reason, basis)
    )`,
    sql`CREATE INDEX stage_suggestions_pending ON stage_suggestions (created_at) WHERE status = 'pending'`,
    // Every existing customer is scored by the first pass after the upgrade.
    sql`INSERT INTO score_dirty (customer_id) SELECT id FROM customers WHERE deleted_at IS NULL`,
    sql.raw(`CREATE TRIGGER customers_score_ai AFTER INSERT ON customers BEGIN ${dirty('NEW.id')}; END`),
    sql.raw(`CREATE TRIGGER customers_score_au AFTER UPDATE OF last_contacted_at, stage, deleted_at ON customers BEGIN ${dirty('NEW.id')}; END`),
    // Only accepted quotes are orders: a draft's edits and a sent quote's follow-ups leave scores alone.
    sql.raw(`CREATE TRIGGER quotes_score_ai AFTER INSERT ON quotes WHEN NEW.status = 'accepted' BEGIN ${dirty('NEW.customer_id')}; END`),
    sql.raw(`CREATE TRIGGER quotes_score_au AFTER UPDATE OF status, deleted_at, customer_id, decided_at ON quotes
      WHEN NEW.status = 'accepted' OR OLD.status = 'accepted' BEGIN
      ${dirty('NEW.customer_id')}; ${dirty('OLD.customer_id')};
    END`),
    sql.raw(`CREATE TRIGGER quotes_score_ad AFTER DELETE ON quotes WHEN OLD.status = 'accepted' BEGIN ${dirty('OLD.customer_id')}; END`),
    sql.raw(`CREATE TRIGGER quote_lines_score_ai AFTER INSERT ON quote_lines BEGIN
      INSERT OR IGNORE INTO score_dirty (customer_id) SELECT customer_id FROM quotes WHERE id = NEW.quote_id AND status = 'accepted';
    END`),
    sql.raw(`CREATE TRIGGER quote_lines_score_au AFTER UPDATE OF amount_e4, currency ON quote_lines BEGIN
      INSERT OR IGNORE INTO score_dirty (customer_id) SELECT customer_id FROM quotes WHERE id = NEW.quote_id AND status = 'accepted';
    END`),
    sql.raw(`CREATE TRIGGER quote_lines_score_ad AFTER DELETE ON quote_lines BEGIN
      INSERT OR IGNORE INTO score_dirty (customer_id) SELECT customer_id FROM quotes WHERE id = OLD.quote_id AND status = 'accepted';
    END`),
  ];
  for (const statement of statements) await statement.execute(db);
}
