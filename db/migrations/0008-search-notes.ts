import { sql, type Kysely } from 'kysely';
import { customerWritingSearchText } from '../../shared/domain/customer-search-text.ts';
import type { Database } from '../tables/tables.ts';

/**
 * Search covers what the salesperson wrote (issue 11, point 7): a call logged as
 * "客户要求先寄样品，报价 FOB Ningbo" was found neither by 报价 nor by 样品, because customer_search
 * held only names, codes, contacts and channels.
 *
 * customer_search gets a second column, `notes`: the customer's notes, the text of its custom
 * fields, and the subjects and bodies of its live activities (customerWritingSearchText). One
 * row per customer rather than a row per activity: the customer list and search.all count and
 * page customers, and a match count over customers stays as cheap as it was (an activity index
 * would turn "报价" into a hundred thousand activity matches to group by customer). An FTS5 table
 * cannot gain a column, so the table is rebuilt: `text` is copied as it is, `notes` is computed
 * for every live customer (backfill), then the new table takes the old one's name.
 *
 * Forward-only: never edit this once shipped.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE VIRTUAL TABLE customer_search_0008 USING fts5(text, notes, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')`.execute(db);
  const typed = db as unknown as Kysely<Database & { customer_search_0008: Database['customer_search'] }>;
  for (let after = -1; ; ) {
    const rows = await sql<{ rowid: number; text: string }>`SELECT rowid, text FROM customer_search WHERE rowid > ${after} ORDER BY rowid LIMIT ${BATCH}`.execute(db);
    if (rows.rows.length === 0) break;
    after = rows.rows[rows.rows.length - 1]!.rowid;
    const notes = await writingOf(typed, rows.rows.map((r) => r.rowid));
    await typed
      .insertInto('customer_search_0008')
      .values(rows.rows.map((r) => ({ rowid: r.rowid, text: r.text, notes: notes.get(r.rowid) ?? '' })))
      .execute();
  }
  await sql`DROP TABLE customer_search`.execute(db);
  await sql`ALTER TABLE customer_search_0008 RENAME TO customer_search`.execute(db);
}

/** Rows per batch: two values each, well under SQLite's 32,766 bound parameters. */
const BATCH = 2000;

/** The notes column of the given customers (by rid), as customer-index.ts writes it. */
async function writingOf(db: Kysely<Database>, rids: readonly number[]): Promise<Map<number, string>> {
  const customers = await db.selectFrom('customers').select(['rid', 'id', 'notes']).where('rid', 'in', rids).where('deleted_at', 'is', null).execute();
  const ids = customers.map((c) => c.id);
  if (ids.length === 0) return new Map();
  const fields = await db
    .selectFrom('custom_field_values as v')
    .innerJoin('custom_field_defs as d', 'd.id', 'v.field_id')
    .select(['v.customer_id', 'v.value'])
    .where('v.customer_id', 'in', ids)
    .where('d.deleted_at', 'is', null)
    .execute();
  const activities = await db
    .selectFrom('activities')
    .select(['customer_id', 'subject', 'body'])
    .where('customer_id', 'in', ids)
    .where('deleted_at', 'is', null)
    .orderBy('customer_id')
    .orderBy('occurred_at')
    .execute();
  const fieldsOf = groupBy(fields);
  const activitiesOf = groupBy(activities);
  const out = new Map<number, string>();
  for (const c of customers) {
    const values = (fieldsOf.get(c.id) ?? []).map((f) => f.value);
    out.set(c.rid, customerWritingSearchText({ notes: c.notes, customFieldValues: values, activities: activitiesOf.get(c.id) ?? [] }));
  }
  return out;
}

function groupBy<T extends { customer_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(row.customer_id);
    if (list) list.push(row);
    else out.set(row.customer_id, [row]);
  }
  return out;
}
