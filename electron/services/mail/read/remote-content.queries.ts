import type { Db } from '../../../../db/database.ts';

/** Whether an address or its domain (`@example.com`) is on the remote-content allowlist. */
export async function senderAllowed(db: Db, input: { address: string }): Promise<boolean> {
  const { address } = input;
  const listed = await db
    .selectFrom('mail_remote_content_allow')
    .select('sender')
    .where('sender', 'in', [address, address.slice(address.lastIndexOf('@'))])
    .executeTakeFirst();
  return listed !== undefined;
}

/** What deciding about a message's remote content needs to know, or undefined. */
export function remoteContentFacts(db: Db, messageId: string) {
  return db.selectFrom('mail_messages').select(['id', 'from_address', 'sender_auth', 'remote_content_allowed_at']).where('id', '=', messageId).executeTakeFirst();
}

export function attachmentRow(db: Db, id: string) {
  return db.selectFrom('mail_attachments').select(['id', 'filename', 'content_type', 'size', 'sha256']).where('id', '=', id).executeTakeFirst();
}

export async function messageHtml(db: Db, messageId: string): Promise<string> {
  const body = await db.selectFrom('mail_bodies').select('html').where('message_id', '=', messageId).executeTakeFirst();
  return body?.html ?? '';
}

export async function allowMessage(db: Db, messageId: string, now: number): Promise<void> {
  await db.updateTable('mail_messages').set({ remote_content_allowed_at: now }).where('id', '=', messageId).execute();
}

/** `sender` is an address or `@domain`. */
export async function allowSender(db: Db, sender: string, now: number): Promise<void> {
  await db.insertInto('mail_remote_content_allow').values({ sender, created_at: now }).onConflict((oc) => oc.doNothing()).execute();
}
