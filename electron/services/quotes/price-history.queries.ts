import { sql } from 'kysely';
import type { DbOrTx } from '../../../db/database.ts';
import type { CallOutput, ParsedInput } from '../../../shared/contract/contract.ts';
import { effectiveStatus } from './quote.queries.ts';

type HistoryRow = CallOutput<'quotes.priceHistory'>['rows'][number];

/**
 * `byProduct`: find the lines from the product (quote_lines_product). Otherwise the product test
 * is made unindexable (`+l.product_id`), so that a customer's history is found from that
 * customer's quotes (quotes_customer) and not by visiting every line of a product quoted 50,000
 * times: without statistics SQLite would take the product's index for either.
 */
function historySelect(db: DbOrTx, productId: string, now: number, byProduct = true) {
  return db
    .selectFrom('quote_lines as l')
    .innerJoin('quotes as q', 'q.id', 'l.quote_id')
    .innerJoin('customers as c', 'c.id', 'q.customer_id')
    .select(['l.quote_id', 'q.number', 'q.quoted_at', 'q.customer_id', 'c.name as customer_name', 'l.quantity', 'l.unit', 'l.unit_price_e4', 'l.currency', 'q.incoterm', 'q.incoterm_port'])
    .select(effectiveStatus(now).as('status'))
    .where(byProduct ? sql<boolean>`l.product_id = ${productId}` : sql<boolean>`+l.product_id = ${productId}`)
    .where('q.deleted_at', 'is', null);
}
type Record = Awaited<ReturnType<ReturnType<typeof historySelect>['execute']>>[number];

function toHistoryRow(r: Record): HistoryRow {
  return {
    quoteId: r.quote_id,
    number: r.number,
    quotedAt: r.quoted_at,
    customerId: r.customer_id,
    customerName: r.customer_name,
    status: r.status,
    quantity: r.quantity,
    unit: r.unit,
    unitPriceE4: r.unit_price_e4,
    currency: r.currency,
    incoterm: r.incoterm,
    incotermPort: r.incoterm_port,
  };
}

/**
 * The newest lines quoting a product, to everyone, ordered by quote id: ids are UUIDv7, made
 * when the quote is (quoted_at is that moment too), so id order is date order and the
 * (product_id, quote_id) index hands over the newest `limit` lines of a product quoted 50,000
 * times without sorting them all (issue 13 point 9; test/bench price-history).
 */
export function productHistory(db: DbOrTx, input: { productId: string; limit: number }, now: number) {
  return historySelect(db, input.productId, now).orderBy('l.quote_id', 'desc').limit(input.limit + 1);
}

/** The lines quoting a product to one customer, newest first: from that customer's quotes (quotes_customer). */
export function customerProductHistory(db: DbOrTx, input: { productId: string; customerId: string; limit: number }, now: number) {
  return historySelect(db, input.productId, now, false)
    .where('q.customer_id', '=', input.customerId)
    .orderBy('q.quoted_at', 'desc')
    .orderBy('q.id', 'desc')
    .limit(input.limit);
}

export async function priceHistory(db: DbOrTx, input: ParsedInput<'quotes.priceHistory'>, now: number): Promise<CallOutput<'quotes.priceHistory'>> {
  const [rows, customerRows] = await Promise.all([
    productHistory(db, input, now).execute(),
    input.customerId ? customerProductHistory(db, { ...input, customerId: input.customerId }, now).execute() : Promise.resolve([]),
  ]);
  return { rows: rows.slice(0, input.limit).map(toHistoryRow), more: rows.length > input.limit, customerRows: customerRows.map(toHistoryRow) };
}

/** The last line quoting this product to this customer at this Incoterm (or none) and currency. */
export function lastPriceQuery(db: DbOrTx, k: { customerId: string; productId: string; incoterm: string | null; currency: string; excludeQuoteId?: string | undefined }) {
  let q = db
    .selectFrom('quotes as q')
    .innerJoin('quote_lines as l', 'l.quote_id', 'q.id')
    .select(['q.id', 'q.number', 'q.quoted_at', 'l.unit_price_e4'])
    .where('q.customer_id', '=', k.customerId)
    // Found from the customer's quotes, not from every line of the product (see historySelect).
    .where(sql<boolean>`+l.product_id = ${k.productId}`)
    .where('l.currency', '=', k.currency)
    .where('q.incoterm', k.incoterm === null ? 'is' : '=', k.incoterm)
    .where('q.deleted_at', 'is', null);
  if (k.excludeQuoteId) q = q.where('q.id', '!=', k.excludeQuoteId);
  return q.orderBy('q.quoted_at', 'desc').orderBy('q.id', 'desc').orderBy('l.unit_price_e4').limit(1);
}

/**
 * Warnings for lines priced below the last price quoted to the customer for the same product,
 * Incoterm and currency — drafts count: a draft is a price the salesperson has already written.
 */
export async function priceCheck(db: DbOrTx, input: ParsedInput<'quotes.priceCheck'>): Promise<CallOutput<'quotes.priceCheck'>> {
  const warnings: CallOutput<'quotes.priceCheck'>['warnings'] = [];
  for (const [i, line] of input.lines.entries()) {
    if (!line.productId) continue;
    const last = await lastPriceQuery(db, { customerId: input.customerId, productId: line.productId, incoterm: input.incoterm, currency: line.currency, excludeQuoteId: input.excludeQuoteId }).executeTakeFirst();
    if (!last || line.unitPriceE4 >= last.unit_price_e4) continue;
    warnings.push({
      line: i,
      productId: line.productId,
      unitPriceE4: line.unitPriceE4,
      lastPriceE4: last.unit_price_e4,
      currency: line.currency,
      incoterm: input.incoterm,
      lastQuoteId: last.id,
      lastNumber: last.number,
      lastQuotedAt: last.quoted_at,
    });
  }
  return { warnings };
}
