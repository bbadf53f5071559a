import type { CallOutput } from '../../../shared/contract/contract.ts';
import type { paymentCalls } from '../../../shared/contract/payments.contract.ts';
import { fail } from '../../../shared/contract/result.ts';
import { reminderUntil, suggestTerms } from '../../../shared/domain/payment-deadlines.ts';
import { totalsByCurrency } from '../../../shared/domain/money.ts';
import type { Handlers } from '../core/dispatcher.ts';
import type { ServiceDeps } from '../core/service-deps.ts';
import { readReminderDays, toLetterOfCredit, toPayment } from './payment-records.ts';
import { writeTerms } from './payment-terms.ts';
import {
  customerLcRecords,
  customerPaymentRecords,
  lcRecord,
  letterOfCreditDeadlines,
  paymentRecord,
  paymentsDue,
  quoteForTerms,
  quoteLcRecord,
  quotePaymentRecords,
  softDelete,
  updateLc,
  updatePayment,
} from './payments.queries.ts';

type Keys = keyof typeof paymentCalls;
type TermsOut = CallOutput<'payments.forQuote'>;

/** Expected payments and letters of credit of accepted quotes, and their reminders (issue 14 point 2). */
export function createPaymentService(deps: ServiceDeps): { handlers: Pick<Handlers, Keys> } {
  const { db, clock, emit } = deps;
  const changed = () => emit('data.changed', { entities: ['payments'] });

  async function terms(quoteId: string): Promise<TermsOut> {
    const quote = await quoteForTerms(db, quoteId);
    if (!quote) fail('notFound', 'quotes.errors.notFound', { id: quoteId });
    const [days, payments, lc] = await Promise.all([readReminderDays(db), quotePaymentRecords(db, quoteId), quoteLcRecord(db, quoteId)]);
    const now = clock.now();
    const totals = totalsByCurrency(quote.lines);
    return {
      quoteId,
      quoteNumber: quote.number,
      quoteStatus: quote.status,
      customerId: quote.customer_id,
      paymentTerms: quote.payment_terms,
      totals,
      recordable: quote.status === 'accepted' && quote.customer_deleted_at === null,
      payments: payments.map((p) => toPayment(p, now, days)),
      letterOfCredit: lc ? toLetterOfCredit(lc, now, days) : null,
      suggestion: suggestTerms(quote.payment_terms, totals),
      reminderDays: days,
    };
  }

  async function payment(id: string): Promise<CallOutput<'payments.markReceived'>> {
    const row = await paymentRecord(db, id);
    if (!row) fail('notFound', 'payments.errors.paymentNotFound', { id });
    return toPayment(row, clock.now(), await readReminderDays(db));
  }

  async function letterOfCredit(id: string): Promise<CallOutput<'payments.updateLetterOfCredit'>> {
    const row = await lcRecord(db, id);
    if (!row) fail('notFound', 'payments.errors.lcNotFound', { id });
    return toLetterOfCredit(row, clock.now(), await readReminderDays(db));
  }

  return {
    handlers: {
      'payments.forQuote': ({ quoteId }) => terms(quoteId),
      'payments.saveTerms': async (input) => {
        await db.transaction().execute((trx) => writeTerms(trx, input, clock.now()));
        changed();
        return terms(input.quoteId);
      },
      'payments.markReceived': async ({ id, receivedAt, receivedAmountE4 }) => {
        const row = await paymentRecord(db, id);
        if (!row) fail('notFound', 'payments.errors.paymentNotFound', { id });
        // A second click (or a retried call) finds it received and keeps the first record of it.
        if (row.received_at === null) {
          const now = clock.now();
          await updatePayment(db, id, row.quote_id, { received_at: receivedAt ?? now, received_amount_e4: receivedAmountE4 ?? row.amount_e4 }, now);
          changed();
        }
        return payment(id);
      },
      'payments.updateLetterOfCredit': async ({ id, shippedAt, closedAt }) => {
        const set = { ...(shippedAt !== undefined ? { shipped_at: shippedAt } : {}), ...(closedAt !== undefined ? { closed_at: closedAt } : {}) };
        const row = await lcRecord(db, id);
        if (!row) fail('notFound', 'payments.errors.lcNotFound', { id });
        if (Object.keys(set).length) {
          await updateLc(db, id, row.quote_id, set, clock.now());
          changed();
        }
        return letterOfCredit(id);
      },
      'payments.remove': async ({ kind, id }) => {
        const count = await softDelete(db, kind === 'payment' ? 'order_payments' : 'letters_of_credit', id, clock.now());
        if (count) changed();
        return { count };
      },
      'payments.forCustomer': async ({ customerId, includeSettled }) => {
        const [days, payments, lcs] = await Promise.all([readReminderDays(db), customerPaymentRecords(db, customerId, includeSettled), customerLcRecords(db, customerId, includeSettled)]);
        const now = clock.now();
        return { payments: payments.map((p) => toPayment(p, now, days)), lettersOfCredit: lcs.map((l) => toLetterOfCredit(l, now, days)), reminderDays: days };
      },
      'payments.reminders': async ({ ownerId, limit }) => {
        const days = await readReminderDays(db);
        const now = clock.now();
        const [payments, lettersOfCredit] = await Promise.all([
          paymentsDue(db, { until: reminderUntil(now, days.payment), ownerId, limit }, now),
          letterOfCreditDeadlines(db, { until: reminderUntil(now, days.letterOfCredit), ownerId, limit }, now),
        ]);
        return { payments, lettersOfCredit, reminderDays: days };
      },
    },
  };
}
