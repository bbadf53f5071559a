import type { Tx } from '../../../db/database.ts';
import type { ParsedInput } from '../../../shared/contract/contract.ts';
import { fail, type FieldError } from '../../../shared/contract/result.ts';
import { newId } from '../core/ids.ts';
import {
  insertLc,
  insertPayment,
  quoteForTerms,
  removeLcExcept,
  removePaymentsExcept,
  updateLc,
  updatePayment,
  type LcColumns,
  type PaymentColumns,
} from './payments.queries.ts';

type TermsInput = ParsedInput<'payments.saveTerms'>;
type PaymentIn = TermsInput['payments'][number];
type LcIn = NonNullable<TermsInput['letterOfCredit']>;

/** Fails with every field error at once, so the dialog marks them all. */
function failFields(errors: FieldError[]): void {
  if (errors.length) fail('validation', 'errors.validation', undefined, errors);
}

/**
 * Terms are an order's: only an accepted quote has them. The refusal names the quote and its
 * status, so "why can't I" has its answer on screen.
 */
export async function acceptedQuote(trx: Tx, quoteId: string) {
  const quote = await quoteForTerms(trx, quoteId);
  if (!quote || quote.customer_deleted_at !== null) fail('notFound', 'quotes.errors.notFound', { id: quoteId });
  if (quote.status !== 'accepted') fail('conflict', 'payments.errors.quoteNotAccepted', { number: quote.number, status: quote.status });
  return quote;
}

/** The checks a schema cannot make: a received amount needs its date; a shipment date after expiry cannot be met. */
function checkTerms(input: TermsInput): void {
  const errors: FieldError[] = [];
  input.payments.forEach((p, i) => {
    if (p.receivedAmountE4 !== null && p.receivedAt === null) errors.push({ path: `payments.${i}.receivedAt`, message: 'payments.errors.receivedDateMissing' });
  });
  const lc = input.letterOfCredit;
  if (lc?.latestShipmentAt != null && lc.latestShipmentAt > lc.expiresAt) errors.push({ path: 'letterOfCredit.latestShipmentAt', message: 'payments.errors.shipmentAfterExpiry' });
  const ids = input.payments.flatMap((p) => (p.id ? [p.id] : []));
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) errors.push({ path: `payments.${input.payments.findIndex((p) => p.id === id)}.id`, message: 'payments.errors.duplicateRow' });
  });
  failFields(errors);
}

function paymentColumns(p: PaymentIn, seq: number): PaymentColumns {
  return {
    seq,
    label: p.label,
    note: p.note,
    amount_e4: p.amountE4,
    currency: p.currency,
    due_at: p.dueAt,
    received_at: p.receivedAt,
    // Received without an amount: the whole amount came in.
    received_amount_e4: p.receivedAt === null ? null : (p.receivedAmountE4 ?? p.amountE4),
  };
}

function lcColumns(lc: LcIn): LcColumns {
  return {
    number: lc.number,
    issuing_bank: lc.issuingBank,
    amount_e4: lc.amountE4,
    currency: lc.currency,
    expires_at: lc.expiresAt,
    latest_shipment_at: lc.latestShipmentAt,
    presentation_days: lc.presentationDays,
    notes: lc.notes,
    shipped_at: lc.shippedAt,
    closed_at: lc.closedAt,
  };
}

/**
 * Writes the terms as given, inside the caller's transaction: stored rows named by id are updated,
 * rows without an id added, stored rows left out soft-deleted. An id that is not one of this
 * quote's live rows fails the whole save, so nothing half-written is left to retry over.
 */
export async function writeTerms(trx: Tx, input: TermsInput, now: number): Promise<void> {
  await acceptedQuote(trx, input.quoteId);
  checkTerms(input);
  const kept: string[] = [];
  for (const [i, p] of input.payments.entries()) {
    const columns = paymentColumns(p, i + 1);
    if (p.id) {
      if (!(await updatePayment(trx, p.id, input.quoteId, columns, now))) failFields([{ path: `payments.${i}.id`, message: 'payments.errors.paymentNotFound' }]);
      kept.push(p.id);
    } else {
      const id = newId();
      await insertPayment(trx, id, input.quoteId, columns, now);
      kept.push(id);
    }
  }
  await removePaymentsExcept(trx, input.quoteId, kept, now);
  const lc = input.letterOfCredit;
  let lcId: string | null = null;
  if (lc?.id) {
    if (!(await updateLc(trx, lc.id, input.quoteId, lcColumns(lc), now))) failFields([{ path: 'letterOfCredit.id', message: 'payments.errors.lcNotFound' }]);
    lcId = lc.id;
  }
  await removeLcExcept(trx, input.quoteId, lcId, now);
  if (lc && !lc.id) await insertLc(trx, newId(), input.quoteId, lcColumns(lc), now);
}
