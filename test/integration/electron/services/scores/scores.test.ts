import { afterEach, describe, expect, it } from 'vitest';
import { createTempCore, DAY, T0, type TempCore } from '../../../../helpers/temp-core.ts';
import type { Currency } from '../../../../../shared/domain/money.ts';
import { ONE_CUSTOMER_SQL } from '../../../../../electron/services/scores/score.queries.ts';
import { seedCustomers } from '../../../../fixtures/customer-fixtures.ts';
import { oneLine } from '../quotes/quote-fixtures.ts';

/*
 * The value score on known data (issue 14 points 4 and 8). Default weights R 3, F 3, M 4:
 *   score = round(100 × (3·R/5 + 3·F/6 + 4·M/4) / 10)
 * R: last contact or order within 30 days 5, 90 → 4, 180 → 3, 365 → 2, older 1, never 0.
 * F: orders (accepted quotes by base number), capped at 6. M: quartile of the ordered value in its
 * currency, nearest rank: boundaries are the totals at ranks ⌈n/4⌉, ⌈n/2⌉, ⌈3n/4⌉.
 * Every quote is 1,000 pcs, so a unit price of 100,000 e4 (10 USD) is a 10,000 USD order.
 */

let app: TempCore;
afterEach(async () => {
  await app?.close();
});

async function order(customerId: string, unitPriceE4: number, at: number, currency: Currency = 'USD'): Promise<string> {
  app.clock.set(at);
  const base = oneLine(customerId, null, unitPriceE4);
  const q = await app.call('quotes.create', { ...base, lines: (base.lines ?? []).map((l) => ({ ...l, currency })) });
  await app.call('quotes.setStatus', { id: q.id, status: 'sent' });
  await app.call('quotes.setStatus', { id: q.id, status: 'accepted' });
  app.clock.set(T0);
  return q.id;
}

async function scoresByName(): Promise<Record<string, number | null>> {
  const page = await app.call('customers.list', { limit: 100 });
  return Object.fromEntries(page.rows.map((r) => [r.name, r.score]));
}

/** Customers A–F with the orders of the comment below; returns their ids by letter. */
async function world(): Promise<Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F', string>> {
  const ids = {} as Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F', string>;
  for (const name of ['A', 'B', 'C', 'D', 'E', 'F'] as const) {
    ids[name] = (await app.call('customers.create', { name, regionCode: 'EU', country: 'DE' })).id;
  }
  // A: contact 10 days ago; orders of 10,000 USD (100 days ago) and 20,000 USD — a revised quote,
  // whose two revisions are one deal (50 days ago).
  await order(ids.A, 100_000, T0 - 100 * DAY);
  app.clock.set(T0 - 50 * DAY);
  const first = await app.call('quotes.create', oneLine(ids.A, null, 150_000));
  await app.call('quotes.setStatus', { id: first.id, status: 'sent' });
  const revised = await app.call('quotes.revise', { id: first.id });
  await app.call('quotes.update', { ...oneLine(ids.A, null, 200_000), id: revised.id });
  await app.call('quotes.setStatus', { id: revised.id, status: 'sent' });
  await app.call('quotes.setStatus', { id: revised.id, status: 'accepted' });
  app.clock.set(T0);
  await app.call('activities.create', { customerId: ids.A, kind: 'call', occurredAt: T0 - 10 * DAY });
  await order(ids.B, 50_000, T0 - 200 * DAY); // 5,000 USD
  await order(ids.C, 120_000, T0 - 40 * DAY); // 12,000 USD
  await order(ids.D, 80_000, T0 - 400 * DAY); // 8,000 USD
  await order(ids.E, 10_000, T0, 'EUR'); // 1,000 EUR, alone in its currency
  return ids;
}

describe('value score', () => {
  it('scores known data as computed by hand', async () => {
    app = await createTempCore();
    const ids = await world();
    // USD totals ascending: B 5,000 · D 8,000 · C 12,000 · A 30,000; n = 4, ranks 1, 2, 3:
    // q1 = 5,000, q2 = 8,000, q3 = 12,000 → M: B 1, D 2, C 3, A 4. EUR: n = 1, all boundaries 1,000 → E 1.
    // A: R 5 (10 days), F 2, M 4 → 100 × (3 + 1 + 4) / 10 = 80
    // B: R 2 (200 days), F 1, M 1 → 100 × (1.2 + 0.5 + 1) / 10 = 27
    // C: R 4 (40 days), F 1, M 3 → 100 × (2.4 + 0.5 + 3) / 10 = 59
    // D: R 1 (400 days), F 1, M 2 → 100 × (0.6 + 0.5 + 2) / 10 = 31
    // E: R 5 (today), F 1, M 1 → 100 × (3 + 0.5 + 1) / 10 = 45
    // F: nothing → 0
    expect(await scoresByName()).toEqual({ A: 80, B: 27, C: 59, D: 31, E: 45, F: 0 });
    const a = await app.call('scores.get', { customerId: ids.A });
    expect(a).toMatchObject({ score: 80, r: 5, f: 2, m: 4, orders: 2, recencyAt: T0 - 10 * DAY, lastOrderAt: T0 - 50 * DAY });
    expect(a.money).toEqual([{ currency: 'USD', totalE4: 300_000_000, quartile: 4 }]);
    expect((await app.call('scores.get', { customerId: ids.E })).money).toEqual([{ currency: 'EUR', totalE4: 10_000_000, quartile: 1 }]);
    // The list filter by band: high ≥ 70, medium 40–69, low < 40.
    const names = async (values: ('high' | 'medium' | 'low')[]) => (await app.call('customers.list', { values })).rows.map((r) => r.name);
    expect(await names(['high'])).toEqual(['A']);
    expect(await names(['medium'])).toEqual(['C', 'E']);
    expect(await names(['low', 'high'])).toEqual(['A', 'B', 'D', 'F']);
  });

  it('follows an activity, an accepted quote and a deleted one right after each write', async () => {
    app = await createTempCore();
    const ids = await world();
    // F logs a call 5 days ago: R 5 → 100 × 3 / 10 = 30, read without any refresh call.
    await app.call('activities.create', { customerId: ids.F, kind: 'call', occurredAt: T0 - 5 * DAY });
    expect((await scoresByName()).F).toBe(30);
    // F orders 40,000 USD today. USD: B 5,000 · D 8,000 · C 12,000 · A 30,000 · F 40,000; n = 5, ranks
    // 2, 3, 4: q1 = 8,000, q2 = 12,000, q3 = 30,000 → B 1, D 1, C 2, A 3, F 4 (the boundaries moved).
    // F: R 5, F 1, M 4 → 100 × (3 + 0.5 + 4) / 10 = 75; A: 100 × (3 + 1 + 3) / 10 = 70;
    // C: 100 × (2.4 + 0.5 + 2) / 10 = 49; D: 100 × (0.6 + 0.5 + 1) / 10 = 21; B and E unchanged.
    const quoteId = await order(ids.F, 400_000, T0);
    expect(await scoresByName()).toEqual({ A: 70, B: 27, C: 49, D: 21, E: 45, F: 75 });
    // Deleting that order puts everything back (F keeps its call: 30).
    await app.call('quotes.remove', { id: quoteId });
    expect(await scoresByName()).toEqual({ A: 80, B: 27, C: 59, D: 31, E: 45, F: 30 });
    // Deleting the call too: F has nothing left.
    const calls = await app.call('activities.list', { customerId: ids.F });
    await app.call('activities.remove', { id: calls.rows[0]!.id });
    expect((await scoresByName()).F).toBe(0);
  });

  it('rescores everyone with new weights, and refuses all-zero weights', async () => {
    app = await createTempCore();
    await world();
    // Money only (0, 0, 1): score = 100 × M / 4 → A 100, B 25, C 75, D 50, E 25, F 0.
    expect(await app.call('scores.setWeights', { recency: 0, frequency: 0, monetary: 1 })).toEqual({ recency: 0, frequency: 0, monetary: 1 });
    expect(await scoresByName()).toEqual({ A: 100, B: 25, C: 75, D: 50, E: 25, F: 0 });
    // Recency and frequency 1 each: A 100 × (5/5 + 2/6) / 2 = 66.67 → 67.
    await app.call('scores.setWeights', { recency: 1, frequency: 1, monetary: 0 });
    expect((await scoresByName()).A).toBe(67);
    expect(await app.fail('scores.setWeights', { recency: 0, frequency: 0, monetary: 0 })).toMatchObject({ code: 'validation' });
    expect(await app.call('scores.getWeights', {})).toEqual({ recency: 1, frequency: 1, monetary: 0 });
  });

  it('suggests stages, and a dismissed suggestion is not made again for the same reason', async () => {
    app = await createTempCore();
    const ids = await world();
    // Every customer with an order was 'potential': a first order suggests 'customer'.
    const pending = await app.call('scores.suggestions', {});
    expect(pending.rows.map((s) => [s.customerName, s.reason, s.fromStage, s.toStage]).sort()).toEqual([
      ['A', 'firstOrder', 'potential', 'customer'],
      ['B', 'firstOrder', 'potential', 'customer'],
      ['C', 'firstOrder', 'potential', 'customer'],
      ['D', 'firstOrder', 'potential', 'customer'],
      ['E', 'firstOrder', 'potential', 'customer'],
    ]);
    const ofA = (await app.call('scores.get', { customerId: ids.A })).suggestions;
    expect(ofA).toHaveLength(1);
    await app.call('scores.decide', { id: ofA[0]!.id, decision: 'confirm' });
    expect((await app.call('customers.get', { id: ids.A })).stage).toBe('customer');
    expect((await app.call('scores.get', { customerId: ids.A })).suggestions).toEqual([]);
    // A third order: loyal is suggested; dismissed, and not again after one more order.
    const third = await order(ids.A, 10_000, T0 - DAY);
    const loyal = (await app.call('scores.get', { customerId: ids.A })).suggestions;
    expect(loyal.map((s) => [s.reason, s.toStage])).toEqual([['repeatOrders', 'loyal']]);
    await app.call('scores.decide', { id: loyal[0]!.id, decision: 'dismiss' });
    await app.call('quotes.remove', { id: third });
    await order(ids.A, 10_000, T0 - DAY);
    expect((await app.call('scores.get', { customerId: ids.A })).suggestions).toEqual([]);
    expect(await app.fail('scores.decide', { id: loyal[0]!.id, decision: 'confirm' })).toMatchObject({ code: 'notFound' });
    // B dismissed stays dismissed when B changes again.
    const ofB = (await app.call('scores.get', { customerId: ids.B })).suggestions;
    await app.call('scores.decide', { id: ofB[0]!.id, decision: 'dismiss' });
    await app.call('activities.create', { customerId: ids.B, kind: 'note', occurredAt: T0 });
    expect((await app.call('scores.suggestions', {})).rows.map((s) => s.customerName).sort()).toEqual(['C', 'D', 'E']);
  });

  it('lets time lower recency and suggest a dormant customer as lost, through the hourly refresh', async () => {
    app = await createTempCore();
    const ids = await world();
    const ofC = (await app.call('scores.get', { customerId: ids.C })).suggestions;
    await app.call('scores.decide', { id: ofC[0]!.id, decision: 'confirm' });
    // 326 days on, C's order is 366 days old: R 1 → 100 × (0.6 + 0.5 + 3) / 10 = 41, and no
    // contact nor order for over a year suggests 'lost'. No data changed: the band ran out.
    app.clock.set(T0 + 326 * DAY);
    expect((await app.call('scores.refresh', {})).count).toBeGreaterThan(0);
    const c = await app.call('scores.get', { customerId: ids.C });
    expect(c).toMatchObject({ score: 41, r: 1 });
    expect(c.suggestions.map((s) => [s.reason, s.fromStage, s.toStage])).toEqual([['dormant', 'customer', 'lost']]);
  });

  it("reads one customer's orders through quotes_customer, not every accepted quote", async () => {
    app = await createTempCore();
    const sqlite = app.core.database().sqlite;
    for (const [name, text] of Object.entries(ONE_CUSTOMER_SQL)) {
      const plan = sqlite.prepare<[string], { detail: string }>(`EXPLAIN QUERY PLAN ${text}`).all('x').map((r) => r.detail);
      expect(plan.some((l) => l.includes('quotes_customer')), `${name}: ${plan.join(' / ')}`).toBe(true);
      expect(plan.some((l) => l.includes('quotes_status_valid')), `${name}: ${plan.join(' / ')}`).toBe(false);
    }
  });

  it('waits for a bulk write to pause, then scores everyone in one pass', async () => {
    app = await createTempCore();
    // 2,500 customers written straight to the file (as an import does, in batches): the triggers
    // mark them all, and the next announced write finds more than FULL_PASS_FROM (2,000) dirty.
    seedCustomers(app.core.database().sqlite, { customers: 2500, activitiesPerCustomer: 0, now: T0 });
    const sqlite = app.core.database().sqlite;
    const scored = () => sqlite.prepare<[], number>('SELECT count(*) FROM customer_scores').pluck().get();
    const id = sqlite.prepare<[], string>('SELECT id FROM customers LIMIT 1').pluck().get()!;
    await app.call('activities.create', { customerId: id, kind: 'call', occurredAt: T0 - DAY });
    expect(scored()).toBe(0);
    // A second of quiet (the real timer), then one full pass: every customer, the called one R 5 → 30.
    await expect.poll(scored, { timeout: 5000, interval: 100 }).toBe(2500);
    expect((await app.call('scores.get', { customerId: id })).score).toBe(30);
  });
});
