import type { DbOrTx } from '../../../../db/database.ts';
import type { MailAccountsTable, MailAttachmentsTable, MailMessageAddressesTable } from '../../../../db/tables/mail.tables.ts';

/**
 * What composing and queuing a mail reads: the account to send from, the message answered or
 * forwarded, the contact written to, the customer it is filed under, and stored attachments.
 */

export async function accountById(db: DbOrTx, id: string): Promise<MailAccountsTable | undefined> {
  return db.selectFrom('mail_accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The first account created that has an outgoing server (the default sender). */
export async function firstSendingAccount(db: DbOrTx): Promise<MailAccountsTable | undefined> {
  return db.selectFrom('mail_accounts').selectAll().where('kind', '=', 'imap').where('smtp_host', 'is not', null).orderBy('created_at').executeTakeFirst();
}

export async function attachmentById(db: DbOrTx, id: string): Promise<MailAttachmentsTable | undefined> {
  return db.selectFrom('mail_attachments').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A stored message with its body, addresses (by role and position) and attachments; undefined when gone. */
export async function messageToAnswer(db: DbOrTx, id: string) {
  const message = await db
    .selectFrom('mail_messages as m')
    .leftJoin('mail_bodies as b', 'b.message_id', 'm.id')
    .select(['m.id', 'm.account_id', 'm.message_id', 'm.refs', 'm.subject', 'm.from_name', 'm.from_address', 'm.date_at', 'm.direction', 'b.text', 'b.html'])
    .where('m.id', '=', id)
    .executeTakeFirst();
  if (!message) return undefined;
  const addresses: MailMessageAddressesTable[] = await db.selectFrom('mail_message_addresses').selectAll().where('message_id', '=', id).orderBy('role').orderBy('position').execute();
  const attachments: MailAttachmentsTable[] = await db.selectFrom('mail_attachments').selectAll().where('message_id', '=', id).orderBy('position').execute();
  return { message, addresses, attachments };
}

/** The first live customer (by name) a message is filed under, or null. */
export async function customerOfMessage(db: DbOrTx, messageId: string): Promise<string | null> {
  const row = await db
    .selectFrom('mail_message_customers as l')
    .innerJoin('customers as c', 'c.id', 'l.customer_id')
    .select('c.id')
    .where('l.message_id', '=', messageId)
    .where('c.deleted_at', 'is', null)
    .orderBy('c.name')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** A live contact of a live customer with their first email (by channel order); undefined when deleted or unknown. */
export async function contactWithEmail(db: DbOrTx, contactId: string): Promise<{ name: string; customerId: string; email: string | null } | undefined> {
  const contact = await db
    .selectFrom('contacts as ct')
    .innerJoin('customers as c', 'c.id', 'ct.customer_id')
    .select(['ct.id', 'ct.name', 'c.id as customer_id'])
    .where('ct.id', '=', contactId)
    .where('ct.deleted_at', 'is', null)
    .where('c.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!contact) return undefined;
  const email = await db.selectFrom('contact_channels').select('value').where('contact_id', '=', contactId).where('kind', '=', 'email').orderBy('sort').executeTakeFirst();
  return { name: contact.name, customerId: contact.customer_id, email: email?.value ?? null };
}

export async function isLiveCustomer(db: DbOrTx, customerId: string): Promise<boolean> {
  const row = await db.selectFrom('customers').select('id').where('id', '=', customerId).where('deleted_at', 'is', null).executeTakeFirst();
  return row !== undefined;
}

/** Whether the message is stored under this account (the original of a reply may be gone by now). */
export async function isMessageOfAccount(db: DbOrTx, messageId: string, accountId: string): Promise<boolean> {
  const row = await db.selectFrom('mail_messages').select('id').where('id', '=', messageId).where('account_id', '=', accountId).executeTakeFirst();
  return row !== undefined;
}
