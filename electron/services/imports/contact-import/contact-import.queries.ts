import { CompiledQuery, sql, type Insertable, type Selectable } from 'kysely';
import type { DbOrTx, Tx } from '../../../../db/database.ts';
import type { ImportContactRowsTable } from '../../../../db/tables/imports.tables.ts';
import { insertRows } from '../../core/bulk-insert.queries.ts';
import { idChunks } from '../../core/id-chunks.ts';

/**
 * The statements of the contact import: matching a chunk of rows against customers and
 * contacts (each a single statement over json_each, whatever the chunk's size, by the indexes
 * on contact_channels, customer_domains and customers.name_key), the rows' records, the saved
 * mappings, and undo.
 */

export interface MatchedCustomer {
  customerId: string;
  code: string;
  name: string;
}

/** Live contacts having one of these normalised emails, with their live customers. */
export async function contactsByEmail(db: DbOrTx, emails: readonly string[]) {
  if (emails.length === 0) return [];
  const { rows } = await db.executeQuery<{ email: string; contactId: string; contactName: string } & MatchedCustomer>(
    CompiledQuery.raw(
      `SELECT ch.value_normalized AS email, ct.id AS contactId, ct.name AS contactName, c.id AS customerId, c.code AS code, c.name AS name
         FROM contact_channels ch JOIN contacts ct ON ct.id = ch.contact_id JOIN customers c ON c.id = ct.customer_id
        WHERE ch.kind = 'email' AND ch.value_normalized IN (SELECT value FROM json_each(?))
          AND ct.deleted_at IS NULL AND c.deleted_at IS NULL
        ORDER BY c.created_at, ct.created_at`,
      [JSON.stringify(emails)],
    ),
  );
  return rows;
}

/** Live customers at these company domains. */
export async function customersByDomain(db: DbOrTx, domains: readonly string[]) {
  if (domains.length === 0) return [];
  const { rows } = await db.executeQuery<{ domain: string } & MatchedCustomer>(
    CompiledQuery.raw(
      `SELECT d.domain AS domain, c.id AS customerId, c.code AS code, c.name AS name
         FROM customer_domains d JOIN customers c ON c.id = d.customer_id
        WHERE d.domain IN (SELECT value FROM json_each(?)) AND c.deleted_at IS NULL
        ORDER BY c.created_at`,
      [JSON.stringify(domains)],
    ),
  );
  return rows;
}

/** Live customers with these normalised names (normalizeCompanyName). */
export async function customersByNameKey(db: DbOrTx, keys: readonly string[]) {
  if (keys.length === 0) return [];
  const { rows } = await db.executeQuery<{ nameKey: string } & MatchedCustomer>(
    CompiledQuery.raw(
      `SELECT name_key AS nameKey, id AS customerId, code, name FROM customers
        WHERE name_key IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL
        ORDER BY created_at`,
      [JSON.stringify(keys)],
    ),
  );
  return rows;
}

/** What a merge may fill or add to: customers' profile fields, their live contacts and the contacts' channels. */
export async function mergeTargets(db: DbOrTx, customerIds: readonly string[]) {
  const customers: Array<{ id: string; local_name: string | null; country: string | null; website: string | null; address: string | null; notes: string | null }> = [];
  const contacts: Array<{ id: string; customer_id: string; name: string }> = [];
  const channels: Array<{ contact_id: string; kind: string; value_normalized: string; sort: number }> = [];
  for (const ids of idChunks(customerIds)) {
    customers.push(...(await db.selectFrom('customers').select(['id', 'local_name', 'country', 'website', 'address', 'notes']).where('id', 'in', ids).execute()));
    const part = await db.selectFrom('contacts').select(['id', 'customer_id', 'name']).where('customer_id', 'in', ids).where('deleted_at', 'is', null).orderBy('created_at').execute();
    contacts.push(...part);
    for (const cids of idChunks(part.map((c) => c.id))) {
      channels.push(...(await db.selectFrom('contact_channels').select(['contact_id', 'kind', 'value_normalized', 'sort']).where('contact_id', 'in', cids).execute()));
    }
  }
  return { customers, contacts, channels };
}

export type FillableField = 'local_name' | 'country' | 'website' | 'address' | 'notes';

/** Sets profile fields of a customer that was there (a merge filling what it lacked). */
export async function fillCustomerFields(trx: Tx, customerId: string, values: Partial<Record<FillableField, string>>, now: number): Promise<void> {
  await trx.updateTable('customers').set({ ...values, updated_at: now }).where('id', '=', customerId).execute();
}

export async function regionCodes(db: DbOrTx): Promise<Set<string>> {
  return new Set((await db.selectFrom('regions').select('code').execute()).map((r) => r.code));
}

export async function ownerIdsByName(db: DbOrTx): Promise<Map<string, string>> {
  const rows = await db.selectFrom('owners').select(['id', 'name']).execute();
  return new Map(rows.map((o) => [o.name.trim().toLowerCase(), o.id]));
}

const INSERT_ROW_RECORD = 'INSERT INTO import_contact_rows (batch_id, seq, row_number, action, customer_id, contact_id, created_customer, created_contact, added)';

/** Fixed 50-row inserts (insertRows; see insertCustomerRows). */
export async function insertContactRowRecords(trx: Tx, rows: ReadonlyArray<Insertable<ImportContactRowsTable>>): Promise<void> {
  const values = rows.map((r) => [r.batch_id, r.seq, r.row_number, r.action, r.customer_id ?? null, r.contact_id ?? null, r.created_customer ?? 0, r.created_contact ?? 0, r.added ?? null]);
  await insertRows(trx, INSERT_ROW_RECORD, '(?, ?, ?, ?, ?, ?, ?, ?, ?)', values);
}

/** Adds a committed chunk's counts and moves the checkpoint, in the chunk's transaction. */
export async function advanceContactBatch(
  trx: Tx,
  input: { id: string; checkpoint: number; rows: number; customers: number; contacts: number; merged: number; skipped: number; problems: number; bytesDone: number },
  now: number,
): Promise<void> {
  await trx
    .updateTable('import_batches')
    .set((eb) => ({
      checkpoint: String(input.checkpoint),
      items_done: eb('items_done', '+', input.rows),
      imported: eb('imported', '+', input.customers + input.contacts),
      customers_created: eb('customers_created', '+', input.customers),
      contacts_created: eb('contacts_created', '+', input.contacts),
      rows_merged: eb('rows_merged', '+', input.merged),
      duplicates: eb('duplicates', '+', input.merged),
      rows_skipped: eb('rows_skipped', '+', input.skipped),
      problems: eb('problems', '+', input.problems),
      bytes_done: input.bytesDone,
      updated_at: now,
    }))
    .where('id', '=', input.id)
    .execute();
}

/** A batch's row records, a page at a time in order (undo walks them without holding them all). */
export async function contactRowRecords(db: DbOrTx, batchId: string, afterSeq: number, limit: number): Promise<Array<Selectable<ImportContactRowsTable>>> {
  return db.selectFrom('import_contact_rows').selectAll().where('batch_id', '=', batchId).where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
}

/** Takes created customers out of the search index before they go (the index is keyed by their rid). */
export async function deleteCustomersForUndo(trx: Tx, ids: readonly string[]): Promise<void> {
  for (const part of idChunks(ids)) {
    await trx.deleteFrom('customer_search').where('rowid', 'in', trx.selectFrom('customers').select('rid').where('id', 'in', part)).execute();
    await trx.deleteFrom('customers').where('id', 'in', part).execute();
  }
}

export async function deleteContactsForUndo(trx: Tx, ids: readonly string[]): Promise<void> {
  for (const part of idChunks(ids)) await trx.deleteFrom('contacts').where('id', 'in', part).execute();
}

export async function deleteChannelsForUndo(trx: Tx, ids: readonly string[]): Promise<void> {
  for (const part of idChunks(ids)) await trx.deleteFrom('contact_channels').where('id', 'in', part).execute();
}

export async function deleteTagLinksForUndo(trx: Tx, links: ReadonlyArray<{ customerId: string; tagId: string }>): Promise<void> {
  for (const l of links) await trx.deleteFrom('customer_tags').where('customer_id', '=', l.customerId).where('tag_id', '=', l.tagId).execute();
}

/** Tags the import created that no customer carries any more. */
export async function deleteUnusedTags(trx: Tx, ids: readonly string[]): Promise<void> {
  for (const part of idChunks(ids)) {
    await trx
      .deleteFrom('tags')
      .where('id', 'in', part)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('customer_tags').select('tag_id').whereRef('customer_tags.tag_id', '=', 'tags.id'))))
      .execute();
  }
}

/** Puts a filled field back to its value before, unless it was edited since (it no longer holds what the import wrote). */
export async function revertFilledField(trx: Tx, customerId: string, field: FillableField, before: string | null, written: string, now: number): Promise<void> {
  await trx
    .updateTable('customers')
    .set({ [field]: before, updated_at: now })
    .where('id', '=', customerId)
    .where(sql.ref(field), '=', written)
    .execute();
}

export async function savedMappings(db: DbOrTx): Promise<Array<{ name: string; header_set: string; mapping: string; updated_at: number }>> {
  return db.selectFrom('contact_import_mappings').selectAll().orderBy('updated_at', 'desc').orderBy('name').execute();
}

export async function savedMappingFor(db: DbOrTx, where: { name?: string; headerSet?: string }) {
  let q = db.selectFrom('contact_import_mappings').selectAll();
  if (where.name !== undefined) q = q.where('name', '=', where.name);
  if (where.headerSet !== undefined) q = q.where('header_set', '=', where.headerSet);
  return q.orderBy('updated_at', 'desc').executeTakeFirst();
}

export async function saveMapping(db: DbOrTx, row: { name: string; header_set: string; mapping: string; updated_at: number }): Promise<void> {
  await db
    .insertInto('contact_import_mappings')
    .values(row)
    .onConflict((oc) => oc.column('name').doUpdateSet({ header_set: row.header_set, mapping: row.mapping, updated_at: row.updated_at }))
    .execute();
}

/**
 * Keeps SQLite's temporary files (statement journals among them) in memory, returning the
 * setting before so it can be put back. The AFTER INSERT trigger on customers (due_at, migration
 * 0001) makes each insert a statement with a nested UPDATE, whose statement journal went to a
 * temporary file: 92–122 µs per customer, 40 of them in system calls; in memory, 23–26 µs
 * (2026-12-02, 5,000 inserts into the app's schema).
 */
export async function useMemoryTempStore(db: DbOrTx, mode: number | 'memory'): Promise<number> {
  const { rows } = await db.executeQuery<{ temp_store: number }>(CompiledQuery.raw('PRAGMA temp_store'));
  await db.executeQuery(CompiledQuery.raw(`PRAGMA temp_store = ${mode === 'memory' ? 'MEMORY' : Math.trunc(mode)}`));
  return rows[0]?.temp_store ?? 0;
}
