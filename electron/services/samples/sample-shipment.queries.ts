import { sql } from 'kysely';
import type { Db, DbOrTx } from '../../../db/database.ts';
import type { SampleShipmentItemsTable, SampleShipmentsTable } from '../../../db/tables/quotes.tables.ts';
import type { CallOutput, ParsedInput } from '../../../shared/contract/contract.ts';
import { onHandByProduct } from './sample-stock.queries.ts';

type Query = ParsedInput<'samples.list'>;
type RowOut = CallOutput<'samples.list'>['rows'][number];
type ShipmentOut = CallOutput<'samples.get'>;
export type ShipmentColumns = Omit<SampleShipmentsTable, 'id' | 'status' | 'sent_at' | 'delivered_at' | 'feedback_at' | 'feedback' | 'follow_up_at' | 'created_at' | 'updated_at' | 'deleted_at'>;
export type ItemColumns = Omit<SampleShipmentItemsTable, 'shipment_id'>;

const DAY = 86_400_000;

/** `%` and `_` typed by the user match themselves. */
function likeText(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function baseRows(db: DbOrTx) {
  return db
    .selectFrom('sample_shipments as s')
    .innerJoin('customers as c', 'c.id', 's.customer_id')
    .leftJoin('owners as o', 'o.id', 's.owner_id')
    .where('s.deleted_at', 'is', null);
}

const ROW_COLUMNS = [
  's.id',
  's.customer_id',
  'c.code as customer_code',
  'c.name as customer_name',
  's.owner_id',
  'o.name as owner_name',
  's.courier',
  's.courier_name',
  's.tracking_number',
  's.status',
  's.sample_cost_e4',
  's.freight_cost_e4',
  's.currency',
  's.sent_at',
  's.delivered_at',
  's.feedback_at',
  's.follow_up_at',
  's.created_at',
] as const;

type RawRow = Pick<SampleShipmentsTable, 'id' | 'customer_id' | 'owner_id' | 'courier' | 'courier_name' | 'tracking_number' | 'status' | 'sample_cost_e4' | 'freight_cost_e4' | 'currency' | 'sent_at' | 'delivered_at' | 'feedback_at' | 'follow_up_at' | 'created_at'> & {
  customer_code: string;
  customer_name: string;
  owner_name: string | null;
};

/** "BV-100 × 2, brochure × 1" per shipment, for the rows of one page. */
async function itemSummaries(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const items = await db.selectFrom('sample_shipment_items').select(['shipment_id', 'description', 'quantity']).where('shipment_id', 'in', ids).orderBy('shipment_id').orderBy('seq').execute();
  const out = new Map<string, string[]>();
  for (const i of items) out.set(i.shipment_id, [...(out.get(i.shipment_id) ?? []), `${i.description} × ${i.quantity}`]);
  return new Map([...out].map(([id, parts]) => [id, parts.join(', ')]));
}

function toRow(r: RawRow, summary: string): RowOut {
  return {
    id: r.id,
    customerId: r.customer_id,
    customerCode: r.customer_code,
    customerName: r.customer_name,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    courier: r.courier,
    courierName: r.courier_name,
    trackingNumber: r.tracking_number,
    status: r.status,
    itemsSummary: summary,
    sampleCostE4: r.sample_cost_e4,
    freightCostE4: r.freight_cost_e4,
    currency: r.currency,
    sentAt: r.sent_at,
    deliveredAt: r.delivered_at,
    feedbackAt: r.feedback_at,
    followUpAt: r.follow_up_at,
    createdAt: r.created_at,
  };
}

async function withSummaries(db: DbOrTx, rows: RawRow[]): Promise<RowOut[]> {
  const summaries = await itemSummaries(db, rows.map((r) => r.id));
  return rows.map((r) => toRow(r, summaries.get(r.id) ?? ''));
}

/** One page of live shipments, newest first, by customer, status, owner and part of a tracking number or customer name. */
export async function listShipments(db: Db, q: Query): Promise<CallOutput<'samples.list'>> {
  let base = baseRows(db);
  if (q.customerId) base = base.where('s.customer_id', '=', q.customerId);
  if (q.status) base = base.where('s.status', '=', q.status);
  if (q.ownerId) base = base.where('s.owner_id', '=', q.ownerId);
  if (q.query) {
    const like = likeText(q.query);
    base = base.where((eb) => eb.or([sql<boolean>`s.tracking_number LIKE ${like} ESCAPE '\\'`, sql<boolean>`c.name LIKE ${like} ESCAPE '\\'`]));
  }
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    base.select(ROW_COLUMNS).orderBy('s.created_at', 'desc').orderBy('s.id', 'desc').limit(q.limit).offset(q.offset).execute(),
  ]);
  return { total: Number(count.n), rows: await withSummaries(db, rows) };
}

/** The shipments whose feedback is due: found through sample_shipments_follow_up (feedback clears follow_up_at). */
export function dueShipments(db: DbOrTx, q: ParsedInput<'samples.reminders'>, now: number) {
  let base = baseRows(db).where('s.status', '=', 'delivered').where('s.follow_up_at', 'is not', null).where('s.follow_up_at', '<=', now);
  if (q.ownerId) base = base.where('s.owner_id', '=', q.ownerId);
  return base;
}

/** Delivered shipments without feedback whose follow-up date is past `now`, most overdue first. */
export async function listReminders(db: Db, q: ParsedInput<'samples.reminders'>, now: number): Promise<CallOutput<'samples.reminders'>> {
  const base = dueShipments(db, q, now);
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    base.select(ROW_COLUMNS).orderBy('s.follow_up_at').orderBy('s.id').limit(q.limit).offset(q.offset).execute(),
  ]);
  const out = await withSummaries(db, rows);
  return { total: Number(count.n), rows: out.map((r) => ({ ...r, daysOverdue: Math.floor((now - (r.followUpAt ?? now)) / DAY) })) };
}

/** One shipment with its items (and their products' stock now), deleted ones too; undefined when there is no such id. */
export async function getShipment(db: DbOrTx, id: string): Promise<ShipmentOut | undefined> {
  const s = await db
    .selectFrom('sample_shipments as s')
    .innerJoin('customers as c', 'c.id', 's.customer_id')
    .leftJoin('owners as o', 'o.id', 's.owner_id')
    .select(ROW_COLUMNS)
    .select(['s.contact_id', 's.freight_payer', 's.feedback', 's.notes', 's.updated_at', 's.deleted_at'])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!s) return undefined;
  const items = await db
    .selectFrom('sample_shipment_items as i')
    .leftJoin('products as p', 'p.id', 'i.product_id')
    .select(['i.seq', 'i.product_id', 'p.model', 'i.description', 'i.quantity'])
    .where('i.shipment_id', '=', id)
    .orderBy('i.seq')
    .execute();
  const stock = await onHandByProduct(db, items.flatMap((i) => (i.product_id ? [i.product_id] : [])));
  const summary = items.map((i) => `${i.description} × ${i.quantity}`).join(', ');
  return {
    ...toRow(s, summary),
    contactId: s.contact_id,
    freightPayer: s.freight_payer,
    feedback: s.feedback,
    notes: s.notes,
    items: items.map((i) => ({
      seq: i.seq,
      productId: i.product_id,
      model: i.model,
      description: i.description,
      quantity: i.quantity,
      onHand: i.product_id ? (stock.get(i.product_id) ?? 0) : null,
    })),
    updatedAt: s.updated_at,
    deletedAt: s.deleted_at,
  };
}

export async function insertShipment(db: DbOrTx, id: string, columns: ShipmentColumns, now: number): Promise<void> {
  await db
    .insertInto('sample_shipments')
    .values({ ...columns, id, status: 'preparing', sent_at: null, delivered_at: null, feedback_at: null, feedback: null, follow_up_at: null, created_at: now, updated_at: now, deleted_at: null })
    .execute();
}

export async function updateShipmentColumns(db: DbOrTx, id: string, columns: Partial<SampleShipmentsTable>, now: number): Promise<number> {
  const res = await db.updateTable('sample_shipments').set({ ...columns, updated_at: now }).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export async function replaceItems(db: DbOrTx, id: string, items: readonly ItemColumns[]): Promise<void> {
  await db.deleteFrom('sample_shipment_items').where('shipment_id', '=', id).execute();
  if (items.length) await db.insertInto('sample_shipment_items').values(items.map((i) => ({ ...i, shipment_id: id }))).execute();
}

export async function shipmentItems(db: DbOrTx, id: string): Promise<SampleShipmentItemsTable[]> {
  return db.selectFrom('sample_shipment_items').selectAll().where('shipment_id', '=', id).orderBy('seq').execute();
}

/** The live shipment's stored row (for a write's checks), undefined when there is none. */
export async function liveShipment(db: DbOrTx, id: string): Promise<SampleShipmentsTable | undefined> {
  return db.selectFrom('sample_shipments').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

export async function softDeleteShipment(db: DbOrTx, id: string, now: number): Promise<number> {
  return updateShipmentColumns(db, id, { deleted_at: now }, now);
}

/** A live customer's owner (the shipment's default owner); undefined when there is no live customer. */
export async function liveCustomer(db: DbOrTx, id: string): Promise<{ owner_id: string | null } | undefined> {
  return db.selectFrom('customers').select('owner_id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

/** Products by id with their model and names (deleted ones too), for items' default descriptions. */
export async function productNames(db: DbOrTx, ids: readonly string[]): Promise<Map<string, { model: string; name: string | null; live: boolean }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('products').select(['id', 'model', 'name_en', 'name_zh', 'deleted_at']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, { model: r.model, name: r.name_en ?? r.name_zh, live: r.deleted_at === null }]));
}

/** Moves a delivered shipment's feedback follow-up (Today's snooze); 0 when there is no such live shipment waiting for feedback. */
export async function moveSampleFollowUp(db: DbOrTx, id: string, until: number, now: number): Promise<number> {
  const r = await db
    .updateTable('sample_shipments')
    .set({ follow_up_at: until, updated_at: now })
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .where('follow_up_at', 'is not', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
