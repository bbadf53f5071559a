import { CompiledQuery, type Insertable, type Selectable } from 'kysely';
import type { DbOrTx } from '../../../../db/database.ts';
import type {
  MailAttachmentsTable,
  MailBodiesTable,
  MailMessageAddressesTable,
  MailMessagesTable,
  MailSearchTable,
} from '../../../../db/tables/mail.tables.ts';

/**
 * The statements of message-writer.ts: which UIDs a folder holds, and the rows of one new message.
 *
 * Written as fixed SQL texts run through Kysely's executor rather than with its query builder:
 * this is the hot path of every sync and import (8 statements per message), and building and
 * compiling each query cost more than running it — ~2.5 s of the ~10 s of database work for
 * 10,000 messages (2026-12-02, test/bench/RESULTS.md › Mail store). A fixed text is prepared
 * once by the driver's statement cache (db/sqlite-dialect.ts) and reused; the column lists are
 * checked against the table types below.
 */

/** A new message row: every column but the generated rid and those a later event sets. */
type MessageRow = Omit<Insertable<MailMessagesTable>, 'rid' | 'filed' | 'remote_content_allowed_at' | 'sender_auth' | 'automated'> &
  Pick<Selectable<MailMessagesTable>, 'sender_auth' | 'automated'>;

const MESSAGE_COLUMNS = [
  'id', 'account_id', 'folder_id', 'uid', 'message_id', 'in_reply_to', 'refs', 'thread_id', 'subject', 'from_name', 'from_address',
  'snippet', 'date_at', 'received_at', 'direction', 'seen', 'flagged', 'answered', 'draft', 'flags', 'size', 'has_attachments',
  'raw_sha256', 'parse_status', 'parse_warnings', 'sender_auth', 'automated', 'created_at', 'updated_at',
] as const satisfies readonly (keyof MessageRow)[];
// Every column a new message row has is in the list (a column added to the type and not here fails to compile).
const everyMessageColumn: Exclude<keyof MessageRow, (typeof MESSAGE_COLUMNS)[number]> extends never ? true : false = true;
void everyMessageColumn;

const INSERT_MESSAGE = `INSERT INTO mail_messages (${MESSAGE_COLUMNS.join(', ')}) VALUES (${MESSAGE_COLUMNS.map(() => '?').join(', ')})`;
const INSERT_BODY = 'INSERT INTO mail_bodies (message_id, text, html) VALUES (?, ?, ?)';
const INSERT_ADDRESS = 'INSERT INTO mail_message_addresses (message_id, role, position, name, address, domain) VALUES (?, ?, ?, ?, ?, ?)';
const INSERT_ATTACHMENT =
  'INSERT INTO mail_attachments (id, message_id, position, filename, content_type, size, sha256, content_id, inline) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)';
const INSERT_SEARCH = 'INSERT INTO mail_search (rowid, subject, addresses, body, attachments) VALUES (?, ?, ?, ?, ?)';
// json_each keeps it one text whatever the number of UIDs.
const STORED_UIDS = 'SELECT uid FROM mail_messages WHERE folder_id = ? AND uid IN (SELECT value FROM json_each(?))';

const run = (db: DbOrTx, text: string, parameters: readonly unknown[]) => db.executeQuery(CompiledQuery.raw(text, [...parameters]));

/** Which of these UIDs the folder already holds. */
export async function storedUids(db: DbOrTx, input: { folderId: string; uids: readonly number[] }): Promise<Set<number>> {
  if (input.uids.length === 0) return new Set();
  const { rows } = await db.executeQuery<{ uid: number }>(CompiledQuery.raw(STORED_UIDS, [input.folderId, JSON.stringify(input.uids)]));
  return new Set(rows.map((r) => r.uid));
}

/** Everything stored for one new message; the search row's rowid is the message's rid, known once it is inserted. */
export interface NewMessageRows {
  message: Omit<MessageRow, 'created_at' | 'updated_at'>;
  body: MailBodiesTable;
  addresses: MailMessageAddressesTable[];
  attachments: MailAttachmentsTable[];
  search: Omit<MailSearchTable, 'rowid'>;
}

/** Inserts a message with its body, address, attachment and search rows (one prepared statement per row). */
export async function insertMessageRows(db: DbOrTx, rows: NewMessageRows, now: number): Promise<void> {
  const message: MessageRow = { ...rows.message, created_at: now, updated_at: now };
  const inserted = await run(db, INSERT_MESSAGE, MESSAGE_COLUMNS.map((c) => message[c]));
  const rid = Number(inserted.insertId);
  await run(db, INSERT_BODY, [rows.body.message_id, rows.body.text, rows.body.html]);
  for (const a of rows.addresses) await run(db, INSERT_ADDRESS, [a.message_id, a.role, a.position, a.name, a.address, a.domain]);
  for (const a of rows.attachments) {
    await run(db, INSERT_ATTACHMENT, [a.id, a.message_id, a.position, a.filename, a.content_type, a.size, a.sha256, a.content_id, a.inline]);
  }
  const s = rows.search;
  await run(db, INSERT_SEARCH, [rid, s.subject, s.addresses, s.body, s.attachments]);
}
