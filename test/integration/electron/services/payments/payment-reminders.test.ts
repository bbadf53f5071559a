import { afterEach, describe, expect, it } from 'vitest';
import { letterOfCreditDeadlines, paymentsDue } from '../../../../../electron/services/payments/payments.queries.ts';
import { createTempCore, DAY, T0, type TempCore } from '../../../../helpers/temp-core.ts';
import { oneLine, quoteWorld } from '../quotes/quote-fixtures.ts';

let app: TempCore;
afterEach(async () => {
  await app?.close();
});

async function accepted(a: TempCore, customerId: string, productId: string) {
  const q = await a.call('quotes.create', oneLine(customerId, productId, 32_500));
  await a.call('quotes.setStatus', { id: q.id, status: 'sent' });
  await a.call('quotes.setStatus', { id: q.id, status: 'accepted' });
  return q;
}

describe('payments: reminders around their boundaries', () => {
  it('a payment due exactly N days ahead is due soon, one millisecond later is not; past its date it is overdue', async () => {
    app = await createTempCore();
    const { a, valve } = await quoteWorld(app);
    const q = await accepted(app, a.id, valve.id);
    const N = 7; // the default
    await app.call('payments.saveTerms', {
      quoteId: q.id,
      payments: [
        { label: 'deposit', amountE4: 1_000_000, currency: 'USD', dueAt: T0 + N * DAY },
        { label: 'balance', amountE4: 2_000_000, currency: 'USD', dueAt: T0 + N * DAY + 1 },
        { label: 'other', note: 'tooling', amountE4: 500_000, currency: 'USD', dueAt: null },
      ],
    });
    const due = await app.call('payments.reminders', {});
    expect(due.reminderDays).toEqual({ payment: 7, letterOfCredit: 15 });
    expect(due.payments.rows.map((r) => [r.label, r.overdue])).toEqual([['deposit', false]]);
    const states = async () => (await app.call('payments.forQuote', { quoteId: q.id })).payments.map((p) => p.state);
    expect(await states()).toEqual(['dueSoon', 'open', 'noDate']);

    app.clock.set(T0 + N * DAY);
    expect((await app.call('payments.reminders', {})).payments.rows.map((r) => [r.label, r.overdue])).toEqual([['deposit', false], ['balance', false]]);
    app.clock.set(T0 + N * DAY + 1);
    const later = await app.call('payments.reminders', {});
    expect(later.payments.rows.map((r) => [r.label, r.overdue])).toEqual([['deposit', true], ['balance', false]]);
    expect(await states()).toEqual(['overdue', 'dueSoon', 'noDate']);
  });

  it('the setting changes N for payments and for L/Cs', async () => {
    app = await createTempCore();
    const { a, valve } = await quoteWorld(app);
    const q = await accepted(app, a.id, valve.id);
    await app.call('payments.saveTerms', {
      quoteId: q.id,
      payments: [{ label: 'deposit', amountE4: 1_000_000, currency: 'USD', dueAt: T0 + 10 * DAY }],
      letterOfCredit: { number: 'LC-7', issuingBank: 'Deutsche Bank', amountE4: 2_000_000, currency: 'USD', expiresAt: T0 + 20 * DAY },
    });
    let due = await app.call('payments.reminders', {});
    expect([due.payments.total, due.lettersOfCredit.total]).toEqual([0, 0]);
    const settings = await app.call('settings.update', { paymentReminderDays: 10, letterOfCreditReminderDays: 20 });
    expect(settings).toMatchObject({ paymentReminderDays: 10, letterOfCreditReminderDays: 20 });
    due = await app.call('payments.reminders', {});
    expect([due.payments.total, due.lettersOfCredit.total]).toEqual([1, 1]);
    expect((await app.call('payments.forQuote', { quoteId: q.id })).letterOfCredit!.state).toBe('expiringSoon');
    await app.call('settings.update', { letterOfCreditReminderDays: 19 });
    expect((await app.call('payments.reminders', {})).lettersOfCredit.total).toBe(0);
    expect((await app.fail('settings.update', { paymentReminderDays: 0 })).fieldErrors?.[0]?.path).toBe('paymentReminderDays');
  });

  it('an L/C expiring within 15 days and its latest shipment date are reminders until shipped and closed', async () => {
    app = await createTempCore();
    const { a, valve } = await quoteWorld(app);
    const q = await accepted(app, a.id, valve.id);
    const saved = await app.call('payments.saveTerms', {
      quoteId: q.id,
      payments: [],
      letterOfCredit: { number: 'LC-2026-114', issuingBank: 'Commerzbank', amountE4: 32_500_000, currency: 'USD', expiresAt: T0 + 30 * DAY, latestShipmentAt: T0 + 15 * DAY },
    });
    const lcId = saved.letterOfCredit!.id;
    const deadlines = async () => (await app.call('payments.reminders', {})).lettersOfCredit.rows.map((r) => [r.deadline, r.deadlineAt - T0, r.overdue]);
    // Exactly 15 days to the latest shipment date: within the default 15 days.
    expect(await deadlines()).toEqual([['latestShipment', 15 * DAY, false]]);
    expect(saved.letterOfCredit!.state).toBe('shipmentSoon');
    app.clock.set(T0 + 15 * DAY + 1);
    expect(await deadlines()).toEqual([
      ['latestShipment', 15 * DAY, true],
      ['expiry', 30 * DAY, false],
    ]);
    expect((await app.call('payments.forQuote', { quoteId: q.id })).letterOfCredit!.state).toBe('shipmentMissed');
    await app.call('payments.updateLetterOfCredit', { id: lcId, shippedAt: T0 + 14 * DAY });
    expect(await deadlines()).toEqual([['expiry', 30 * DAY, false]]);
    expect((await app.call('payments.forQuote', { quoteId: q.id })).letterOfCredit!.state).toBe('expiringSoon');
    app.clock.set(T0 + 30 * DAY + 1);
    expect((await app.call('payments.forQuote', { quoteId: q.id })).letterOfCredit!.state).toBe('expired');
    const closed = await app.call('payments.updateLetterOfCredit', { id: lcId, closedAt: T0 + 30 * DAY });
    expect(closed.state).toBe('closed');
    expect(await deadlines()).toEqual([]);
    expect((await app.call('payments.forCustomer', { customerId: a.id })).lettersOfCredit).toEqual([]);
  });

  it('Today’s seams: payments due before `until` soonest first with quote and customer, by owner, limited but counted', async () => {
    app = await createTempCore();
    const { a, b, valve } = await quoteWorld(app);
    const owner = await app.call('owners.create', { name: 'Li Wei' });
    const qa = await accepted(app, a.id, valve.id);
    const qb = await app.call('quotes.create', oneLine(b.id, valve.id, 32_500, { ownerId: owner.id }));
    await app.call('quotes.setStatus', { id: qb.id, status: 'sent' });
    await app.call('quotes.setStatus', { id: qb.id, status: 'accepted' });
    await app.call('payments.saveTerms', { quoteId: qa.id, payments: [{ label: 'deposit', amountE4: 1, currency: 'USD', dueAt: T0 - DAY }, { label: 'balance', amountE4: 2, currency: 'USD', dueAt: T0 + 3 * DAY }] });
    await app.call('payments.saveTerms', {
      quoteId: qb.id,
      payments: [{ label: 'deposit', amountE4: 3, currency: 'EUR', dueAt: T0 + DAY }],
      letterOfCredit: { number: 'LC-B', issuingBank: 'BNP', amountE4: 4, currency: 'EUR', expiresAt: T0 + 2 * DAY, latestShipmentAt: T0 + DAY },
    });
    const { db } = app.core.database();
    const all = await paymentsDue(db, { until: T0 + 5 * DAY, limit: 2 }, T0);
    expect(all.total).toBe(3);
    expect(all.rows.map((r) => [r.amountE4, r.overdue, r.quoteNumber, r.customerName, r.customerCode.length > 0])).toEqual([
      [1, true, qa.number, 'Acme Imports Ltd', true],
      [3, false, qb.number, 'Borealis Trading', true],
    ]);
    expect((await paymentsDue(db, { until: T0 + 5 * DAY, ownerId: owner.id, limit: 10 }, T0)).rows.map((r) => r.amountE4)).toEqual([3]);
    const lcs = await letterOfCreditDeadlines(db, { until: T0 + 5 * DAY, ownerId: owner.id, limit: 1 }, T0);
    expect(lcs.total).toBe(2);
    expect(lcs.rows).toEqual([expect.objectContaining({ number: 'LC-B', deadline: 'latestShipment', deadlineAt: T0 + DAY, quoteNumber: qb.number, customerId: b.id, overdue: false })]);
    expect((await letterOfCreditDeadlines(db, { until: T0 + 5 * DAY, ownerId: 'nobody', limit: 10 }, T0)).total).toBe(0);
  });
});
