import type { Db } from '../../../db/database.ts';
import type {
  QuoteReportRow,
  SampleCost,
  SampleGroup,
  SampleReportRow,
  TopCustomerRow,
} from '../../../shared/contract/reports.contract.ts';
import { monthFormatter } from './report-months.ts';

/**
 * The reports' reads (issue 13 point 7). Only quotes that went out count: a quote number and its
 * revisions are one deal, stood for by the newest live revision that was sent (a draft revision
 * being prepared leaves the sent one in place); its sent date places it in the window and its
 * status says how it ended. Money is summed per currency and never across currencies.
 */

export interface ReportWindow {
  from: number;
  to: number;
  timeZone?: string | undefined;
}

/** Live quotes that were sent and are the newest sent revision of their base number (quotes_base index). */
function sentDeals(db: Db, window: ReportWindow) {
  return db
    .selectFrom('quotes as q')
    .where('q.deleted_at', 'is', null)
    .where('q.sent_at', 'is not', null)
    .where('q.sent_at', '>=', window.from)
    .where('q.sent_at', '<=', window.to)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('quotes as r')
            .select('r.id')
            .whereRef('r.base_number', '=', 'q.base_number')
            .whereRef('r.revision', '>', 'q.revision')
            .where('r.deleted_at', 'is', null)
            .where('r.sent_at', 'is not', null),
        ),
      ),
    );
}

/**
 * Quotes sent, won, rejected and expired per salesperson and month of sending. A sent quote past
 * its validity date counts as expired at `now` even before the expiry sweep has marked it.
 * Win rate: won / (won + rejected + expired) — of the quotes decided, the share won; quotes still
 * waiting for an answer do not lower it, so the latest months are not punished for being recent.
 */
export async function quoteReport(db: Db, input: ReportWindow & { ownerId?: string | undefined }, now: number): Promise<QuoteReportRow[]> {
  let query = sentDeals(db, input)
    .leftJoin('owners as o', 'o.id', 'q.owner_id')
    .select(['q.owner_id', 'o.name as owner_name', 'q.sent_at', 'q.status', 'q.valid_until']);
  if (input.ownerId) query = query.where('q.owner_id', '=', input.ownerId);
  const deals = await query.execute();
  const monthOf = monthFormatter(input.timeZone);
  const rows = new Map<string, QuoteReportRow>();
  for (const deal of deals) {
    const month = monthOf(deal.sent_at!);
    const key = `${deal.owner_id ?? ''}\u0000${month}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { ownerId: deal.owner_id, ownerName: deal.owner_name, month, sent: 0, won: 0, rejected: 0, expired: 0, winRate: null }));
    row.sent++;
    if (deal.status === 'accepted') row.won++;
    else if (deal.status === 'rejected') row.rejected++;
    else if (deal.status === 'expired' || (deal.status === 'sent' && deal.valid_until !== null && deal.valid_until < now)) row.expired++;
  }
  for (const row of rows.values()) {
    const decided = row.won + row.rejected + row.expired;
    row.winRate = decided > 0 ? row.won / decided : null;
  }
  return [...rows.values()].sort((a, b) => a.month.localeCompare(b.month) || (a.ownerName ?? '\uffff').localeCompare(b.ownerName ?? '\uffff'));
}

/**
 * Customers by the value of their sent and accepted quotes in `currency` (lines in other
 * currencies are left out, never converted), largest first.
 */
export async function topCustomers(db: Db, input: ReportWindow & { currency: string; limit: number; ownerId?: string | undefined }, now: number): Promise<TopCustomerRow[]> {
  let deals = sentDeals(db, input)
    .where('q.status', 'in', ['sent', 'accepted'])
    // A sent quote past its validity date is expired (see quoteReport), whether or not the sweep has marked it.
    .where((eb) => eb.or([eb('q.status', '=', 'accepted'), eb('q.valid_until', 'is', null), eb('q.valid_until', '>=', now)]));
  if (input.ownerId) deals = deals.where('q.owner_id', '=', input.ownerId);
  const rows = await deals
    .innerJoin('quote_lines as l', 'l.quote_id', 'q.id')
    .innerJoin('customers as c', 'c.id', 'q.customer_id')
    .where('l.currency', '=', input.currency)
    .where('c.deleted_at', 'is', null)
    .groupBy(['c.id', 'c.name', 'c.code', 'c.country'])
    .select((eb) => ['c.id', 'c.name', 'c.code', 'c.country', eb.fn.count<number>('q.id').distinct().as('quotes'), eb.fn.sum<number>('l.amount_e4').as('amount')])
    .orderBy('amount', 'desc')
    .orderBy('c.name')
    .limit(input.limit)
    .execute();
  return rows.map((r) => ({ customerId: r.id, name: r.name, code: r.code, country: r.country, quotes: Number(r.quotes), amountE4: Number(r.amount) }));
}

interface Bucket {
  key: string | null;
  label: string | null;
  shipments: Set<string>;
  quantity: number;
  costs: Map<string, SampleCost>;
}

function addCosts(bucket: Bucket, currency: string | null, sampleE4: number | null, freightE4: number | null): void {
  // A cost without its currency cannot be added to any total; such shipments still count.
  if (currency === null || (sampleE4 === null && freightE4 === null)) return;
  const cost = bucket.costs.get(currency) ?? { currency, sampleE4: 0, freightE4: 0 };
  cost.sampleE4 += sampleE4 ?? 0;
  cost.freightE4 += freightE4 ?? 0;
  bucket.costs.set(currency, cost);
}

function shipmentsIn(db: Db, window: ReportWindow, ownerId: string | undefined) {
  let query = db
    .selectFrom('sample_shipments as s')
    .innerJoin('customers as c', 'c.id', 's.customer_id')
    .leftJoin('owners as o', 'o.id', 's.owner_id')
    .where('s.deleted_at', 'is', null)
    .where('s.sent_at', '>=', window.from)
    .where('s.sent_at', '<=', window.to);
  if (ownerId) query = query.where('s.owner_id', '=', ownerId);
  return query;
}

/**
 * Sample shipments sent in the window, grouped: shipments, item quantities, and sample and
 * freight costs per currency. By product, a shipment counts for each product it carried, with
 * its whole costs (a shipment's cost is not split between its items); items typed as free text
 * are one group with key null.
 */
export async function sampleReport(db: Db, input: ReportWindow & { groupBy: SampleGroup; ownerId?: string | undefined }): Promise<SampleReportRow[]> {
  const buckets = new Map<string | null, Bucket>();
  const bucket = (key: string | null, label: string | null) => {
    let found = buckets.get(key);
    if (!found) buckets.set(key, (found = { key, label, shipments: new Set(), quantity: 0, costs: new Map() }));
    return found;
  };
  if (input.groupBy === 'product') {
    const items = await shipmentsIn(db, input, input.ownerId)
      .innerJoin('sample_shipment_items as i', 'i.shipment_id', 's.id')
      .leftJoin('products as p', 'p.id', 'i.product_id')
      .select(['s.id', 's.currency', 's.sample_cost_e4', 's.freight_cost_e4', 'i.product_id', 'p.model', 'i.quantity'])
      .orderBy('s.sent_at')
      .orderBy('s.id')
      .orderBy('i.seq')
      .execute();
    for (const item of items) {
      const b = bucket(item.product_id, item.model);
      if (!b.shipments.has(item.id)) addCosts(b, item.currency, item.sample_cost_e4, item.freight_cost_e4);
      b.shipments.add(item.id);
      b.quantity += item.quantity;
    }
  } else {
    const shipments = await shipmentsIn(db, input, input.ownerId)
      .select((eb) => [
        's.id',
        's.sent_at',
        's.currency',
        's.sample_cost_e4',
        's.freight_cost_e4',
        's.customer_id',
        'c.name as customer_name',
        'c.country',
        's.owner_id',
        'o.name as owner_name',
        eb.selectFrom('sample_shipment_items as i').whereRef('i.shipment_id', '=', 's.id').select((e) => e.fn.coalesce(e.fn.sum<number>('i.quantity'), e.lit(0)).as('q')).as('quantity'),
      ])
      // Costs list their currencies in the order first shipped.
      .orderBy('s.sent_at')
      .orderBy('s.id')
      .execute();
    const monthOf = monthFormatter(input.timeZone);
    for (const s of shipments) {
      const [key, label] =
        input.groupBy === 'customer' ? [s.customer_id, s.customer_name] : input.groupBy === 'country' ? [s.country, s.country] : input.groupBy === 'owner' ? [s.owner_id, s.owner_name] : [monthOf(s.sent_at!), monthOf(s.sent_at!)];
      const b = bucket(key, label);
      b.shipments.add(s.id);
      b.quantity += Number(s.quantity ?? 0);
      addCosts(b, s.currency, s.sample_cost_e4, s.freight_cost_e4);
    }
  }
  const rows = [...buckets.values()].map((b) => ({ key: b.key, label: b.label, shipments: b.shipments.size, quantity: b.quantity, costs: [...b.costs.values()] }));
  // Months in order; anything else by shipments, most first, then by name.
  return input.groupBy === 'month'
    ? rows.sort((a, b) => (a.key ?? '').localeCompare(b.key ?? ''))
    : rows.sort((a, b) => b.shipments - a.shipments || (a.label ?? '\uffff').localeCompare(b.label ?? '\uffff'));
}
