import { sql, type Kysely } from 'kysely';

/**
 * Imports of contact sheets (issue 12, point 2): .xlsx, .csv and vCard files applied as one
 * batch that can be undone entirely.
 *
 * A contact sheet's import is an import batch like a mail archive's (one history, one report,
 * one undo), so import_batches takes kind 'contacts'. SQLite cannot alter a CHECK constraint,
 * so the table is rebuilt. The rebuild does not drop import_batches while import_problems still
 * refers to it: with foreign keys on (they stay on inside the migration's transaction), dropping
 * a parent deletes its rows first and that would cascade to every problem. Both tables are built
 * anew under new names, filled, the old ones dropped child first, and the new ones renamed; a
 * rename rewrites the references to it (legacy_alter_table is off), so import_problems refers to
 * import_batches again. The rebuild adds a contact batch's columns: what it was asked to do
 * (options: sheet, column mapping, per-row decisions, encoding) and its counts.
 *
 * import_contact_rows records what each row of a contact batch did — the customer and contact
 * it created or merged into, the channels, tags and contacts it added, and the customer fields
 * it filled with their values before — so that undo removes exactly that and nothing the user
 * added since. contact_import_mappings keeps the column mappings the user confirmed, by name
 * and by the set of headers they were made for, so the same sheet maps itself next time.
 *
 * Forward-only: never edit this once shipped.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`CREATE TABLE import_batches_new (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('mail', 'contacts')),
      source_path TEXT NOT NULL,
      source_kind TEXT NOT NULL,
      owner_id TEXT REFERENCES owners(id) ON DELETE SET NULL,
      account_id TEXT REFERENCES mail_accounts(id) ON DELETE SET NULL,
      own_addresses TEXT NOT NULL DEFAULT '[]',
      status TEXT NOT NULL CHECK (status IN ('running', 'interrupted', 'cancelled', 'done', 'failed', 'undone')),
      runner_pid INTEGER,
      checkpoint TEXT,
      items_done INTEGER NOT NULL DEFAULT 0,
      bytes_done INTEGER NOT NULL DEFAULT 0,
      bytes_total INTEGER,
      imported INTEGER NOT NULL DEFAULT 0,
      duplicates INTEGER NOT NULL DEFAULT 0,
      problems INTEGER NOT NULL DEFAULT 0,
      error TEXT,
      started_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      finished_at INTEGER,
      options TEXT,
      customers_created INTEGER NOT NULL DEFAULT 0,
      contacts_created INTEGER NOT NULL DEFAULT 0,
      rows_merged INTEGER NOT NULL DEFAULT 0,
      rows_skipped INTEGER NOT NULL DEFAULT 0
    )`,
    sql`INSERT INTO import_batches_new (id, kind, source_path, source_kind, owner_id, account_id, own_addresses, status, runner_pid, checkpoint,
        items_done, bytes_done, bytes_total, imported, duplicates, problems, error, started_at, updated_at, finished_at)
      SELECT id, kind, source_path, source_kind, owner_id, account_id, own_addresses, status, runner_pid, checkpoint,
        items_done, bytes_done, bytes_total, imported, duplicates, problems, error, started_at, updated_at, finished_at FROM import_batches`,
    sql`CREATE TABLE import_problems_new (
      batch_id TEXT NOT NULL REFERENCES import_batches_new(id) ON DELETE CASCADE,
      seq INTEGER NOT NULL,
      code TEXT NOT NULL,
      params TEXT NOT NULL,
      label TEXT NOT NULL,
      folder TEXT NOT NULL,
      PRIMARY KEY (batch_id, seq)
    ) WITHOUT ROWID`,
    sql`INSERT INTO import_problems_new SELECT batch_id, seq, code, params, label, folder FROM import_problems`,
    sql`DROP TABLE import_problems`,
    sql`DROP TABLE import_batches`,
    sql`ALTER TABLE import_batches_new RENAME TO import_batches`,
    sql`ALTER TABLE import_problems_new RENAME TO import_problems`,
    sql`CREATE INDEX import_batches_started ON import_batches (started_at)`,
    sql`CREATE TABLE import_contact_rows (
      batch_id TEXT NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
      seq INTEGER NOT NULL,
      row_number INTEGER NOT NULL,
      action TEXT NOT NULL CHECK (action IN ('created', 'merged', 'skipped')),
      customer_id TEXT,
      contact_id TEXT,
      created_customer INTEGER NOT NULL DEFAULT 0,
      created_contact INTEGER NOT NULL DEFAULT 0,
      added TEXT,
      PRIMARY KEY (batch_id, seq)
    ) WITHOUT ROWID`,
    sql`CREATE TABLE contact_import_mappings (
      name TEXT PRIMARY KEY,
      header_set TEXT NOT NULL,
      mapping TEXT NOT NULL,
      updated_at INTEGER NOT NULL
    )`,
    sql`CREATE INDEX contact_import_mappings_headers ON contact_import_mappings (header_set, updated_at)`,
  ];
  for (const statement of statements) await statement.execute(db);
}
