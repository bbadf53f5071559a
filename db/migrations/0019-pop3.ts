import { sql, type Kysely } from 'kysely';

/**
 * POP3 accounts (issue 14 point 7): mailboxes without IMAP, downloaded into one Inbox folder.
 *
 * A POP3 account is a mail_accounts row of kind 'pop3' whose incoming server sits in the
 * imap_* columns (0002's CHECK already demands them for every non-archive account: they are the
 * "incoming server" columns). Two settings are added to the account:
 * - pop3_leave_on_server (default 1): keep every message on the server after downloading it —
 *   the safe default, since another program (a phone, webmail) may still read the mailbox;
 * - pop3_delete_after_days: with leave on server, delete a message from the server this many
 *   days after it was first downloaded; NULL = never. Without leave on server it is deleted at
 *   the end of the pass that downloaded it.
 *
 * mail_pop3_uidls remembers every UIDL (RFC 1939 unique-id) downloaded per account. POP3 has no
 * flags or UIDs the server keeps for us: this table is the whole sync state. The row is written
 * in the same transaction as its message, so a crash never stores a message twice nor records a
 * UIDL whose message is missing. message_id is SET NULL when the local message is deleted: the
 * UIDL stays, so the message is not downloaded again. gone_at: when the UIDL was last missing
 * from the server's list (deleted here, or by another client), NULL while it is there.
 *
 * Forward-only: never edit this once shipped.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`ALTER TABLE mail_accounts ADD COLUMN pop3_leave_on_server INTEGER NOT NULL DEFAULT 1 CHECK (pop3_leave_on_server IN (0, 1))`,
    sql`ALTER TABLE mail_accounts ADD COLUMN pop3_delete_after_days INTEGER CHECK (pop3_delete_after_days IS NULL OR pop3_delete_after_days >= 1)`,
    sql`CREATE TABLE mail_pop3_uidls (
      account_id TEXT NOT NULL REFERENCES mail_accounts(id) ON DELETE CASCADE,
      uidl TEXT NOT NULL,
      message_id TEXT REFERENCES mail_messages(id) ON DELETE SET NULL,
      first_seen_at INTEGER NOT NULL,
      deleted_from_server_at INTEGER,
      gone_at INTEGER,
      PRIMARY KEY (account_id, uidl)
    ) WITHOUT ROWID`,
    // ON DELETE SET NULL looks rows up by message when a message is deleted.
    sql`CREATE INDEX mail_pop3_uidls_message ON mail_pop3_uidls (message_id) WHERE message_id IS NOT NULL`,
  ];
  for (const statement of statements) await statement.execute(db);
}
