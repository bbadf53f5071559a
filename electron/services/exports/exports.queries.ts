import { CompiledQuery, type Selectable } from 'kysely';
import type { DbOrTx } from '../../../db/database.ts';
import type { MailAccountsTable, MailAttachmentsTable, MailMessagesTable } from '../../../db/tables/mail.tables.ts';
import type { ActivitiesTable, ContactChannelsTable, ContactsTable, CustomersTable } from '../../../db/tables/tables.ts';

/**
 * The reads of the exports: customers, contacts and mail in pages by keyset (a rowid and what
 * the index orders by), so an export of any size holds one page at a time and every page starts
 * where an index says, never by OFFSET.
 */

export type CustomerExportRow = Pick<
  Selectable<CustomersTable>,
  'rid' | 'id' | 'code' | 'name' | 'local_name' | 'country' | 'website' | 'address' | 'phone' | 'grade' | 'stage' | 'source' | 'notes' | 'last_contacted_at' | 'created_at'
> & { owner_name: string | null; tags: string | null };

/**
 * The paging statements, exported for their EXPLAIN QUERY PLAN test: each page starts where an
 * index says (a range, never a scan from the start), so an export's time grows with its size,
 * not with its square.
 */
export const PAGE_SQL = {
  /** Parameters: after rid, owner id or null (twice), limit. */
  customers: `SELECT c.rid, c.id, c.code, c.name, c.local_name, c.country, c.website, c.address, c.phone, c.grade, c.stage, c.source, c.notes,
              c.last_contacted_at, c.created_at, o.name AS owner_name,
              (SELECT group_concat(t.name, ', ') FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.customer_id = c.id) AS tags
         FROM customers c LEFT JOIN owners o ON o.id = c.owner_id
        WHERE c.deleted_at IS NULL AND c.rid > ? AND (? IS NULL OR c.owner_id = ?)
        ORDER BY c.rid LIMIT ?`,
  /** Parameters: customer id, after date, after message id, limit. Row values: a range on the timeline index, not a scan of the customer's earlier mail. */
  customerMessages: `SELECT m.id, m.raw_sha256, mc.date_at, m.from_address, mc.message_id AS key
         FROM mail_message_customers mc JOIN mail_messages m ON m.id = mc.message_id
        WHERE mc.customer_id = ? AND (mc.date_at, mc.message_id) > (?, ?)
        ORDER BY mc.date_at, mc.message_id LIMIT ?`,
  /** Parameters: folder id, after date, after rid, limit. */
  folderMessages: `SELECT id, raw_sha256, date_at, from_address, rid AS key FROM mail_messages
        WHERE folder_id = ? AND (date_at, rid) > (?, ?)
        ORDER BY date_at, rid LIMIT ?`,
  /** Parameters: after rowid, limit. CROSS JOIN keeps activities outermost, read in rowid order (else SQLite sorts them all for every page). */
  activities: `SELECT a.rowid AS key, a.kind, a.direction, a.subject, a.body, a.occurred_at, c.code, c.name AS customer_name, ct.name AS contact_name, o.name AS owner_name
         FROM activities a CROSS JOIN customers c ON c.id = a.customer_id
         LEFT JOIN contacts ct ON ct.id = a.contact_id LEFT JOIN owners o ON o.id = a.owner_id
        WHERE a.rowid > ? AND a.deleted_at IS NULL AND c.deleted_at IS NULL
        ORDER BY a.rowid LIMIT ?`,
  /** Parameters: after rowid, limit. */
  attachments: `SELECT a.rowid AS key, a.sha256, a.filename, a.size, m.account_id, m.date_at
         FROM mail_attachments a JOIN mail_messages m ON m.id = a.message_id
        WHERE a.rowid > ? AND a.inline = 0
        ORDER BY a.rowid LIMIT ?`,
} as const;

/** Live customers (of one owner, when given) after `afterRid`, in rowid order. */
export async function customerPage(db: DbOrTx, scope: { ownerId: string | null; afterRid: number; limit: number }): Promise<CustomerExportRow[]> {
  const { rows } = await db.executeQuery<CustomerExportRow>(CompiledQuery.raw(PAGE_SQL.customers, [scope.afterRid, scope.ownerId, scope.ownerId, scope.limit]));
  return rows;
}

export async function customerCount(db: DbOrTx, ownerId: string | null): Promise<number> {
  const { rows } = await db.executeQuery<{ n: number }>(
    CompiledQuery.raw('SELECT count(*) AS n FROM customers WHERE deleted_at IS NULL AND (? IS NULL OR owner_id = ?)', [ownerId, ownerId]),
  );
  return rows[0]?.n ?? 0;
}

export type ContactExportRow = Pick<Selectable<ContactsTable>, 'id' | 'customer_id' | 'name' | 'title' | 'is_primary' | 'notes'>;
export type ChannelExportRow = Pick<Selectable<ContactChannelsTable>, 'contact_id' | 'kind' | 'value'>;

/** The live contacts of these customers (a page's worth), primary first, with their channels in their order. */
export async function contactsOf(db: DbOrTx, customerIds: readonly string[]): Promise<{ contacts: ContactExportRow[]; channels: ChannelExportRow[] }> {
  if (customerIds.length === 0) return { contacts: [], channels: [] };
  const ids = JSON.stringify(customerIds);
  const contacts = await db.executeQuery<ContactExportRow>(
    CompiledQuery.raw(
      `SELECT id, customer_id, name, title, is_primary, notes FROM contacts
        WHERE customer_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL
        ORDER BY customer_id, is_primary DESC, created_at, id`,
      [ids],
    ),
  );
  const channels = await db.executeQuery<ChannelExportRow>(
    CompiledQuery.raw(
      `SELECT ch.contact_id, ch.kind, ch.value FROM contact_channels ch JOIN contacts ct ON ct.id = ch.contact_id
        WHERE ct.customer_id IN (SELECT value FROM json_each(?)) AND ct.deleted_at IS NULL
        ORDER BY ch.contact_id, ch.sort`,
      [ids],
    ),
  );
  return { contacts: contacts.rows, channels: channels.rows };
}

export async function ownerName(db: DbOrTx, id: string): Promise<string | undefined> {
  return (await db.selectFrom('owners').select('name').where('id', '=', id).executeTakeFirst())?.name;
}

export async function liveCustomer(db: DbOrTx, id: string) {
  return db.selectFrom('customers').select(['id', 'code', 'name']).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

export type ExportAccount = Pick<Selectable<MailAccountsTable>, 'id' | 'name' | 'email' | 'owner_id'>;

/** Mail accounts (of one owner, when given), oldest first. */
export async function accountsOf(db: DbOrTx, ownerId: string | null): Promise<ExportAccount[]> {
  let q = db.selectFrom('mail_accounts').select(['id', 'name', 'email', 'owner_id']).orderBy('created_at').orderBy('id');
  if (ownerId !== null) q = q.where('owner_id', '=', ownerId);
  return q.execute();
}

export type MessageExportRow = Pick<Selectable<MailMessagesTable>, 'id' | 'raw_sha256' | 'date_at' | 'from_address'> & { key: number | string };

/**
 * Where the next page of messages starts: after this date and key — what orders equal dates in
 * the index read (a message's rowid in a folder; its id among a customer's, whose filing table
 * has no rowid). The first page starts after { dateAt: -1, key: '' }.
 */
export interface MessageCursor {
  dateAt: number;
  key: number | string;
}

/** A customer's filed mail, oldest first, by the timeline's index (customer_id, date_at). */
export async function customerMessagePage(db: DbOrTx, customerId: string, after: MessageCursor, limit: number): Promise<MessageExportRow[]> {
  const { rows } = await db.executeQuery<MessageExportRow>(CompiledQuery.raw(PAGE_SQL.customerMessages, [customerId, after.dateAt, after.key, limit]));
  return rows;
}

export async function customerMessageCount(db: DbOrTx, customerId: string): Promise<number> {
  const { rows } = await db.executeQuery<{ n: number }>(CompiledQuery.raw('SELECT count(*) AS n FROM mail_message_customers WHERE customer_id = ?', [customerId]));
  return rows[0]?.n ?? 0;
}

/** One folder's mail, oldest first, by the index (folder_id, date_at), whose entries carry the rowid. */
export async function folderMessagePage(db: DbOrTx, folderId: string, after: MessageCursor, limit: number): Promise<MessageExportRow[]> {
  const { rows } = await db.executeQuery<MessageExportRow>(CompiledQuery.raw(PAGE_SQL.folderMessages, [folderId, after.dateAt, after.key, limit]));
  return rows;
}

export async function foldersOf(db: DbOrTx, accountId: string): Promise<Array<{ id: string; path: string }>> {
  return db.selectFrom('mail_folders').select(['id', 'path']).where('account_id', '=', accountId).orderBy('path').execute();
}

export async function accountMessageCount(db: DbOrTx, accountIds: readonly string[]): Promise<number> {
  const { rows } = await db.executeQuery<{ n: number }>(
    CompiledQuery.raw('SELECT count(*) AS n FROM mail_messages WHERE account_id IN (SELECT value FROM json_each(?))', [JSON.stringify(accountIds)]),
  );
  return rows[0]?.n ?? 0;
}

/** What a message whose source is not stored is rebuilt from: its fields, bodies, addresses and attachments. */
export async function messageForRebuild(db: DbOrTx, id: string) {
  const message = await db
    .selectFrom('mail_messages')
    .select(['message_id', 'in_reply_to', 'refs', 'subject', 'from_name', 'from_address', 'date_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!message) return undefined;
  const body = await db.selectFrom('mail_bodies').select(['text', 'html']).where('message_id', '=', id).executeTakeFirst();
  const addresses = await db.selectFrom('mail_message_addresses').select(['role', 'name', 'address']).where('message_id', '=', id).orderBy('role').orderBy('position').execute();
  const attachments = await db
    .selectFrom('mail_attachments')
    .select(['filename', 'content_type', 'sha256', 'content_id', 'inline'])
    .where('message_id', '=', id)
    .orderBy('position')
    .execute();
  return { message, body, addresses, attachments };
}

export type AttachmentExportRow = Pick<Selectable<MailAttachmentsTable>, 'sha256' | 'filename' | 'size'> & { key: number; account_id: string; date_at: number };

/** Attachments that are files (not images inside a mail's HTML), in rowid order, with their message's account and date. */
export async function attachmentPage(db: DbOrTx, afterKey: number, limit: number): Promise<AttachmentExportRow[]> {
  const { rows } = await db.executeQuery<AttachmentExportRow>(CompiledQuery.raw(PAGE_SQL.attachments, [afterKey, limit]));
  return rows;
}

export async function attachmentCount(db: DbOrTx): Promise<number> {
  const { rows } = await db.executeQuery<{ n: number }>(CompiledQuery.raw('SELECT count(*) AS n FROM mail_attachments WHERE inline = 0'));
  return rows[0]?.n ?? 0;
}

/** The custom fields in use, in the form's order: each becomes a column headed by its label. */
export async function customFieldDefs(db: DbOrTx): Promise<Array<{ id: string; label: string }>> {
  return db.selectFrom('custom_field_defs').select(['id', 'label']).where('deleted_at', 'is', null).orderBy('sort').orderBy('created_at').execute();
}

/** The custom field values (JSON-encoded) of a page of customers. */
export async function customFieldValuesOf(db: DbOrTx, customerIds: readonly string[]): Promise<Array<{ customer_id: string; field_id: string; value: string }>> {
  if (customerIds.length === 0) return [];
  const { rows } = await db.executeQuery<{ customer_id: string; field_id: string; value: string }>(
    CompiledQuery.raw('SELECT customer_id, field_id, value FROM custom_field_values WHERE customer_id IN (SELECT value FROM json_each(?))', [JSON.stringify(customerIds)]),
  );
  return rows;
}

export type ActivityExportRow = Pick<Selectable<ActivitiesTable>, 'kind' | 'direction' | 'subject' | 'body' | 'occurred_at'> & {
  key: number;
  code: string;
  customer_name: string;
  contact_name: string | null;
  owner_name: string | null;
};

/** Live activities of live customers, in rowid order (no index needed: every row is read once). */
export async function activityPage(db: DbOrTx, afterKey: number, limit: number): Promise<ActivityExportRow[]> {
  const { rows } = await db.executeQuery<ActivityExportRow>(CompiledQuery.raw(PAGE_SQL.activities, [afterKey, limit]));
  return rows;
}

export async function activityCount(db: DbOrTx): Promise<number> {
  const { rows } = await db.executeQuery<{ n: number }>(
    CompiledQuery.raw('SELECT count(*) AS n FROM activities a JOIN customers c ON c.id = a.customer_id WHERE a.deleted_at IS NULL AND c.deleted_at IS NULL'),
  );
  return rows[0]?.n ?? 0;
}
