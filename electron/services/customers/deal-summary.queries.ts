import type { Db } from '../../../db/database.ts';
import type { DealSummary } from '../../../shared/contract/deal-summary.contract.ts';
import { totalsByCurrency } from '../../../shared/domain/money.ts';

/** Open shipments listed at most; a customer rarely has more samples on the way. */
const MAX_OPEN_SHIPMENTS = 5;

/** The customer's newest live quote (by its date, through quotes_customer) with its totals, and its open sample shipments. */
export async function dealSummary(db: Db, customerId: string): Promise<DealSummary> {
  const quote = await db
    .selectFrom('quotes')
    .select(['id', 'number', 'status', 'quoted_at'])
    .where('customer_id', '=', customerId)
    .where('deleted_at', 'is', null)
    .orderBy('quoted_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const lines = quote ? await db.selectFrom('quote_lines').select(['currency', 'amount_e4']).where('quote_id', '=', quote.id).orderBy('seq').execute() : [];
  const shipments = await db
    .selectFrom('sample_shipments')
    .select(['id', 'courier', 'courier_name', 'tracking_number', 'status', 'sent_at'])
    .where('customer_id', '=', customerId)
    .where('deleted_at', 'is', null)
    .where('status', '!=', 'feedback')
    .orderBy('created_at', 'desc')
    .limit(MAX_OPEN_SHIPMENTS)
    .execute();
  return {
    lastQuote: quote
      ? { id: quote.id, number: quote.number, status: quote.status, quotedAt: quote.quoted_at, totals: totalsByCurrency(lines.map((l) => ({ currency: l.currency, amountE4: l.amount_e4 }))) }
      : null,
    openShipments: shipments.map((s) => ({ id: s.id, courier: s.courier, courierName: s.courier_name, trackingNumber: s.tracking_number, status: s.status, sentAt: s.sent_at })),
  };
}
