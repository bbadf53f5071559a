import { sql } from 'kysely';
import type { DbOrTx } from '../../../db/database.ts';
import type { SampleStockMovesTable } from '../../../db/tables/quotes.tables.ts';
import type { CallOutput } from '../../../shared/contract/contract.ts';

type Stock = CallOutput<'samples.stock'>;

/** The most moves a product's stock shows; on-hand figures always count them all. */
const MOVES_SHOWN = 500;

/** What a move does to the count: 'out' is stored as the (positive) count that left. */
const signed = sql<number>`CASE kind WHEN 'out' THEN -quantity ELSE quantity END`;

/** Quantities are REAL: a sum of 0.1s must not show as 0.30000000000000004. */
export function roundQuantity(value: number): number {
  return Math.round(value * 1e6) / 1e6 || 0;
}

/** A product's stock: the sum of its moves, in all and per location, and its newest moves. */
export async function readStock(db: DbOrTx, productId: string): Promise<Stock> {
  const [locations, moves] = await Promise.all([
    db
      .selectFrom('sample_stock_moves')
      .select(['location', sql<number>`total(${signed})`.as('on_hand')])
      .where('product_id', '=', productId)
      .groupBy('location')
      .orderBy('location')
      .execute(),
    db
      .selectFrom('sample_stock_moves')
      .selectAll()
      .where('product_id', '=', productId)
      .orderBy('moved_at', 'desc')
      .orderBy('created_at', 'desc')
      .limit(MOVES_SHOWN)
      .execute(),
  ]);
  return {
    productId,
    onHand: roundQuantity(locations.reduce((sum, l) => sum + l.on_hand, 0)),
    locations: locations.map((l) => ({ location: l.location, onHand: roundQuantity(l.on_hand) })),
    moves: moves.map((m) => ({
      id: m.id,
      kind: m.kind,
      quantity: m.quantity,
      location: m.location,
      note: m.note,
      shipmentId: m.shipment_id,
      movedAt: m.moved_at,
    })),
  };
}

/** On hand per product, for the products given (absent: no moves, so 0). */
export async function onHandByProduct(db: DbOrTx, productIds: readonly string[]): Promise<Map<string, number>> {
  if (productIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('sample_stock_moves')
    .select(['product_id', sql<number>`total(${signed})`.as('on_hand')])
    .where('product_id', 'in', [...new Set(productIds)])
    .groupBy('product_id')
    .execute();
  return new Map(rows.map((r) => [r.product_id, roundQuantity(r.on_hand)]));
}

/**
 * Where samples sent out are taken from: the product's location holding the most (a sample room
 * usually has one shelf per product). Null when no location holds any.
 */
export async function fullestLocation(db: DbOrTx, productId: string): Promise<string | null> {
  const row = await db
    .selectFrom('sample_stock_moves')
    .select(['location', sql<number>`total(${signed})`.as('on_hand')])
    .where('product_id', '=', productId)
    .where('location', 'is not', null)
    .groupBy('location')
    .having(sql<number>`total(${signed})`, '>', 0)
    .orderBy('on_hand', 'desc')
    .orderBy('location')
    .limit(1)
    .executeTakeFirst();
  return row?.location ?? null;
}

export async function insertMove(db: DbOrTx, move: SampleStockMovesTable): Promise<void> {
  await db.insertInto('sample_stock_moves').values(move).execute();
}

/** Whether a live product has this id (moves and items name live products only). */
export async function productIsLive(db: DbOrTx, id: string): Promise<boolean> {
  const row = await db.selectFrom('products').select('id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return Boolean(row);
}
