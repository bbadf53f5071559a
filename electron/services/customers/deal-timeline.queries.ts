import type { Db } from '../../../db/database.ts';
import type { TimelineQuote, TimelineShipment } from '../../../shared/contract/mail.contract.ts';
import { formatQuantity } from '../../../shared/domain/quantity.ts';
import { totalsByCurrency } from '../../../shared/domain/money.ts';

/** The quotes of a page of a customer's timeline, by id, with line counts and totals per currency. */
export async function timelineQuotes(db: Db, ids: readonly string[]): Promise<Map<string, TimelineQuote>> {
  if (ids.length === 0) return new Map();
  const quotes = await db
    .selectFrom('quotes')
    .select(['id', 'number', 'revision', 'status', 'incoterm', 'incoterm_port'])
    .where('id', 'in', [...ids])
    .execute();
  const lines = await db.selectFrom('quote_lines').select(['quote_id', 'currency', 'amount_e4']).where('quote_id', 'in', [...ids]).orderBy('quote_id').orderBy('seq').execute();
  return new Map(
    quotes.map((q) => {
      const own = lines.filter((l) => l.quote_id === q.id);
      const totals = totalsByCurrency(own.map((l) => ({ currency: l.currency, amountE4: l.amount_e4 })));
      return [q.id, { id: q.id, number: q.number, revision: q.revision, status: q.status, incoterm: q.incoterm, incotermPort: q.incoterm_port, lines: own.length, totals }];
    }),
  );
}

/** The sample shipments of a page of a customer's timeline, by id, with their items. */
export async function timelineShipments(db: Db, ids: readonly string[]): Promise<Map<string, TimelineShipment>> {
  if (ids.length === 0) return new Map();
  const shipments = await db
    .selectFrom('sample_shipments')
    .select(['id', 'courier', 'courier_name', 'tracking_number', 'status', 'feedback'])
    .where('id', 'in', [...ids])
    .execute();
  const items = await db
    .selectFrom('sample_shipment_items as i')
    .leftJoin('products as p', 'p.id', 'i.product_id')
    .select(['i.shipment_id', 'i.description', 'i.quantity', 'p.model'])
    .where('i.shipment_id', 'in', [...ids])
    .orderBy('i.shipment_id')
    .orderBy('i.seq')
    .execute();
  return new Map(
    shipments.map((s) => [
      s.id,
      {
        id: s.id,
        courier: s.courier,
        courierName: s.courier_name,
        trackingNumber: s.tracking_number,
        status: s.status,
        feedback: s.feedback,
        items: items.filter((i) => i.shipment_id === s.id).map((i) => `${i.model ?? i.description} × ${formatQuantity(i.quantity)}`),
      },
    ]),
  );
}
