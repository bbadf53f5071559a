import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempCore, type TempCore } from '../../../../helpers/temp-core.ts';
import { seedReports, type Seeded } from './report-seed.ts';

/**
 * The reports' queries on a real database, seeded with SQL (the quote and sample services are
 * not needed to read their tables). "now" is 2026-06-01; the window asked for is 2026 H1 in UTC.
 */

let app: TempCore;
let seed: Seeded;
const window = { from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 5, 1) - 1, timeZone: 'UTC' };

beforeEach(async () => {
  app = await createTempCore();
  seed = await seedReports(app);
});
afterEach(async () => {
  await app.close();
});

describe('reports.quotes', () => {
  it('counts each quote number once at its newest sent revision, per salesperson and month, without deleted ones', async () => {
    const { rows } = await app.call('reports.quotes', window);
    expect(rows).toEqual([
      { ownerId: seed.alice, ownerName: 'Alice', month: '2026-01', sent: 2, won: 1, rejected: 1, expired: 0, winRate: 0.5 },
      { ownerId: seed.bob, ownerName: 'Bob', month: '2026-01', sent: 1, won: 0, rejected: 0, expired: 1, winRate: 0 },
      // Q-0001's revision R1 was sent in February: the deal moves there, counted once, accepted.
      { ownerId: seed.alice, ownerName: 'Alice', month: '2026-02', sent: 2, won: 1, rejected: 0, expired: 0, winRate: 1 },
      // Still waiting for an answer: sent, and no win rate yet.
      { ownerId: seed.bob, ownerName: 'Bob', month: '2026-03', sent: 1, won: 0, rejected: 0, expired: 0, winRate: null },
    ]);
  });

  it("filters by salesperson and groups by the caller's time zone", async () => {
    const bob = await app.call('reports.quotes', { ...window, ownerId: seed.bob });
    expect(bob.rows.map((r) => [r.month, r.sent])).toEqual([
      ['2026-01', 1],
      ['2026-03', 1],
    ]);
    // Bob's March quote went out on 31 March at 20:00 UTC: already April in Shanghai.
    const shanghai = await app.call('reports.quotes', { ...window, ownerId: seed.bob, timeZone: 'Asia/Shanghai' });
    expect(shanghai.rows.map((r) => r.month)).toEqual(['2026-01', '2026-04']);
  });

  it('refuses a reversed or too long window and an unknown time zone, naming the field', async () => {
    const reversed = await app.fail('reports.quotes', { from: window.to, to: window.from });
    expect(reversed.message).toBe('reports.errors.rangeReversed');
    expect(reversed.fieldErrors?.[0]?.path).toBe('from');
    const long = await app.fail('reports.quotes', { from: 0, to: Date.UTC(2026, 0, 1) });
    expect([long.message, long.fieldErrors?.[0]?.path]).toEqual(['reports.errors.rangeTooLong', 'to']);
    const zone = await app.fail('reports.quotes', { ...window, timeZone: 'Mars/Olympus' });
    expect([zone.message, zone.fieldErrors?.[0]?.path]).toEqual(['reports.errors.unknownTimeZone', 'timeZone']);
  });

  it('defaults to the last 12 months', async () => {
    const answer = await app.call('reports.quotes', {});
    expect(answer.to).toBe(app.clock.now());
    expect(new Date(answer.from).getDate()).toBe(1);
    expect(answer.to - answer.from).toBeGreaterThan(330 * 86_400_000);
    // Q-0009 of December 2025 is in it this time.
    expect(answer.rows.reduce((n, r) => n + r.sent, 0)).toBe(7);
  });
});

describe('reports.topCustomers', () => {
  it('ranks customers by sent and accepted quotes in one currency, never adding other currencies', async () => {
    const usd = await app.call('reports.topCustomers', { ...window, currency: 'USD', limit: 10 });
    expect(usd.rows.map((r) => [r.name, r.quotes, r.amountE4])).toEqual([
      // Q-0001 R1 (accepted; R0's lines not counted again) 2,000 + Q-0005 (sent) 500; the rejected Q-0002 is left out.
      ['=HYPERLINK("http://x")', 2, 25_000_000],
      ['Hamburg Trade GmbH', 1, 3_000_000],
    ]);
    const eur = await app.call('reports.topCustomers', { ...window, currency: 'eur', limit: 1 });
    expect(eur.currency).toBe('EUR');
    expect(eur.rows.map((r) => [r.name, r.amountE4])).toEqual([['=HYPERLINK("http://x")', 7_000_000]]);
    // Bob's only live quote in the window is in EUR; his expired USD quote counts for nothing.
    const bob = await app.call('reports.topCustomers', { ...window, currency: 'EUR', limit: 10, ownerId: seed.bob });
    expect(bob.rows.map((r) => [r.name, r.amountE4])).toEqual([['Hamburg Trade GmbH', 1_000_000]]);
    expect((await app.call('reports.topCustomers', { ...window, currency: 'USD', limit: 10, ownerId: seed.bob })).rows).toEqual([]);
    const bad = await app.fail('reports.topCustomers', { ...window, currency: 'XYZ' });
    expect([bad.message, bad.fieldErrors?.[0]?.path]).toEqual(['reports.errors.unknownCurrency', 'currency']);
  });
});

describe('reports.samples', () => {
  it('sums shipments, items and costs per currency by customer, country, owner and month', async () => {
    const byCustomer = await app.call('reports.samples', { ...window, groupBy: 'customer' });
    expect(byCustomer.rows).toEqual([
      {
        key: seed.acme,
        label: '=HYPERLINK("http://x")',
        shipments: 2,
        quantity: 5,
        costs: [
          { currency: 'USD', sampleE4: 300_000, freightE4: 450_000 },
          { currency: 'CNY', sampleE4: 0, freightE4: 2_000_000 },
        ],
      },
      { key: seed.hamburg, label: 'Hamburg Trade GmbH', shipments: 1, quantity: 1, costs: [{ currency: 'USD', sampleE4: 100_000, freightE4: 0 }] },
    ]);
    const byCountry = await app.call('reports.samples', { ...window, groupBy: 'country' });
    expect(byCountry.rows.map((r) => [r.key, r.shipments])).toEqual([
      ['GB', 2],
      ['DE', 1],
    ]);
    const byOwner = await app.call('reports.samples', { ...window, groupBy: 'owner' });
    expect(byOwner.rows.map((r) => [r.label, r.shipments])).toEqual([
      ['Alice', 2],
      [null, 1],
    ]);
    const alices = await app.call('reports.samples', { ...window, groupBy: 'customer', ownerId: seed.alice });
    expect(alices.rows.map((r) => [r.label, r.shipments])).toEqual([['=HYPERLINK("http://x")', 2]]);
    const byMonth = await app.call('reports.samples', { ...window, groupBy: 'month' });
    expect(byMonth.rows.map((r) => [r.key, r.shipments, r.quantity])).toEqual([
      ['2026-02', 2, 4],
      ['2026-04', 1, 2],
    ]);
  });

  it('by product counts a shipment for each product it carried, free-text items as one group', async () => {
    const { rows } = await app.call('reports.samples', { ...window, groupBy: 'product' });
    expect(rows).toEqual([
      { key: 'p1', label: 'LP-600', shipments: 2, quantity: 3, costs: [{ currency: 'USD', sampleE4: 400_000, freightE4: 450_000 }] },
      { key: 'p2', label: 'LP-1200', shipments: 1, quantity: 1, costs: [{ currency: 'USD', sampleE4: 300_000, freightE4: 450_000 }] },
      { key: null, label: null, shipments: 1, quantity: 2, costs: [{ currency: 'CNY', sampleE4: 0, freightE4: 2_000_000 }] },
    ]);
  });
});
