import { sql, type Kysely } from 'kysely';

/**
 * Read / unread and star changes made here that the mail server has not been told yet
 * (mail.setFlags, issue 4). The local message row changes at once; this row remembers the
 * wanted flags until a sync pass has stored them on the server. The sync sends these before
 * it reads flags from the server and leaves messages with a row here alone, so a change made
 * offline is never flipped back by the server's older state.
 *
 * One row per message: a second change merges into it. seen / flagged: the wanted value
 * (0 or 1), NULL = not changed here. Deleting the message (expunged on the server, a reset
 * folder, a removed account) deletes the row: there is nothing left to tell the server.
 *
 * Forward-only: never edit this once shipped.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`CREATE TABLE mail_flag_changes (
      message_id TEXT PRIMARY KEY REFERENCES mail_messages(id) ON DELETE CASCADE,
      folder_id TEXT NOT NULL REFERENCES mail_folders(id) ON DELETE CASCADE,
      seen INTEGER CHECK (seen IN (0, 1)),
      flagged INTEGER CHECK (flagged IN (0, 1)),
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) WITHOUT ROWID`,
    // The sync asks per folder: "anything to tell the server before reading its flags?"
    sql`CREATE INDEX mail_flag_changes_folder ON mail_flag_changes (folder_id)`,
  ];
  for (const statement of statements) await statement.execute(db);
}
