import type { Insertable } from 'kysely';
import type { DbOrTx } from '../../../../db/database.ts';
import type {
  MailAttachmentsTable,
  MailBodiesTable,
  MailMessageAddressesTable,
  MailMessagesTable,
  MailSearchTable,
} from '../../../../db/tables/mail.tables.ts';

/** The statements of message-writer.ts: which UIDs a folder holds, and the rows of one new message. */

/** How many UIDs go into one `IN` list. */
const UID_CHUNK = 500;

/** Which of these UIDs the folder already holds. */
export async function storedUids(db: DbOrTx, input: { folderId: string; uids: readonly number[] }): Promise<Set<number>> {
  const present = new Set<number>();
  for (let i = 0; i < input.uids.length; i += UID_CHUNK) {
    const rows = await db
      .selectFrom('mail_messages')
      .select('uid')
      .where('folder_id', '=', input.folderId)
      .where('uid', 'in', input.uids.slice(i, i + UID_CHUNK))
      .execute();
    for (const r of rows) if (r.uid !== null) present.add(r.uid);
  }
  return present;
}

/** Everything stored for one new message; the search row's rowid is the message's rid, known once it is inserted. */
export interface NewMessageRows {
  message: Omit<Insertable<MailMessagesTable>, 'created_at' | 'updated_at'>;
  body: MailBodiesTable;
  addresses: MailMessageAddressesTable[];
  attachments: MailAttachmentsTable[];
  search: Omit<MailSearchTable, 'rowid'>;
}

/** Inserts a message with its body, address, attachment and search rows (one statement each, none for an empty list). */
export async function insertMessageRows(db: DbOrTx, rows: NewMessageRows, now: number): Promise<void> {
  const inserted = await db
    .insertInto('mail_messages')
    .values({ ...rows.message, created_at: now, updated_at: now })
    .returning('rid')
    .executeTakeFirstOrThrow();
  await db.insertInto('mail_bodies').values(rows.body).execute();
  if (rows.addresses.length > 0) await db.insertInto('mail_message_addresses').values(rows.addresses).execute();
  if (rows.attachments.length > 0) await db.insertInto('mail_attachments').values(rows.attachments).execute();
  await db
    .insertInto('mail_search')
    .values({ rowid: inserted.rid, ...rows.search })
    .execute();
}
