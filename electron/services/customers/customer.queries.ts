import { sql, type Insertable, type Selectable } from 'kysely';
import type { Db, DbOrTx, Tx } from '../../../db/database.ts';
import type { CustomersTable, CustomFieldDefsTable } from '../../../db/tables/tables.ts';
import type { ParsedInput } from '../../../shared/contract/contract.ts';
import { formatCustomerCode } from '../../../shared/domain/customer-code.ts';
import { normalizeCompanyName } from '../../../shared/domain/name-similarity.ts';
import { insertRows } from '../core/bulk-insert.queries.ts';
import { newId } from '../core/ids.ts';
import { selectCustomerRows } from './customer-rows.queries.ts';

type CustomerInput = ParsedInput<'customers.create'>;

/** A customer's list row plus the columns only its detail shows; undefined when there is no such customer. */
export function customerDetailRow(db: Db, id: string) {
  return selectCustomerRows(db)
    .select(['c.website', 'c.address', 'c.phone', 'c.source', 'c.personality', 'c.notes', 'c.updated_at'])
    .where('c.id', '=', id)
    .executeTakeFirst();
}

export async function customerDomains(db: Db, customerId: string): Promise<string[]> {
  const rows = await db.selectFrom('customer_domains').select('domain').where('customer_id', '=', customerId).orderBy('domain').execute();
  return rows.map((d) => d.domain);
}

/** A customer's custom-field values of live fields, by field id, decoded from their stored JSON. */
export async function customFieldValues(db: Db, customerId: string): Promise<Record<string, string | number | null>> {
  const rows = await db
    .selectFrom('custom_field_values as v')
    .innerJoin('custom_field_defs as d', 'd.id', 'v.field_id')
    .select(['v.field_id', 'v.value'])
    .where('v.customer_id', '=', customerId)
    .where('d.deleted_at', 'is', null)
    .execute();
  return Object.fromEntries(rows.map((v) => [v.field_id, JSON.parse(v.value) as string | number | null]));
}

/** Live customers of another owner (or of none, when this one has an owner) sharing one of this customer's company domains. */
export function domainConflicts(db: Db, customerId: string, ownerId: string | null) {
  return db
    .selectFrom('customer_domains as mine')
    .innerJoin('customer_domains as theirs', (j) => j.onRef('theirs.domain', '=', 'mine.domain').onRef('theirs.customer_id', '!=', 'mine.customer_id'))
    .innerJoin('customers as other', 'other.id', 'theirs.customer_id')
    .leftJoin('owners as o', 'o.id', 'other.owner_id')
    .select(['other.id', 'other.code', 'other.name', 'o.name as ownerName', 'mine.domain'])
    .where('mine.customer_id', '=', customerId)
    .where('other.deleted_at', 'is', null)
    .where(sql<boolean>`other.owner_id IS NOT ${ownerId}`)
    .execute();
}

/** A live customer's owner and code parts; undefined when the customer is missing or in the trash. */
export function liveCustomerById(db: DbOrTx, id: string): Promise<{ owner_id: string | null; region_code: string; seq: number } | undefined> {
  return db.selectFrom('customers').select(['owner_id', 'region_code', 'seq']).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

export async function ownerExists(db: DbOrTx, id: string): Promise<boolean> {
  return (await db.selectFrom('owners').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

/** The live definitions among these field ids. */
export function liveFieldDefs(db: DbOrTx, ids: readonly string[]): Promise<Array<Selectable<CustomFieldDefsTable>>> {
  return db.selectFrom('custom_field_defs').selectAll().where('id', 'in', ids).where('deleted_at', 'is', null).execute();
}

/**
 * Takes the region's next customer number (each is handed out once, even if the customer later
 * leaves the region); undefined when there is no such region.
 */
export async function takeNextSeq(trx: Tx, regionCode: string): Promise<number | undefined> {
  const row = await trx
    .updateTable('regions')
    .set((eb) => ({ next_seq: eb('next_seq', '+', 1) }))
    .where('code', '=', regionCode)
    .returning('next_seq')
    .executeTakeFirst();
  return row && row.next_seq - 1;
}

function profileColumns(input: CustomerInput) {
  return {
    name: input.name,
    name_key: normalizeCompanyName(input.name),
    local_name: input.localName,
    country: input.country,
    website: input.website,
    address: input.address,
    phone: input.phone,
    grade: input.grade,
    stage: input.stage,
    source: input.source,
    owner_id: input.ownerId,
    personality: input.personality,
    notes: input.notes,
  };
}

/** Inserts a customer numbered `seq` in its region; returns its id. Tags and custom fields are writeTagsAndFields'. */
/** A new customer's row: its profile, its code from region, seq and grade, nothing contacted or deleted yet. */
function newCustomerRow(id: string, input: CustomerInput, seq: number, now: number): Insertable<CustomersTable> {
  return {
    id,
    ...profileColumns(input),
    code: formatCustomerCode(input.regionCode, seq, input.grade),
    region_code: input.regionCode,
    seq,
    last_contacted_at: null,
    due_at: null,
    // Set by the score pass right after the insert commits.
    value_band: null,
    merged_into_id: null,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  };
}

export async function insertCustomerRow(trx: Tx, input: CustomerInput, seq: number, now: number): Promise<string> {
  const id = newId();
  await trx.insertInto('customers').values(newCustomerRow(id, input, seq, now)).execute();
  return id;
}

const CUSTOMER_COLUMNS = [
  'id', 'code', 'region_code', 'seq', 'name', 'name_key', 'local_name', 'country', 'website', 'address', 'phone', 'grade', 'stage', 'source',
  'owner_id', 'personality', 'notes', 'last_contacted_at', 'due_at', 'merged_into_id', 'created_at', 'updated_at', 'deleted_at', 'value_band',
] as const satisfies ReadonlyArray<keyof Insertable<CustomersTable>>;
// Every column of a new customer row is in the list (one added to the table type and not here fails to compile).
const everyCustomerColumn: Exclude<keyof Insertable<CustomersTable>, (typeof CUSTOMER_COLUMNS)[number] | 'rid'> extends never ? true : false = true;
void everyCustomerColumn;
const INSERT_CUSTOMER_HEAD = `INSERT INTO customers (${CUSTOMER_COLUMNS.join(', ')})`;
const INSERT_CUSTOMER_TUPLE = `(${CUSTOMER_COLUMNS.map(() => '?').join(', ')})`;

/**
 * Takes `count` consecutive numbers of a region at once (a bulk import); returns the first, or
 * undefined when there is no such region. As takeNextSeq, each is handed out once.
 */
export async function takeSeqRange(trx: Tx, regionCode: string, count: number): Promise<number | undefined> {
  const row = await trx
    .updateTable('regions')
    .set((eb) => ({ next_seq: eb('next_seq', '+', count) }))
    .where('code', '=', regionCode)
    .returning('next_seq')
    .executeTakeFirst();
  return row && row.next_seq - count;
}

/**
 * Many customers at once (imports): the same columns and code as insertCustomerRow, each with
 * its own id and the seq the caller took (takeSeqRange); tags are addCustomerTags', the index
 * reindexCustomers' in the same transaction. Fixed texts of 50 rows (insertRows), prepared once
 * by the driver's statement cache (db/sqlite-dialect.ts): building a 1,000-row insert with the
 * query builder cost more than SQLite's work (test/bench/RESULTS.md › contacts-import).
 */
export async function insertCustomerRows(trx: Tx, rows: ReadonlyArray<{ id: string; input: CustomerInput; seq: number }>, now: number): Promise<void> {
  const values = rows.map(({ id, input, seq }) => {
    const row = newCustomerRow(id, input, seq, now);
    return CUSTOMER_COLUMNS.map((c) => row[c] ?? null);
  });
  await insertRows(trx, INSERT_CUSTOMER_HEAD, INSERT_CUSTOMER_TUPLE, values);
}

/**
 * Adds tags by name to customers (creating tags new by name, case-insensitively, as
 * writeTagsAndFields does), keeping the tags they have. Returns the links added and the tags
 * created, so that an import can take exactly these back.
 */
export async function addCustomerTags(
  trx: Tx,
  wanted: ReadonlyArray<{ customerId: string; names: readonly string[] }>,
  now: number,
): Promise<{ links: Array<{ customer_id: string; tag_id: string }>; createdTagIds: Map<string, string> }> {
  const names = [...new Set(wanted.flatMap((w) => w.names))];
  const byName = new Map<string, string>();
  const createdTagIds = new Map<string, string>();
  if (names.length === 0) return { links: [], createdTagIds };
  const existing = await trx
    .selectFrom('tags')
    .select(['id', 'name'])
    .where(sql<boolean>`lower(name) IN (SELECT lower(value) FROM json_each(${JSON.stringify(names)}))`)
    .execute();
  for (const t of existing) byName.set(t.name.toLowerCase(), t.id);
  for (const name of names) {
    if (byName.has(name.toLowerCase())) continue;
    const id = newId();
    await trx.insertInto('tags').values({ id, name, color: null, created_at: now }).execute();
    byName.set(name.toLowerCase(), id);
    createdTagIds.set(name.toLowerCase(), id);
  }
  const pairs = wanted.flatMap((w) => [...new Set(w.names.map((n) => byName.get(n.toLowerCase())!))].map((tag_id) => ({ customer_id: w.customerId, tag_id })));
  const links: Array<{ customer_id: string; tag_id: string }> = [];
  for (let i = 0; i < pairs.length; i += 5000) {
    const rows = await trx
      .insertInto('customer_tags')
      .values(pairs.slice(i, i + 5000))
      .onConflict((oc) => oc.doNothing())
      .returning(['customer_id', 'tag_id'])
      .execute();
    links.push(...rows);
  }
  return { links, createdTagIds };
}

/** Rewrites a customer's profile and code (the code carries region, number and grade). */
export async function updateCustomerRow(trx: Tx, id: string, input: CustomerInput, seq: number, now: number): Promise<void> {
  await trx
    .updateTable('customers')
    .set({ ...profileColumns(input), region_code: input.regionCode, seq, code: formatCustomerCode(input.regionCode, seq, input.grade), updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** Replaces a customer's tags (creating tags new by name, case-insensitively) and sets the given custom-field values. */
export async function writeTagsAndFields(trx: Tx, customerId: string, input: Pick<CustomerInput, 'tags' | 'customFields'>, now: number): Promise<void> {
  await trx.deleteFrom('customer_tags').where('customer_id', '=', customerId).execute();
  for (const name of new Set(input.tags)) {
    let tag = await trx.selectFrom('tags').select('id').where(sql<boolean>`name = ${name} COLLATE NOCASE`).executeTakeFirst();
    if (!tag) {
      tag = { id: newId() };
      await trx.insertInto('tags').values({ id: tag.id, name, color: null, created_at: now }).execute();
    }
    await trx.insertInto('customer_tags').values({ customer_id: customerId, tag_id: tag.id }).onConflict((oc) => oc.doNothing()).execute();
  }
  for (const [fieldId, value] of Object.entries(input.customFields)) {
    await trx.deleteFrom('custom_field_values').where('customer_id', '=', customerId).where('field_id', '=', fieldId).execute();
    if (value === null || value === '') continue;
    await trx.insertInto('custom_field_values').values({ customer_id: customerId, field_id: fieldId, value: JSON.stringify(value) }).execute();
  }
}

/**
 * Moves these customers into the trash (`deletedAt` a time) or out of it (null), skipping those
 * already there; returns the ids that moved. Restoring also forgets a merge. `ids` is one chunk
 * (idChunks): SQLite binds at most 32,766 values per statement.
 */
export async function setCustomersDeleted(trx: Tx, ids: readonly string[], deletedAt: number | null, now: number): Promise<string[]> {
  const rows = await trx
    .updateTable('customers')
    .set({ deleted_at: deletedAt, updated_at: now, ...(deletedAt === null ? { merged_into_id: null } : {}) })
    .where('id', 'in', ids)
    .where('deleted_at', deletedAt === null ? 'is not' : 'is', null)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** One page of the trash, latest deleted first, and its size. */
export async function listTrash(db: Db, input: { offset: number; limit: number }) {
  const rows = await selectCustomerRows(db).where('c.deleted_at', 'is not', null).orderBy('c.deleted_at', 'desc').limit(input.limit).offset(input.offset).execute();
  const total = await db.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n')).where('deleted_at', 'is not', null).executeTakeFirstOrThrow();
  return { total: Number(total.n), rows };
}

/** Gives these live customers (one idChunks chunk) to an owner, or to none; returns how many changed. */
export async function transferCustomers(trx: Tx, ids: readonly string[], toOwnerId: string | null, now: number): Promise<number> {
  const res = await trx.updateTable('customers').set({ owner_id: toOwnerId, updated_at: now }).where('id', 'in', ids).where('deleted_at', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** A live customer's website; undefined when the customer is missing or in the trash. */
export function liveCustomerWebsite(trx: Tx, id: string): Promise<{ website: string | null } | undefined> {
  return trx.selectFrom('customers').select('website').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

/** Sets the website alone; the caller reindexes, since the website is a company domain. */
export async function setCustomerWebsite(trx: Tx, id: string, website: string, now: number): Promise<void> {
  await trx.updateTable('customers').set({ website, updated_at: now }).where('id', '=', id).execute();
}
