import { sql } from 'kysely';
import type { DbOrTx } from '../../../db/database.ts';
import { countUpTo } from '../core/count-up-to.queries.ts';
import type { LettersOfCreditTable, OrderPaymentsTable } from '../../../db/tables/payments.tables.ts';
import type { LcDeadlineRow, PaymentDueRow } from '../../../shared/contract/payments.contract.ts';
import type { LcDeadline } from '../../../shared/domain/payment-deadlines.ts';

/**
 * The reads of expected payments and letters of credit. Both reach their customer through their
 * quote (migration 0017): the customer and the owner are the quote's, so a merged customer's
 * payments follow its quotes. A payment or L/C of a deleted quote or customer is not shown.
 */

export interface DeadlineInput {
  /** Exclusive: what is due before it (overdue included). */
  until: number;
  /** The quote's owner, else its customer's. */
  ownerId?: string | null;
  limit: number;
  /** Count no further (Today's "100+"). */
  countCap?: number;
}

const QUOTE_REF = ['q.id as quote_id', 'q.number as quote_number', 'c.id as customer_id', 'c.code as customer_code', 'c.name as customer_name'] as const;

export interface QuoteRefRecord {
  quote_id: string;
  quote_number: string;
  customer_id: string;
  customer_code: string;
  customer_name: string;
}

function quoteRef(r: QuoteRefRecord) {
  return { quoteId: r.quote_id, quoteNumber: r.quote_number, customerId: r.customer_id, customerCode: r.customer_code, customerName: r.customer_name };
}

/**
 * The quote and customer are live. The unary `+` keeps SQLite from walking customers_deleted or a
 * quotes index to answer `deleted_at IS NULL` (without statistics it takes an equality on an
 * index for selective): these are checked on the few rows the payment or L/C index gives.
 */
const liveQuoteAndCustomer = sql<boolean>`+q.deleted_at IS NULL AND +c.deleted_at IS NULL`;

/** Payments joined to their live quote and customer. */
function paymentsWithQuote(db: DbOrTx) {
  return db
    .selectFrom('order_payments as p')
    .innerJoin('quotes as q', 'q.id', 'p.quote_id')
    .innerJoin('customers as c', 'c.id', 'q.customer_id')
    .where('p.deleted_at', 'is', null)
    .where(liveQuoteAndCustomer);
}

function lcsWithQuote(db: DbOrTx) {
  return db
    .selectFrom('letters_of_credit as l')
    .innerJoin('quotes as q', 'q.id', 'l.quote_id')
    .innerJoin('customers as c', 'c.id', 'q.customer_id')
    .where('l.deleted_at', 'is', null)
    .where(liveQuoteAndCustomer);
}

const ownerIs = (ownerId: string) => sql<boolean>`coalesce(q.owner_id, c.owner_id) = ${ownerId}`;

/**
 * Unreceived payments due before `until`, overdue included: walks order_payments_due (only
 * unreceived live rows with a date are in it), so Today reads a handful of rows however much was
 * paid before. For callers that add conditions (Today's snoozes) before selecting.
 */
export function paymentsDueQuery(db: DbOrTx, input: Omit<DeadlineInput, 'limit'>) {
  let q = paymentsWithQuote(db).where('p.received_at', 'is', null).where('p.due_at', 'is not', null).where('p.due_at', '<', input.until);
  if (input.ownerId) q = q.where(ownerIs(input.ownerId));
  return q;
}

/** The seam for Today: unreceived payments due before `until` (overdue included), soonest first. */
export async function paymentsDue(db: DbOrTx, input: DeadlineInput, now: number): Promise<{ total: number; rows: PaymentDueRow[] }> {
  const base = paymentsDueQuery(db, input);
  const [total, rows] = await Promise.all([
    input.countCap ? countUpTo(db, base, input.countCap) : base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n)),
    base
      .select([...QUOTE_REF, 'p.id', 'p.label', 'p.note', 'p.amount_e4', 'p.currency', 'p.due_at'])
      .orderBy('p.due_at')
      .orderBy('p.id')
      .limit(input.limit)
      .execute(),
  ]);
  return {
    total,
    rows: rows.map((r) => ({ id: r.id, ...quoteRef(r), label: r.label, note: r.note, amountE4: r.amount_e4, currency: r.currency, dueAt: r.due_at!, overdue: r.due_at! < now })),
  };
}

/** The L/C deadlines before `until`, one row per deadline: expiries (order_lcs_expiry) and latest shipment dates (order_lcs_shipment). */
export function lcDeadlinesQuery(db: DbOrTx, input: Omit<DeadlineInput, 'limit'>) {
  const side = (deadline: LcDeadline) => {
    const column = deadline === 'expiry' ? 'l.expires_at' : 'l.latest_shipment_at';
    let q = lcsWithQuote(db).where('l.closed_at', 'is', null).where(column, 'is not', null).where(column, '<', input.until);
    if (deadline === 'latestShipment') q = q.where('l.shipped_at', 'is', null);
    if (input.ownerId) q = q.where(ownerIs(input.ownerId));
    return q.select([...QUOTE_REF, 'l.id as id', 'l.number', 'l.issuing_bank', 'l.amount_e4', 'l.currency', sql<LcDeadline>`${deadline}`.as('deadline'), sql<number>`${sql.ref(column)}`.as('deadline_at')]);
  };
  return side('expiry').unionAll(side('latestShipment'));
}

/** The seam for Today: L/Cs not closed whose expiry or (unshipped) latest shipment date is before `until`, soonest first. */
export async function letterOfCreditDeadlines(db: DbOrTx, input: DeadlineInput, now: number): Promise<{ total: number; rows: LcDeadlineRow[] }> {
  const all = lcDeadlinesQuery(db, input);
  const [total, rows] = await Promise.all([
    input.countCap ? countUpTo(db, db.selectFrom(all.as('d')), input.countCap) : db.selectFrom(all.as('d')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n)),
    all.orderBy('deadline_at').orderBy('id').limit(input.limit).execute(),
  ]);
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      ...quoteRef(r),
      number: r.number,
      issuingBank: r.issuing_bank,
      amountE4: r.amount_e4,
      currency: r.currency,
      deadline: r.deadline,
      deadlineAt: r.deadline_at,
      overdue: r.deadline_at < now,
    })),
  };
}

export type PaymentRecord = OrderPaymentsTable & QuoteRefRecord;
export type LcRecord = LettersOfCreditTable & QuoteRefRecord;

/** Payments of one quote (live), in their order. */
export function quotePaymentRecords(db: DbOrTx, quoteId: string): Promise<PaymentRecord[]> {
  return paymentsWithQuote(db).selectAll('p').select(QUOTE_REF).where('p.quote_id', '=', quoteId).orderBy('p.seq').execute();
}

export function quoteLcRecord(db: DbOrTx, quoteId: string): Promise<LcRecord | undefined> {
  return lcsWithQuote(db).selectAll('l').select(QUOTE_REF).where('l.quote_id', '=', quoteId).executeTakeFirst();
}

export function paymentRecord(db: DbOrTx, id: string): Promise<PaymentRecord | undefined> {
  return paymentsWithQuote(db).selectAll('p').select(QUOTE_REF).where('p.id', '=', id).executeTakeFirst();
}

export function lcRecord(db: DbOrTx, id: string): Promise<LcRecord | undefined> {
  return lcsWithQuote(db).selectAll('l').select(QUOTE_REF).where('l.id', '=', id).executeTakeFirst();
}

/**
 * A customer's payments through its quotes (quotes_customer, then order_payments_quote): open
 * ones, dated first by date, then undated; received ones too when asked, after them.
 */
export function customerPaymentRecords(db: DbOrTx, customerId: string, includeSettled: boolean): Promise<PaymentRecord[]> {
  let q = paymentsWithQuote(db).selectAll('p').select(QUOTE_REF).where('q.customer_id', '=', customerId);
  if (!includeSettled) q = q.where('p.received_at', 'is', null);
  return q
    .orderBy(sql`p.received_at IS NOT NULL`)
    .orderBy(sql`p.due_at IS NULL`)
    .orderBy('p.due_at')
    .orderBy('q.number')
    .orderBy('p.seq')
    .execute();
}

/** A customer's L/Cs, open ones first by expiry. */
export function customerLcRecords(db: DbOrTx, customerId: string, includeSettled: boolean): Promise<LcRecord[]> {
  let q = lcsWithQuote(db).selectAll('l').select(QUOTE_REF).where('q.customer_id', '=', customerId);
  if (!includeSettled) q = q.where('l.closed_at', 'is', null);
  return q.orderBy(sql`l.closed_at IS NOT NULL`).orderBy('l.expires_at').execute();
}

/** What recording terms needs of the quote: status, whether superseded, customer, terms, line totals. */
export async function quoteForTerms(db: DbOrTx, quoteId: string) {
  const quote = await db
    .selectFrom('quotes as q')
    .innerJoin('customers as c', 'c.id', 'q.customer_id')
    .select(['q.id', 'q.number', 'q.status', 'q.superseded_by_id', 'q.customer_id', 'q.payment_terms', 'q.decided_at', 'c.deleted_at as customer_deleted_at'])
    .where('q.id', '=', quoteId)
    .where('q.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!quote) return undefined;
  const lines = await db.selectFrom('quote_lines').select(['currency', 'amount_e4']).where('quote_id', '=', quoteId).orderBy('seq').execute();
  return { ...quote, lines: lines.map((l) => ({ currency: l.currency, amountE4: l.amount_e4 })) };
}

export type PaymentColumns = Pick<OrderPaymentsTable, 'seq' | 'label' | 'note' | 'amount_e4' | 'currency' | 'due_at' | 'received_at' | 'received_amount_e4'>;
export type LcColumns = Pick<
  LettersOfCreditTable,
  'number' | 'issuing_bank' | 'amount_e4' | 'currency' | 'expires_at' | 'latest_shipment_at' | 'presentation_days' | 'notes' | 'shipped_at' | 'closed_at'
>;

export async function insertPayment(db: DbOrTx, id: string, quoteId: string, columns: PaymentColumns, now: number): Promise<void> {
  await db.insertInto('order_payments').values({ ...columns, id, quote_id: quoteId, created_at: now, updated_at: now, deleted_at: null }).execute();
}

/** Updates a live payment of this quote; 0 when there is none (another quote's id, or deleted). */
export async function updatePayment(db: DbOrTx, id: string, quoteId: string, columns: Partial<PaymentColumns>, now: number): Promise<number> {
  const res = await db.updateTable('order_payments').set({ ...columns, updated_at: now }).where('id', '=', id).where('quote_id', '=', quoteId).where('deleted_at', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Soft-deletes the quote's live payments not in `keep`. */
export async function removePaymentsExcept(db: DbOrTx, quoteId: string, keep: readonly string[], now: number): Promise<void> {
  let q = db.updateTable('order_payments').set({ deleted_at: now, updated_at: now }).where('quote_id', '=', quoteId).where('deleted_at', 'is', null);
  if (keep.length) q = q.where('id', 'not in', keep);
  await q.execute();
}

export async function insertLc(db: DbOrTx, id: string, quoteId: string, columns: LcColumns, now: number): Promise<void> {
  await db.insertInto('letters_of_credit').values({ ...columns, id, quote_id: quoteId, created_at: now, updated_at: now, deleted_at: null }).execute();
}

/** Updates a live L/C of this quote; 0 when there is none. */
export async function updateLc(db: DbOrTx, id: string, quoteId: string, columns: Partial<LcColumns>, now: number): Promise<number> {
  const res = await db.updateTable('letters_of_credit').set({ ...columns, updated_at: now }).where('id', '=', id).where('quote_id', '=', quoteId).where('deleted_at', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Soft-deletes the quote's live L/C unless it is `keep`. */
export async function removeLcExcept(db: DbOrTx, quoteId: string, keep: string | null, now: number): Promise<void> {
  let q = db.updateTable('letters_of_credit').set({ deleted_at: now, updated_at: now }).where('quote_id', '=', quoteId).where('deleted_at', 'is', null);
  if (keep) q = q.where('id', '!=', keep);
  await q.execute();
}

export async function softDelete(db: DbOrTx, table: 'order_payments' | 'letters_of_credit', id: string, now: number): Promise<number> {
  const res = await db.updateTable(table).set({ deleted_at: now, updated_at: now }).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows);
}
