import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempCore, DAY, T0, type TempCore } from '../../../../helpers/temp-core.ts';
import { oneLine } from '../quotes/quote-fixtures.ts';
import { seedCustomers } from '../../../../fixtures/customer-fixtures.ts';
import { TODAY_COUNT_CAP } from '../../../../../shared/domain/today-kinds.ts';

let app: TempCore;
beforeEach(async () => {
  app = await createTempCore();
});
afterEach(async () => {
  await app.close();
});

const HOUR = 3_600_000;

/** A grade-A customer with a contact, a sent quote (follow-up after 7 days) and a delivered sample (feedback after 7 days). */
async function world() {
  const acme = await app.call('customers.create', { name: 'Acme Imports', regionCode: 'EU', grade: 'A' });
  await app.call('contacts.create', { customerId: acme.id, name: 'Anna', channels: [{ kind: 'email', value: 'anna@acme.de' }] });
  const contact = (await app.call('customers.get', { id: acme.id })).contacts[0]!;
  const quote = await app.call('quotes.create', oneLine(acme.id, null, 12_500, { contactId: contact.id }));
  await app.call('quotes.setStatus', { id: quote.id, status: 'sent' });
  const shipment = await app.call('samples.create', { customerId: acme.id, courier: 'dhl', trackingNumber: 'DHL123', items: [{ productId: null, description: 'Swatches', quantity: 3 }] });
  await app.call('samples.setStatus', { id: shipment.id, status: 'sent' });
  await app.call('samples.setStatus', { id: shipment.id, status: 'delivered' });
  return { acme, quote, shipment, contact };
}

const kinds = (out: { sections: { kind: string; total: number }[] }) => out.sections.map((s) => [s.kind, s.total]);

describe('Today', () => {
  it('says there is nothing due on a new data folder', async () => {
    expect(await app.call('today.list', {})).toEqual({ sections: [], total: 0 });
    expect(await app.call('today.count', {})).toEqual({ total: 0 });
  });

  it('gathers quote follow-ups, sample feedback and customers due for contact, in order, with the badge their sum', async () => {
    const { acme, quote, shipment, contact } = await world();
    // Day 7: the follow-up and the feedback come due (7 days each); grade A is due after 30 days.
    app.clock.advance(7 * DAY);
    let today = await app.call('today.list', {});
    expect(kinds(today)).toEqual([
      ['quoteFollowUp', 1],
      ['sampleFeedback', 1],
    ]);
    const follow = today.sections[0]!.rows[0]!;
    expect(follow).toMatchObject({ kind: 'quoteFollowUp', recordId: quote.id, title: quote.number, customerId: acme.id, customerName: 'Acme Imports', dueAt: T0 + 7 * DAY, contactId: contact.id });
    expect(follow.key).toBe(`quoteFollowUp:${quote.id}:${T0 + 7 * DAY}`);
    expect(today.sections[1]!.rows[0]).toMatchObject({ kind: 'sampleFeedback', recordId: shipment.id, title: 'Swatches × 3', detail: 'DHL123' });

    app.clock.advance(30 * DAY);
    today = await app.call('today.list', {});
    expect(kinds(today)).toEqual([
      ['quoteFollowUp', 1],
      ['sampleFeedback', 1],
      ['notContacted', 1],
    ]);
    expect(today.sections.every((s) => s.rows.every((r) => r.overdue))).toBe(true);
    expect(today.total).toBe(3);
    expect(await app.call('today.count', {})).toEqual({ total: 3 });

    // A call to the customer takes it off "due for contact".
    await app.call('activities.create', { customerId: acme.id, kind: 'call', occurredAt: app.clock.now() });
    expect(kinds(await app.call('today.list', {}))).toEqual([
      ['quoteFollowUp', 1],
      ['sampleFeedback', 1],
    ]);
  });

  it('shows what comes due later today, not yet overdue, and nothing due tomorrow', async () => {
    const { quote } = await world();
    app.clock.set(T0 + 7 * DAY - 2 * HOUR);
    const endOfDay = T0 + 7 * DAY + 10 * HOUR;
    const today = await app.call('today.list', { until: endOfDay });
    const row = today.sections.find((s) => s.kind === 'quoteFollowUp')!.rows[0]!;
    expect(row.recordId).toBe(quote.id);
    expect(row.overdue).toBe(false);
    expect(await app.call('today.list', { until: T0 + 7 * DAY - HOUR })).toEqual({ sections: [], total: 0 });
  });

  it('filters by owner', async () => {
    const alice = await app.call('owners.create', { name: 'Alice' });
    const bob = await app.call('owners.create', { name: 'Bob' });
    await app.call('customers.create', { name: 'Alice Co', regionCode: 'EU', grade: 'A', ownerId: alice.id });
    await app.call('customers.create', { name: 'Bob Co', regionCode: 'EU', grade: 'A', ownerId: bob.id });
    app.clock.advance(31 * DAY);
    const mine = await app.call('today.list', { ownerId: alice.id });
    expect(mine.sections[0]!.rows.map((r) => r.title)).toEqual(['Alice Co']);
    expect((await app.call('today.list', {})).total).toBe(2);
  });

  it('snoozes: a follow-up moves its own date, a customer due for contact is hidden until the date', async () => {
    const { acme, quote } = await world();
    app.clock.advance(40 * DAY);
    const later = app.clock.now() + 3 * DAY;
    expect(await app.call('today.snooze', { kind: 'quoteFollowUp', recordId: quote.id, until: later })).toEqual({ count: 1 });
    expect((await app.call('quotes.get', { id: quote.id })).followUpAt).toBe(later);
    await app.call('today.snooze', { kind: 'notContacted', recordId: acme.id, until: later });
    expect(kinds(await app.call('today.list', {}))).toEqual([['sampleFeedback', 1]]);
    // The not-contacted list itself still shows it: the snooze is Today's.
    expect((await app.call('reminders.notContacted', {})).total).toBe(1);

    app.clock.advance(3 * DAY);
    expect(kinds(await app.call('today.list', {}))).toEqual([
      ['quoteFollowUp', 1],
      ['sampleFeedback', 1],
      ['notContacted', 1],
    ]);
  });

  it('refuses a snooze into the past and one of a record that is not there, naming why', async () => {
    const { quote } = await world();
    const past = await app.fail('today.snooze', { kind: 'quoteFollowUp', recordId: quote.id, until: T0 - DAY });
    expect(past.message).toBe('today.errors.snoozeInPast');
    expect(past.fieldErrors?.[0]?.path).toBe('until');
    const missing = await app.fail('today.snooze', { kind: 'sampleFeedback', recordId: 'no-such-shipment', until: T0 + DAY });
    expect(missing).toMatchObject({ code: 'notFound', message: 'today.errors.nothingToSnooze' });
  });
});

describe('notifications', () => {
  /** Quiet hours that hold `at` (UTC) or not. */
  const quietAround = async (hoursUtc: [string, string] | null) =>
    app.call('settings.update', { notifications: { enabled: true, quietHours: hoursUtc ? { from: hoursUtc[0], to: hoursUtc[1] } : null } });

  it('notifies each due item once, never a customer merely due for contact', async () => {
    const { quote, shipment } = await world();
    await quietAround(null);
    app.clock.advance(40 * DAY);
    const first = await app.call('today.takeNotifications', { timeZone: 'UTC' });
    expect(first.items.map((i) => [i.kind, i.recordId])).toEqual([
      ['quoteFollowUp', quote.id],
      ['sampleFeedback', shipment.id],
    ]);
    expect(first.more).toBe(0);
    expect(await app.call('today.takeNotifications', { timeZone: 'UTC' })).toEqual({ items: [], more: 0 });

    // Snoozed to a new date and due again: a new reminder, notified again.
    await app.call('today.snooze', { kind: 'quoteFollowUp', recordId: quote.id, until: app.clock.now() + DAY });
    app.clock.advance(DAY);
    expect((await app.call('today.takeNotifications', { timeZone: 'UTC' })).items.map((i) => i.recordId)).toEqual([quote.id]);
  });

  it('keeps quiet in the quiet hours of the given time zone, and notifies after them', async () => {
    await world();
    // T0 + 40 days is midnight UTC, 08:00 in Shanghai.
    app.clock.advance(40 * DAY + 23 * HOUR);
    await quietAround(['22:00', '08:00']);
    expect((await app.call('today.takeNotifications', { timeZone: 'UTC' })).items).toEqual([]);
    // 23:00 UTC is 07:00 the next morning in Shanghai: still quiet there.
    expect((await app.call('today.takeNotifications', { timeZone: 'Asia/Shanghai' })).items).toEqual([]);
    app.clock.advance(HOUR);
    expect((await app.call('today.takeNotifications', { timeZone: 'Asia/Shanghai' })).items).toHaveLength(2);
  });

  it('shows nothing when notifications are off, and tells a flood as a few and "more"', async () => {
    const customer = await app.call('customers.create', { name: 'Many Quotes Co', regionCode: 'EU' });
    for (let i = 0; i < 8; i++) await app.call('quotes.setStatus', { id: (await app.call('quotes.create', oneLine(customer.id, null, 10_000))).id, status: 'sent' });
    app.clock.advance(8 * DAY);
    await app.call('settings.update', { notifications: { enabled: false, quietHours: null } });
    expect(await app.call('today.takeNotifications', {})).toEqual({ items: [], more: 0 });
    await quietAround(null);
    const flood = await app.call('today.takeNotifications', {});
    expect([flood.items.length, flood.more]).toEqual([5, 3]);
    expect(await app.call('today.takeNotifications', {})).toEqual({ items: [], more: 0 });
  });

  it('refuses quiet hours that are not times of day, naming the field', async () => {
    const err = await app.fail('settings.update', { notifications: { enabled: true, quietHours: { from: '25:00', to: '08:00' } } });
    expect(err.fieldErrors?.[0]).toMatchObject({ path: 'notifications.quietHours.from', message: 'validation.invalidTime' });
  });
});

describe('done from Today', () => {
  it('clears a quote follow-up and refuses kinds that are done in their own place', async () => {
    const { quote, shipment } = await world();
    app.clock.advance(8 * DAY);
    expect(await app.call('today.done', { kind: 'quoteFollowUp', recordId: quote.id })).toEqual({ count: 1 });
    expect((await app.call('quotes.get', { id: quote.id })).followUpAt).toBeNull();
    expect(kinds(await app.call('today.list', {}))).toEqual([['sampleFeedback', 1]]);
    const refused = await app.fail('today.done', { kind: 'sampleFeedback', recordId: shipment.id });
    expect(refused).toMatchObject({ code: 'validation', message: 'today.errors.notDoneHere' });
    expect((await app.fail('today.done', { kind: 'quoteFollowUp', recordId: 'gone' })).message).toBe('today.errors.nothingToComplete');
  });
});

describe('tasks, appointments, payments and letters of credit in Today', () => {
  it('lists each apart, completes a task and receives a payment from Today, and snoozes both kinds', async () => {
    const { acme, quote } = await world();
    await app.call('quotes.setStatus', { id: quote.id, status: 'accepted' });
    await app.call('payments.saveTerms', {
      quoteId: quote.id,
      payments: [
        { label: 'deposit', amountE4: 3_750_000, currency: 'USD', dueAt: T0 + 2 * DAY },
        { label: 'balance', amountE4: 8_750_000, currency: 'USD', dueAt: T0 + 40 * DAY },
      ],
      letterOfCredit: { number: 'LC-889', issuingBank: 'HSBC', amountE4: 12_500_000, currency: 'USD', expiresAt: T0 + 20 * DAY, latestShipmentAt: T0 + 5 * DAY },
    });
    const task = await app.call('tasks.create', { kind: 'task', title: 'Send the catalogue', dueAt: T0 + 3 * DAY, customerId: acme.id });
    await app.call('tasks.create', { kind: 'appointment', title: 'Video call', dueAt: T0 + 3 * DAY + 10 * HOUR, durationMin: 30, place: 'Zoom', customerId: acme.id });
    app.clock.set(T0 + 3 * DAY + 12 * HOUR);

    let today = await app.call('today.list', {});
    expect(kinds(today)).toEqual([
      ['task', 1],
      ['appointment', 1],
      ['payment', 1],
      ['letterOfCredit', 1],
    ]);
    const [taskRow, appointment, deposit, lc] = today.sections.map((s) => s.rows[0]!);
    expect(taskRow).toMatchObject({ recordId: task.id, title: 'Send the catalogue', customerName: 'Acme Imports', overdue: true });
    expect(appointment).toMatchObject({ title: 'Video call', detail: 'Zoom' });
    expect(deposit).toMatchObject({ labelKey: 'payments.labels.deposit', title: 'USD 375.00', detail: quote.number, quoteId: quote.id, daysOverdue: 1 });
    expect(lc).toMatchObject({ labelKey: 'payments.deadlines.latestShipment', title: 'LC-889', detail: `HSBC · ${quote.number}`, dueAt: T0 + 5 * DAY, overdue: false });

    // Done from Today: the task's own completion (a timeline entry) and the payment's receipt.
    await app.call('today.done', { kind: 'task', recordId: task.id });
    expect((await app.call('tasks.get', { id: task.id })).doneAt).toBe(app.clock.now());
    expect((await app.call('activities.list', { customerId: acme.id })).rows.map((a) => a.subject)).toContain('Send the catalogue');
    await app.call('today.done', { kind: 'payment', recordId: deposit!.recordId });
    // Snoozes: the appointment moves; the L/C hides until the date (both of its deadlines).
    await app.call('today.snooze', { kind: 'appointment', recordId: appointment!.recordId, until: T0 + 6 * DAY });
    expect((await app.call('tasks.get', { id: appointment!.recordId })).dueAt).toBe(T0 + 6 * DAY);
    await app.call('today.snooze', { kind: 'letterOfCredit', recordId: lc!.recordId, until: T0 + 30 * DAY });
    expect(await app.call('today.list', {})).toEqual({ sections: [], total: 0 });

    // Day 21: the L/C is still snoozed (expired yesterday and its shipment date passed); day 30 it is back, with both deadlines.
    app.clock.set(T0 + 21 * DAY);
    today = await app.call('today.list', {});
    expect(kinds(today).filter(([k]) => k === 'letterOfCredit')).toEqual([]);
    app.clock.set(T0 + 30 * DAY);
    today = await app.call('today.list', {});
    expect(today.sections.find((s) => s.kind === 'letterOfCredit')?.rows.map((r) => r.labelKey)).toEqual(['payments.deadlines.latestShipment', 'payments.deadlines.expiry']);
  });
});

describe('a long list', () => {
  it('counts a kind up to the cap and says there may be more', async () => {
    // Customers created two years ago and never contacted since: grades A–C are all overdue.
    seedCustomers(app.core.database().sqlite, { customers: 1600, activitiesPerCustomer: 0, now: T0 - 730 * DAY, seed: 5 });
    const overdue = (await app.call('reminders.notContacted', { limit: 1 })).total;
    expect(overdue).toBeGreaterThan(TODAY_COUNT_CAP);
    const today = await app.call('today.list', { limit: 5 });
    expect(today.sections.map((s) => [s.kind, s.total, s.capped, s.rows.length])).toEqual([['notContacted', TODAY_COUNT_CAP, true, 5]]);
    expect(await app.call('today.count', {})).toEqual({ total: TODAY_COUNT_CAP });
  });
});

describe('payments ahead of their day', () => {
  it('shows a payment due exactly the reminder days ahead, as the customer folder calls it due soon', async () => {
    const { quote } = await world();
    await app.call('quotes.setStatus', { id: quote.id, status: 'accepted' });
    await app.call('payments.saveTerms', { quoteId: quote.id, payments: [{ label: 'balance', amountE4: 12_500_000, currency: 'USD', dueAt: T0 + 7 * DAY }], letterOfCredit: null });
    const at = (await app.call('today.list', {})).sections.find((s) => s.kind === 'payment');
    expect(at?.rows.map((r) => [r.dueAt, r.overdue])).toEqual([[T0 + 7 * DAY, false]]);
    app.clock.set(T0 - 1);
    expect((await app.call('today.list', {})).sections.find((s) => s.kind === 'payment')).toBeUndefined();
  });
});
