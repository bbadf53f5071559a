import type { Db } from '../../../db/database.ts';
import type { QuoteHit, ShipmentHit } from '../../../shared/contract/search.contract.ts';
import { productModelKey } from '../../../shared/domain/product-model.ts';
import { quoteNumberKey } from '../../../shared/domain/quote-number-mentions.ts';
import { productsMatching, quotesByNumberPrefix, quotesOfProducts, shipmentsByTrackingPrefix } from './deal-hits.queries.ts';

/** Products a query may name; their quotes are listed newest first. */
const MAX_PRODUCTS = 20;

/**
 * Quotes found by number, PI number or a product (model or name) on their lines, newest first;
 * a quote found both ways is listed once, as found by its number.
 */
export async function quoteHits(db: Db, query: string, limit: number): Promise<{ rows: QuoteHit[]; more: boolean }> {
  const text = query.trim();
  if (!text) return { rows: [], more: false };
  const byNumber = await quotesByNumberPrefix(db, quoteNumberKey(text), limit + 1);
  const products = await productsMatching(db, { modelKey: productModelKey(text), word: text }, MAX_PRODUCTS);
  const productById = new Map(products.map((p) => [p.id, p]));
  const byProduct = await quotesOfProducts(db, [...productById.keys()], limit + 1);
  const seen = new Set<string>();
  const rows: QuoteHit[] = [];
  for (const q of [...byNumber.map((r) => ({ ...r, product_id: null })), ...byProduct]) {
    if (seen.has(q.id)) continue;
    seen.add(q.id);
    const product = q.product_id ? productById.get(q.product_id) : undefined;
    rows.push({
      id: q.id,
      number: q.number,
      piNumber: q.pi_number,
      status: q.status,
      quotedAt: q.quoted_at,
      customerId: q.customer_id,
      customerName: q.customer_name,
      customerCode: q.customer_code,
      product: product ? { id: product.id, model: product.model, name: product.name_en ?? product.name_zh } : null,
    });
  }
  return { rows: rows.slice(0, limit), more: rows.length > limit };
}

export async function shipmentHits(db: Db, query: string, limit: number): Promise<{ rows: ShipmentHit[]; more: boolean }> {
  const key = quoteNumberKey(query.replace(/\s+/g, ''));
  if (key.length < 3) return { rows: [], more: false };
  const found = await shipmentsByTrackingPrefix(db, key, limit + 1);
  const rows = found.slice(0, limit).map((s) => ({
    id: s.id,
    trackingNumber: s.tracking_number ?? '',
    courier: s.courier,
    courierName: s.courier_name,
    status: s.status,
    sentAt: s.sent_at,
    createdAt: s.created_at,
    customerId: s.customer_id,
    customerName: s.customer_name,
    customerCode: s.customer_code,
  }));
  return { rows, more: found.length > limit };
}
