import { sql } from 'kysely';
import type { Db } from '../../../db/database.ts';
import { liveCustomer } from '../customers/live-customer.queries.ts';

/**
 * Quotes and sample shipments for the search box (issue 13 point 6): quotes by their number or
 * PI number and by the products on their lines, shipments by tracking number. Numbers match by
 * prefix without regard to case, through the upper() indexes of migration 0015; products by model
 * key prefix (products_model_live) or by a word of their names.
 */

/** Keys from `key` up to (not including) the next key that does not start with it. */
const prefixRange = (key: string) => [key, `${key}\u{10FFFF}`] as const;

export async function quotesByNumberPrefix(db: Db, key: string, limit: number) {
  const [from, to] = prefixRange(key);
  return db
    .selectFrom('quotes as q')
    .innerJoin('customers as c', 'c.id', 'q.customer_id')
    .select(['q.id', 'q.number', 'q.pi_number', 'q.status', 'q.quoted_at', 'c.id as customer_id', 'c.name as customer_name', 'c.code as customer_code'])
    .where('q.deleted_at', 'is', null)
    .where(liveCustomer)
    .where((eb) =>
      eb.or([
        eb.and([eb(sql`upper(q.number)`, '>=', from), eb(sql`upper(q.number)`, '<', to)]),
        eb.and([eb('q.pi_number', 'is not', null), eb(sql`upper(q.pi_number)`, '>=', from), eb(sql`upper(q.pi_number)`, '<', to)]),
      ]),
    )
    .orderBy('q.quoted_at', 'desc')
    .limit(limit)
    .execute();
}

/** Live products whose model key starts with `modelKey` or whose English or Chinese name holds `word`. */
export async function productsMatching(db: Db, input: { modelKey: string; word: string }, limit: number) {
  const [from, to] = prefixRange(input.modelKey);
  const like = `%${input.word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .selectFrom('products')
    .select(['id', 'model', 'name_en', 'name_zh'])
    .where('deleted_at', 'is', null)
    .where((eb) =>
      eb.or([
        ...(input.modelKey ? [eb.and([eb('model_key', '>=', from), eb('model_key', '<', to)])] : []),
        eb(sql`name_en`, 'like', sql`${like} ESCAPE '\\'`),
        eb(sql`name_zh`, 'like', sql`${like} ESCAPE '\\'`),
      ]),
    )
    .orderBy('model_key')
    .limit(limit)
    .execute();
}

/** The newest live quotes with a line of one of these products, with the product it matched by. */
export async function quotesOfProducts(db: Db, productIds: readonly string[], limit: number) {
  if (productIds.length === 0) return [];
  return db
    .selectFrom('quote_lines as l')
    .innerJoin('quotes as q', 'q.id', 'l.quote_id')
    .innerJoin('customers as c', 'c.id', 'q.customer_id')
    .select(['q.id', 'q.number', 'q.pi_number', 'q.status', 'q.quoted_at', 'c.id as customer_id', 'c.name as customer_name', 'c.code as customer_code'])
    .select((eb) => eb.fn.min('l.product_id').as('product_id'))
    .where('l.product_id', 'in', [...productIds])
    .where('q.deleted_at', 'is', null)
    .where(liveCustomer)
    .groupBy('q.id')
    .orderBy('q.quoted_at', 'desc')
    .limit(limit)
    .execute();
}

export async function shipmentsByTrackingPrefix(db: Db, key: string, limit: number) {
  const [from, to] = prefixRange(key);
  return db
    .selectFrom('sample_shipments as s')
    .innerJoin('customers as c', 'c.id', 's.customer_id')
    .select(['s.id', 's.tracking_number', 's.courier', 's.courier_name', 's.status', 's.sent_at', 's.created_at', 'c.id as customer_id', 'c.name as customer_name', 'c.code as customer_code'])
    .where('s.deleted_at', 'is', null)
    .where(liveCustomer)
    // Any case, as typed; a salesperson's shipments are a few thousand, so the scan costs little.
    .where(sql`upper(s.tracking_number)`, '>=', from)
    .where(sql`upper(s.tracking_number)`, '<', to)
    .orderBy('s.created_at', 'desc')
    .limit(limit)
    .execute();
}
