import { afterEach, describe, expect, it } from 'vitest';
import type { CallInput } from '../../../../../shared/contract/contract.ts';
import { createTempCore, DAY, T0, type TempCore } from '../../../../helpers/temp-core.ts';
import { oneLine, quoteWorld } from '../quotes/quote-fixtures.ts';

let app: TempCore;
afterEach(async () => {
  await app?.close();
});

/** An accepted quote of 1,000 valves at 3.25 USD (3,250.00 USD) with these payment terms. */
async function acceptedQuote(a: TempCore, customerId: string, productId: string, paymentTerms: string | null = '30% T/T deposit, 70% before shipment') {
  const q = await a.call('quotes.create', oneLine(customerId, productId, 32_500, { paymentTerms }));
  await a.call('quotes.setStatus', { id: q.id, status: 'sent' });
  await a.call('quotes.setStatus', { id: q.id, status: 'accepted' });
  return q;
}

type PaymentIn = CallInput<'payments.saveTerms'>['payments'][number];
const deposit = (extra: Partial<PaymentIn> = {}): PaymentIn => ({ label: 'deposit', amountE4: 9_750_000, currency: 'USD', dueAt: T0 + 5 * DAY, ...extra });
const balance = (extra: Partial<PaymentIn> = {}): PaymentIn => ({ label: 'balance', amountE4: 22_750_000, currency: 'USD', dueAt: T0 + 40 * DAY, ...extra });

describe('payments: recording terms', () => {
  it('refuses terms on a draft or sent quote, naming the quote and its status', async () => {
    app = await createTempCore();
    const { a, valve } = await quoteWorld(app);
    const q = await app.call('quotes.create', oneLine(a.id, valve.id, 32_500));
    const refused = await app.fail('payments.saveTerms', { quoteId: q.id, payments: [deposit()] });
    expect(refused).toMatchObject({ code: 'conflict', message: 'payments.errors.quoteNotAccepted', params: { number: q.number, status: 'draft' } });
    await app.call('quotes.setStatus', { id: q.id, status: 'sent' });
    expect((await app.fail('payments.saveTerms', { quoteId: q.id, payments: [deposit()] })).params).toMatchObject({ status: 'sent' });
    expect((await app.call('payments.forQuote', { quoteId: q.id })).recordable).toBe(false);
    expect(app.core.database().sqlite.prepare('SELECT count(*) AS n FROM order_payments').get()).toEqual({ n: 0 });
  });

  it('prefills a 30/70 split from the quote’s terms and total, an L/C from L/C terms, else one payment of the total', async () => {
    app = await createTempCore();
    const { a, valve } = await quoteWorld(app);
    const split = await acceptedQuote(app, a.id, valve.id, '30% T/T deposit, 70% before shipment');
    const terms = await app.call('payments.forQuote', { quoteId: split.id });
    expect(terms).toMatchObject({ recordable: true, paymentTerms: '30% T/T deposit, 70% before shipment', totals: [{ currency: 'USD', amountE4: 32_500_000 }], payments: [], letterOfCredit: null });
    expect(terms.suggestion).toEqual({
      payments: [
        { label: 'deposit', amountE4: 9_750_000, currency: 'USD' },
        { label: 'balance', amountE4: 22_750_000, currency: 'USD' },
      ],
      letterOfCredit: null,
    });
    const slash = await acceptedQuote(app, a.id, valve.id, 'T/T 40/60');
    expect((await app.call('payments.forQuote', { quoteId: slash.id })).suggestion.payments.map((p) => p.amountE4)).toEqual([13_000_000, 19_500_000]);
    const lc = await acceptedQuote(app, a.id, valve.id, 'L/C at sight');
    expect((await app.call('payments.forQuote', { quoteId: lc.id })).suggestion).toEqual({ payments: [], letterOfCredit: { amountE4: 32_500_000, currency: 'USD' } });
    const plain = await acceptedQuote(app, a.id, valve.id, 'T/T');
    expect((await app.call('payments.forQuote', { quoteId: plain.id })).suggestion.payments).toEqual([{ label: 'balance', amountE4: 32_500_000, currency: 'USD' }]);
  });

  it('records a deposit, a balance and an L/C; the same save again changes nothing; a row left out is deleted', async () => {
    app = await createTempCore();
    const { a, valve } = await quoteWorld(app);
    const q = await acceptedQuote(app, a.id, valve.id);
    const letterOfCredit = { number: 'LC-88', issuingBank: 'HSBC Hamburg', amountE4: 22_750_000, currency: 'USD' as const, expiresAt: T0 + 60 * DAY, latestShipmentAt: T0 + 45 * DAY, presentationDays: 21 };
    const saved = await app.call('payments.saveTerms', { quoteId: q.id, payments: [deposit(), balance()], letterOfCredit });
    expect(saved.payments.map((p) => [p.seq, p.label, p.amountE4, p.state])).toEqual([
      [1, 'deposit', 9_750_000, 'dueSoon'],
      [2, 'balance', 22_750_000, 'open'],
    ]);
    expect(saved.letterOfCredit).toMatchObject({ number: 'LC-88', issuingBank: 'HSBC Hamburg', presentationDays: 21, state: 'open', customerName: 'Acme Imports Ltd', quoteNumber: q.number });
    // The retry of a save whose answer was lost: the rows carry their ids, so nothing is added.
    const again = await app.call('payments.saveTerms', {
      quoteId: q.id,
      payments: saved.payments.map((p) => ({ id: p.id, label: p.label, amountE4: p.amountE4, currency: 'USD' as const, dueAt: p.dueAt })),
      letterOfCredit: { ...letterOfCredit, id: saved.letterOfCredit!.id },
    });
    expect(again.payments.map((p) => p.id)).toEqual(saved.payments.map((p) => p.id));
    expect(again.letterOfCredit!.id).toBe(saved.letterOfCredit!.id);
    const dropped = await app.call('payments.saveTerms', { quoteId: q.id, payments: [{ ...deposit(), id: saved.payments[0]!.id }], letterOfCredit: null });
    expect(dropped.payments).toHaveLength(1);
    expect(dropped.letterOfCredit).toBeNull();
    const rows = app.core.database().sqlite.prepare('SELECT label, deleted_at FROM order_payments ORDER BY seq').all();
    expect(rows).toEqual([{ label: 'deposit', deleted_at: null }, { label: 'balance', deleted_at: T0 }]);
  });

  it('names each wrong field: a zero amount, a received amount without its date, a shipment date after expiry', async () => {
    app = await createTempCore();
    const { a, valve } = await quoteWorld(app);
    const q = await acceptedQuote(app, a.id, valve.id);
    const zero = await app.fail('payments.saveTerms', { quoteId: q.id, payments: [deposit({ amountE4: 0 })] });
    expect(zero.fieldErrors).toEqual([{ path: 'payments.0.amountE4', message: 'validation.mustBePositive' }]);
    const checks = await app.fail('payments.saveTerms', {
      quoteId: q.id,
      payments: [deposit(), balance({ receivedAmountE4: 100 })],
      letterOfCredit: { number: 'LC-1', issuingBank: 'BNP', amountE4: 1, currency: 'USD', expiresAt: T0 + 10 * DAY, latestShipmentAt: T0 + 11 * DAY },
    });
    expect(checks.fieldErrors).toEqual([
      { path: 'payments.1.receivedAt', message: 'payments.errors.receivedDateMissing' },
      { path: 'letterOfCredit.latestShipmentAt', message: 'payments.errors.shipmentAfterExpiry' },
    ]);
    const missing = await app.fail('payments.saveTerms', { quoteId: q.id, payments: [deposit()], letterOfCredit: { number: '', issuingBank: 'BNP', amountE4: 1, currency: 'USD', expiresAt: T0 } });
    expect(missing.fieldErrors).toEqual([{ path: 'letterOfCredit.number', message: 'validation.required' }]);
    expect(app.core.database().sqlite.prepare('SELECT count(*) AS n FROM order_payments').get()).toEqual({ n: 0 });
  });

  it('marks a payment received in one click, with the whole amount; a second click keeps the first record', async () => {
    app = await createTempCore();
    const { a, valve } = await quoteWorld(app);
    const q = await acceptedQuote(app, a.id, valve.id);
    const saved = await app.call('payments.saveTerms', { quoteId: q.id, payments: [deposit(), balance()] });
    app.clock.set(T0 + 3 * DAY);
    const received = await app.call('payments.markReceived', { id: saved.payments[0]!.id });
    expect(received).toMatchObject({ state: 'received', receivedAt: T0 + 3 * DAY, receivedAmountE4: 9_750_000 });
    app.clock.set(T0 + 4 * DAY);
    expect(await app.call('payments.markReceived', { id: saved.payments[0]!.id, receivedAmountE4: 1 })).toMatchObject({ receivedAt: T0 + 3 * DAY, receivedAmountE4: 9_750_000 });
    const short = await app.call('payments.markReceived', { id: saved.payments[1]!.id, receivedAmountE4: 22_700_000 });
    expect(short).toMatchObject({ receivedAmountE4: 22_700_000, amountE4: 22_750_000 });
    const folder = await app.call('payments.forCustomer', { customerId: a.id });
    expect(folder.payments).toEqual([]);
    expect((await app.call('payments.forCustomer', { customerId: a.id, includeSettled: true })).payments).toHaveLength(2);
  });

  it('deletes softly, and a deleted payment leaves the folder and the reminders', async () => {
    app = await createTempCore();
    const { a, valve } = await quoteWorld(app);
    const q = await acceptedQuote(app, a.id, valve.id);
    const saved = await app.call('payments.saveTerms', { quoteId: q.id, payments: [deposit()] });
    expect(await app.call('payments.remove', { kind: 'payment', id: saved.payments[0]!.id })).toEqual({ count: 1 });
    expect(await app.call('payments.remove', { kind: 'payment', id: saved.payments[0]!.id })).toEqual({ count: 0 });
    expect((await app.call('payments.forCustomer', { customerId: a.id })).payments).toEqual([]);
    expect((await app.call('payments.reminders', {})).payments.total).toBe(0);
    expect(app.core.database().sqlite.prepare('SELECT deleted_at FROM order_payments').get()).toEqual({ deleted_at: T0 });
  });

  it('a merged customer keeps its payments: they follow its quotes to the customer kept', async () => {
    app = await createTempCore();
    const { a, b, valve } = await quoteWorld(app);
    const q = await acceptedQuote(app, b.id, valve.id);
    await app.call('payments.saveTerms', { quoteId: q.id, payments: [deposit()], letterOfCredit: { number: 'LC-9', issuingBank: 'BNP', amountE4: 1, currency: 'USD', expiresAt: T0 + 5 * DAY } });
    await app.call('customers.merge', { targetId: a.id, sourceIds: [b.id] });
    const folder = await app.call('payments.forCustomer', { customerId: a.id });
    expect(folder.payments.map((p) => [p.customerId, p.amountE4])).toEqual([[a.id, 9_750_000]]);
    expect(folder.lettersOfCredit.map((l) => [l.customerId, l.number])).toEqual([[a.id, 'LC-9']]);
    const due = await app.call('payments.reminders', {});
    expect(due.payments.rows.map((r) => r.customerName)).toEqual(['Acme Imports Ltd']);
    expect(due.lettersOfCredit.rows.map((r) => r.customerId)).toEqual([a.id]);
  });

  it('tells the screens that payments changed on every write, not on reads or refusals', async () => {
    app = await createTempCore();
    const { a, valve } = await quoteWorld(app);
    const q = await acceptedQuote(app, a.id, valve.id);
    const events: string[][] = [];
    app.core.subscribe((event, payload) => {
      if (event === 'data.changed') events.push([...(payload as { entities: string[] }).entities]);
    });
    const saved = await app.call('payments.saveTerms', { quoteId: q.id, payments: [deposit()] });
    await app.call('payments.markReceived', { id: saved.payments[0]!.id });
    await app.call('payments.markReceived', { id: saved.payments[0]!.id });
    await app.call('payments.forQuote', { quoteId: q.id });
    await app.fail('payments.saveTerms', { quoteId: q.id, payments: [deposit({ amountE4: 0 })] });
    expect(events).toEqual([['payments'], ['payments']]);
  });
});
