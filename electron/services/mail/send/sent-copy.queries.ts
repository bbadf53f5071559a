import type { DbOrTx } from '../../../../db/database.ts';
import type { MailMessagesTable } from '../../../../db/tables/mail.tables.ts';

/**
 * What putting a sent mail into the Sent folder reads and writes here: the account's local Sent
 * folder, the customer a mail written from their page is filed under, and the flags of the
 * message it answered. The message row itself is written by the store (store/message-writer.ts).
 */

/** The folder the sync stored as the account's special-use Sent folder (the oldest if several). */
export async function localSentFolder(db: DbOrTx, accountId: string): Promise<{ id: string; path: string } | undefined> {
  return db
    .selectFrom('mail_folders')
    .select(['id', 'path'])
    .where('account_id', '=', accountId)
    .where('special_use', '=', 'sent')
    .orderBy('created_at')
    .executeTakeFirst();
}

export async function folderIdByPath(db: DbOrTx, accountId: string, path: string): Promise<string | null> {
  const row = await db.selectFrom('mail_folders').select('id').where('account_id', '=', accountId).where('path', '=', path).executeTakeFirst();
  return row?.id ?? null;
}

/**
 * Files a stored message under a live customer by hand ('manual'), as a mail written from the
 * customer's page is, even when no address matched a contact. Nothing when the customer is
 * deleted or the link exists.
 */
export async function fileUnderCustomer(db: DbOrTx, input: { messageId: string; customerId: string; address: string }): Promise<void> {
  const customer = await db.selectFrom('customers').select('id').where('id', '=', input.customerId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!customer) return;
  const msg = await db.selectFrom('mail_messages').select(['date_at', 'direction']).where('id', '=', input.messageId).executeTakeFirstOrThrow();
  await db
    .insertInto('mail_message_customers')
    .values({ message_id: input.messageId, customer_id: customer.id, contact_id: null, match: 'manual', address: input.address.toLowerCase(), date_at: msg.date_at, direction: msg.direction })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** The answered or forwarded message of this account, with its server place and flags; undefined when gone. */
export async function messageOnServer(db: DbOrTx, messageId: string, accountId: string): Promise<{ id: string; uid: number | null; flags: string; path: string } | undefined> {
  return db
    .selectFrom('mail_messages as m')
    .innerJoin('mail_folders as f', 'f.id', 'm.folder_id')
    .select(['m.id', 'm.uid', 'm.flags', 'f.path'])
    .where('m.id', '=', messageId)
    .where('m.account_id', '=', accountId)
    .executeTakeFirst();
}

type FlagColumns = Pick<MailMessagesTable, 'seen' | 'flagged' | 'answered' | 'draft' | 'flags'>;

export async function setMessageFlags(db: DbOrTx, messageId: string, flags: FlagColumns, now: number): Promise<void> {
  await db
    .updateTable('mail_messages')
    .set({ ...flags, updated_at: now })
    .where('id', '=', messageId)
    .execute();
}
