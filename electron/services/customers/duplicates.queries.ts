import { sql, type Selectable } from 'kysely';
import type { Db, DbOrTx, Tx } from '../../../db/database.ts';
import type { CustomersTable } from '../../../db/tables/tables.ts';
import type { CustomerRow } from '../../../shared/contract/customers.contract.ts';
import { idChunks } from '../core/id-chunks.ts';
import { selectCustomerRows, toCustomerRow } from './customer-rows.queries.ts';
import { liveCustomer, liveCustomerDomains, liveEmailChannels } from './live-customer.queries.ts';

/** One live customer's part in duplicate detection: what name groups and scoring read. */
export type NameRow = Pick<Selectable<CustomersTable>, 'rid' | 'id' | 'name' | 'name_key' | 'country'>;

/** Customers sharing one value (an email address, a company domain). */
export interface SharedValue {
  key: string;
  /** Comma-separated customer ids (group_concat). */
  ids: string;
}

/** List rows of these customers, by id. */
export async function customerRowsByIds(db: Db, ids: readonly string[]): Promise<Map<string, CustomerRow>> {
  const map = new Map<string, CustomerRow>();
  for (const part of idChunks(ids)) {
    for (const r of await selectCustomerRows(db).where('c.id', 'in', part).execute()) map.set(r.id, toCustomerRow(r));
  }
  return map;
}

/** Live customers with a live contact holding one of these (normalized) email addresses. */
export function customersWithEmails(db: Db, emails: readonly string[], excludeId: string): Promise<Array<{ id: string; value_normalized: string }>> {
  return liveEmailChannels(db, emails).select(['c.id', 'ch.value_normalized']).where('c.id', '!=', excludeId).execute();
}

/** Live customers with one of these company domains. */
export function customersWithDomains(db: Db, domains: readonly string[], excludeId: string): Promise<Array<{ id: string; domain: string }>> {
  return liveCustomerDomains(db, domains).select(['c.id', 'd.domain']).where('c.id', '!=', excludeId).execute();
}

/**
 * Up to `limit` live customers whose name key starts with `prefix`, found in the
 * customers_duplicate_names index (liveCustomer's likely() keeps SQLite off the deleted_at
 * index, through which it walked every live customer).
 */
export function nameKeysStartingWithQuery(db: Db, prefix: string, excludeId: string, limit: number) {
  return db
    .selectFrom('customers as c')
    .select(['c.id', 'c.name_key'])
    .where(liveCustomer)
    .where('c.name_key', '>=', prefix)
    .where('c.name_key', '<', `${prefix}\uffff`)
    .where('c.id', '!=', excludeId)
    .limit(limit);
}

export function nameKeysStartingWith(db: Db, prefix: string, excludeId: string, limit: number): Promise<Array<{ id: string; name_key: string }>> {
  return nameKeysStartingWithQuery(db, prefix, excludeId, limit).execute();
}

/** Ids the user said are not the same company as this customer. */
export async function dismissedPartners(db: Db, id: string): Promise<string[]> {
  const rows = await db
    .selectFrom('duplicate_dismissals')
    .select(sql<string>`CASE WHEN customer_a = ${id} THEN customer_b ELSE customer_a END`.as('other'))
    .where((eb) => eb.or([eb('customer_a', '=', id), eb('customer_b', '=', id)]))
    .execute();
  return rows.map((r) => r.other);
}

/** Every dismissed pair, as "a|b" (a < b). */
export async function dismissedPairs(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom('duplicate_dismissals').select(['customer_a', 'customer_b']).execute();
  return new Set(rows.map((r) => `${r.customer_a}|${r.customer_b}`));
}

/**
 * Email addresses on two or more live customers, ordered by address. Addresses stored twice or
 * more are found from the (kind, value_normalized) index alone (CROSS JOIN keeps that order:
 * joining every address took 25× as long at 10k); then the distinct customers of their live
 * contacts, from indexes only (migration 0013: contact_channels_email_owners holds the contact,
 * contacts_live_customer the customer; INDEXED BY, as SQLite prefers the indexes it then has to
 * leave for the table), and only addresses with two or more of those are joined to the customers. Most addresses stored twice belong to two contacts of one customer (3,915 of 3,915
 * in the 100k bench data): looking up their customers' rows too took ~40 % of this read.
 */
export function sharedEmailsQuery() {
  return sql<SharedValue>`
    WITH twice AS (
      SELECT value_normalized AS v FROM contact_channels WHERE kind = 'email' GROUP BY value_normalized HAVING count(*) > 1
    ),
    owners AS MATERIALIZED (
      SELECT DISTINCT twice.v AS v, ct.customer_id AS customer_id
      FROM twice CROSS JOIN contact_channels ch INDEXED BY contact_channels_email_owners ON ch.kind = 'email' AND ch.value_normalized = twice.v
      JOIN contacts ct INDEXED BY contacts_live_customer ON ct.id = ch.contact_id
      WHERE ct.deleted_at IS NULL
    ),
    shared AS (SELECT v FROM owners GROUP BY v HAVING count(*) > 1)
    SELECT o.v AS key, group_concat(c.id) AS ids
    FROM shared CROSS JOIN owners o ON o.v = shared.v
    JOIN customers c ON c.id = o.customer_id
    WHERE c.deleted_at IS NULL
    GROUP BY o.v
    HAVING count(*) > 1`;
}

export async function sharedEmails(db: Db): Promise<SharedValue[]> {
  return (await sharedEmailsQuery().execute(db)).rows;
}

/** Company domains of two or more live customers, ordered by domain (~480 → ~60 ms at 100k customers this way). */
export async function sharedDomains(db: Db): Promise<SharedValue[]> {
  const r = await sql<SharedValue>`
    WITH twice AS (SELECT domain AS v FROM customer_domains GROUP BY domain HAVING count(*) > 1)
    SELECT d.domain AS key, group_concat(c.id) AS ids
    FROM twice CROSS JOIN customer_domains d ON d.domain = twice.v
    JOIN customers c ON c.id = d.customer_id
    WHERE c.deleted_at IS NULL
    GROUP BY d.domain
    HAVING count(*) > 1`.execute(db);
  return r.rows;
}

/**
 * Up to `limit` live customers' row id, id, name, name key and country, in (name key, id) order,
 * after the given (name key, id) or from the start. A range of the customers_duplicate_names
 * index (migration 0011), which holds exactly these columns of the live customers: each name
 * block comes as one run, no sort, and a read can go on where the last stopped. INDEXED BY,
 * because SQLite (3.54, no statistics) otherwise picks the deleted_at index and sorts, looking up
 * each of 100k rows on its own (2.0–2.7 s at load ~10).
 */
export function liveNameRowsQuery(after: { key: string; id: string } | null, limit: number) {
  return after
    ? sql<NameRow>`
        SELECT rid, id, name, name_key, country FROM customers INDEXED BY customers_duplicate_names
        WHERE deleted_at IS NULL AND (name_key, id) > (${after.key}, ${after.id}) ORDER BY name_key, id LIMIT ${limit}`
    : sql<NameRow>`
        SELECT rid, id, name, name_key, country FROM customers INDEXED BY customers_duplicate_names
        WHERE deleted_at IS NULL ORDER BY name_key, id LIMIT ${limit}`;
}

/**
 * Every live customer's name row, by name key (liveNameRowsQuery), read `perRead` at a time with
 * `pause` between reads: the one full read of each call after a write.
 */
export async function liveNameRows(db: Db, perRead: number, pause: () => Promise<void>): Promise<NameRow[]> {
  const all: NameRow[] = [];
  let after: { key: string; id: string } | null = null;
  for (;;) {
    const { rows } = await liveNameRowsQuery(after, perRead).execute(db);
    for (const r of rows) all.push(r);
    const last = rows.at(-1);
    if (!last || rows.length < perRead) return all;
    after = { key: last.name_key, id: last.id };
    await pause();
  }
}

/**
 * Changes since the connection opened (total_changes) and by other connections (data_version):
 * equal stamps mean nothing was written. Any write at all — even one rolled back — renews it.
 */
export async function writeStamp(db: Db): Promise<string> {
  const r = await sql<{ t: number; v: number }>`SELECT total_changes() AS t, (SELECT data_version FROM pragma_data_version) AS v`.execute(db);
  const row = r.rows[0];
  return row ? `${row.t}:${row.v}` : '';
}

/** Which of these ids are customers (live or in the trash). */
export async function existingCustomerIds(db: DbOrTx, ids: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of idChunks(ids)) {
    for (const r of await db.selectFrom('customers').select('id').where('id', 'in', part).execute()) found.add(r.id);
  }
  return found;
}

/** Remembers one pair (a < b) as not duplicates; false when it was already remembered. */
export async function insertDismissal(trx: Tx, a: string, b: string, now: number): Promise<boolean> {
  const res = await trx.insertInto('duplicate_dismissals').values({ customer_a: a, customer_b: b, created_at: now }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Forgets one pair (a < b); false when it was not remembered. */
export async function deleteDismissal(trx: Tx, a: string, b: string): Promise<boolean> {
  const res = await trx.deleteFrom('duplicate_dismissals').where('customer_a', '=', a).where('customer_b', '=', b).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}
