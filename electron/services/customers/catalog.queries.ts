import { sql } from 'kysely';
import type { Db } from '../../../db/database.ts';
import type { CallOutput, ParsedInput } from '../../../shared/contract/contract.ts';

type OwnerOut = CallOutput<'owners.create'>;
type RegionOut = CallOutput<'regions.create'>;
type FieldOut = CallOutput<'customFields.create'>;
type TagOut = CallOutput<'tags.list'>[number];

// Counts are of live customers: the trash is not anyone's work.
const live = sql<boolean>`c.deleted_at IS NULL`;

/** Owners by name, each with its live customers' count. */
export async function listOwners(db: Db): Promise<OwnerOut[]> {
  const rows = await db
    .selectFrom('owners as o')
    .leftJoin('customers as c', (j) => j.onRef('c.owner_id', '=', 'o.id').on(live))
    .select(['o.id', 'o.name', 'o.email', 'o.active', (eb) => eb.fn.count<number>('c.id').as('customerCount')])
    .groupBy('o.id')
    .orderBy('o.name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, email: r.email, active: r.active === 1, customerCount: Number(r.customerCount) }));
}

export async function insertOwner(db: Db, input: ParsedInput<'owners.create'>, id: string, now: number): Promise<void> {
  await db
    .insertInto('owners')
    .values({ id, name: input.name, email: input.email, active: input.active ? 1 : 0, created_at: now, updated_at: now })
    .execute();
}

/** Returns how many owners changed: 0 when there is no such owner. */
export async function updateOwner(db: Db, input: ParsedInput<'owners.update'>, now: number): Promise<number> {
  const res = await db
    .updateTable('owners')
    .set({ name: input.name, email: input.email, active: input.active ? 1 : 0, updated_at: now })
    .where('id', '=', input.id)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Regions in their order, each with its live customers' count. */
export async function listRegions(db: Db): Promise<RegionOut[]> {
  const rows = await db
    .selectFrom('regions as r')
    .leftJoin('customers as c', (j) => j.onRef('c.region_code', '=', 'r.code').on(live))
    .select(['r.code', 'r.name_en', 'r.name_zh', 'r.next_seq', (eb) => eb.fn.count<number>('c.id').as('customerCount')])
    .groupBy('r.code')
    .orderBy('r.sort')
    .orderBy('r.code')
    .execute();
  return rows.map((r) => ({ code: r.code, nameEn: r.name_en, nameZh: r.name_zh, nextSeq: r.next_seq, customerCount: Number(r.customerCount) }));
}

export async function regionExists(db: Db, code: string): Promise<boolean> {
  return (await db.selectFrom('regions').select('code').where('code', '=', code).executeTakeFirst()) !== undefined;
}

/** A new region goes last and numbers its customers from 1. */
export async function insertRegion(db: Db, input: ParsedInput<'regions.create'>): Promise<void> {
  const max = await db.selectFrom('regions').select((eb) => eb.fn.max('sort').as('m')).executeTakeFirst();
  await db
    .insertInto('regions')
    .values({ code: input.code, name_en: input.nameEn, name_zh: input.nameZh, next_seq: 1, sort: Number(max?.m ?? 0) + 1 })
    .execute();
}

/** Returns how many regions changed: 0 when there is no such region. */
export async function updateRegion(db: Db, input: ParsedInput<'regions.update'>): Promise<number> {
  const res = await db.updateTable('regions').set({ name_en: input.nameEn, name_zh: input.nameZh }).where('code', '=', input.code).executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Whether any customer, in the trash or not, has a code in this region. */
export async function regionHasCustomers(db: Db, code: string): Promise<boolean> {
  return (await db.selectFrom('customers').select('id').where('region_code', '=', code).limit(1).executeTakeFirst()) !== undefined;
}

/** Returns how many regions went: 0 or 1. */
export async function deleteRegion(db: Db, code: string): Promise<number> {
  const res = await db.deleteFrom('regions').where('code', '=', code).executeTakeFirst();
  return Number(res.numDeletedRows);
}

/** Tags by name, each with its live customers' count. */
export async function listTags(db: Db): Promise<TagOut[]> {
  const rows = await db
    .selectFrom('tags as t')
    .leftJoin('customer_tags as ct', 'ct.tag_id', 't.id')
    .leftJoin('customers as c', (j) => j.onRef('c.id', '=', 'ct.customer_id').on(live))
    .select(['t.id', 't.name', 't.color', (eb) => eb.fn.count<number>('c.id').as('customerCount')])
    .groupBy('t.id')
    .orderBy('t.name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, color: r.color, customerCount: Number(r.customerCount) }));
}

/** Live custom field definitions in their order. */
export async function listFields(db: Db): Promise<FieldOut[]> {
  const rows = await db.selectFrom('custom_field_defs').selectAll().where('deleted_at', 'is', null).orderBy('sort').orderBy('created_at').execute();
  return rows.map((r) => ({ id: r.id, label: r.label, type: r.type, options: JSON.parse(r.options) as string[], sort: r.sort }));
}

export async function countLiveFields(db: Db): Promise<number> {
  const row = await db.selectFrom('custom_field_defs').select((eb) => eb.fn.countAll<number>().as('n')).where('deleted_at', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A new field goes last. */
export async function insertField(db: Db, input: ParsedInput<'customFields.create'>, id: string, now: number): Promise<void> {
  const max = await db.selectFrom('custom_field_defs').select((eb) => eb.fn.max('sort').as('m')).executeTakeFirst();
  await db
    .insertInto('custom_field_defs')
    .values({ id, label: input.label, type: input.type, options: JSON.stringify(input.options), sort: Number(max?.m ?? 0) + 1, created_at: now, deleted_at: null })
    .execute();
}

/** Returns how many live fields changed: 0 when there is no such field. */
export async function updateField(db: Db, input: ParsedInput<'customFields.update'>): Promise<number> {
  const res = await db
    .updateTable('custom_field_defs')
    .set({ label: input.label, type: input.type, options: JSON.stringify(input.options) })
    .where('id', '=', input.id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Soft delete: values stay, so restoring the field brings them back. Returns how many fields went: 0 or 1. */
export async function softDeleteField(db: Db, id: string, now: number): Promise<number> {
  const res = await db.updateTable('custom_field_defs').set({ deleted_at: now }).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows);
}
