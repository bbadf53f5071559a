import { sql, type Kysely } from 'kysely';

/**
 * Imports of mail archives (issue 12). Each import is a batch: where it reads from, whose mail
 * it is, how far it got (the checkpoint, written in the same transaction as each batch of
 * messages, so a crash or a quit resumes exactly there), its counts, and the items it had to
 * skip with their reasons (import_problems: what the report shows). runner_pid is the process
 * running it: the CLI and the app may share a data folder, and only an import whose process is
 * gone is interrupted.
 *
 * The mail of one import lives in an archive account of its own (mail_accounts.kind 'archive'),
 * with the archive's folders: undoing the import is deleting that account, which cascades to
 * its folders, messages and their links, and the filing triggers (migration 0002) put every
 * customer's last contact back.
 *
 * Importing the same mail twice must add nothing, whichever archive or account it came in by:
 * a message is a duplicate when its bytes are stored already (mail_messages_raw) or when a stored
 * message has its Message-ID with the same date and sender. The Message-ID index led with the
 * account, which no query used; it now leads with the Message-ID, so that lookup across
 * accounts is one index seek.
 *
 * Forward-only: never edit this once shipped.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE import_batches (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('mail')),
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
    finished_at INTEGER
  )`.execute(db);
  await sql`CREATE INDEX import_batches_started ON import_batches (started_at)`.execute(db);
  await sql`CREATE TABLE import_problems (
    batch_id TEXT NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    code TEXT NOT NULL,
    params TEXT NOT NULL,
    label TEXT NOT NULL,
    folder TEXT NOT NULL,
    PRIMARY KEY (batch_id, seq)
  ) WITHOUT ROWID`.execute(db);
  await sql`DROP INDEX mail_messages_message_id`.execute(db);
  await sql`CREATE INDEX mail_messages_message_id ON mail_messages (message_id) WHERE message_id IS NOT NULL`.execute(db);
}
