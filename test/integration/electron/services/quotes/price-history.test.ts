import { afterEach, describe, expect, it } from 'vitest';
import { customerProductHistory, lastPriceQuery, productHistory } from '../../../../../electron/services/quotes/price-history.queries.ts';
import { queryPlan } from '../../../../helpers/query-plan.ts';
import { createTempCore, DAY, T0, type TempCore } from '../../../../helpers/temp-core.ts';
import { oneLine, quoteWorld } from './quote-fixtures.ts';

let app: TempCore;
afterEach(async () => {
  await app?.close();
});

describe('price history and the lower-price warning', () => {
  it('warns when a price is lower than the last one to the same customer, Incoterm and currency', async () => {
    app = await createTempCore();
    const { a, b, valve, pump } = await quoteWorld(app);
    const first = await app.call('quotes.create', oneLine(a.id, valve.id, 32_500));
    app.clock.advance(DAY);
    await app.call('quotes.create', oneLine(b.id, valve.id, 40_000));
    const check = (customerId: string, price: number, incoterm: 'FOB' | 'CIF' = 'FOB', currency: 'USD' | 'EUR' = 'USD') =>
      app.call('quotes.priceCheck', { customerId, incoterm, lines: [{ productId: pump.id, unitPriceE4: 1, currency }, { productId: valve.id, unitPriceE4: price, currency }] });

    expect((await check(a.id, 30_000)).warnings).toEqual([
      { line: 1, productId: valve.id, unitPriceE4: 30_000, lastPriceE4: 32_500, currency: 'USD', incoterm: 'FOB', lastQuoteId: first.id, lastNumber: first.number, lastQuotedAt: T0 },
    ]);
    expect((await check(a.id, 32_500)).warnings).toEqual([]);
    expect((await check(a.id, 30_000, 'CIF')).warnings).toEqual([]);
    expect((await check(a.id, 30_000, 'FOB', 'EUR')).warnings).toEqual([]);
    // B's last price was 4.00: 3.80 to B warns, and A's lower price does not count for B.
    expect((await check(b.id, 38_000)).warnings.map((w) => w.lastPriceE4)).toEqual([40_000]);

    // The last price is the newest: after quoting A 3.00, 3.10 is no longer lower.
    app.clock.advance(DAY);
    const lower = await app.call('quotes.create', oneLine(a.id, valve.id, 30_000));
    expect((await check(a.id, 31_000)).warnings).toEqual([]);
    // The quote being edited is not its own "last price".
    const editing = await app.call('quotes.priceCheck', { customerId: a.id, incoterm: 'FOB', excludeQuoteId: lower.id, lines: [{ productId: valve.id, unitPriceE4: 31_000, currency: 'USD' }] });
    expect(editing.warnings.map((w) => w.lastNumber)).toEqual([first.number]);
    // A deleted quote's price is not the last one.
    await app.call('quotes.remove', { id: lower.id });
    expect((await check(a.id, 31_000)).warnings.map((w) => w.lastPriceE4)).toEqual([32_500]);
  });

  it('lists a product’s quotes to everyone and to this customer, newest first, with status', async () => {
    app = await createTempCore();
    const { a, b, valve, pump } = await quoteWorld(app);
    const q1 = await app.call('quotes.create', oneLine(a.id, valve.id, 32_500, { validUntil: T0 + DAY }));
    await app.call('quotes.setStatus', { id: q1.id, status: 'sent' });
    app.clock.advance(DAY);
    await app.call('quotes.create', oneLine(b.id, valve.id, 40_000, { incoterm: 'CIF', incotermPort: 'Hamburg' }));
    app.clock.advance(DAY);
    await app.call('quotes.create', oneLine(a.id, pump.id, 1_000_000));
    app.clock.advance(DAY);

    const history = await app.call('quotes.priceHistory', { productId: valve.id, customerId: a.id });
    expect(history.rows.map((r) => [r.customerName, r.unitPriceE4, r.currency, r.incoterm, r.status])).toEqual([
      ['Borealis Trading', 40_000, 'USD', 'CIF', 'draft'],
      ['Acme Imports Ltd', 32_500, 'USD', 'FOB', 'expired'],
    ]);
    expect(history.more).toBe(false);
    expect(history.customerRows.map((r) => [r.number, r.quotedAt, r.quantity, r.unit])).toEqual([[q1.number, T0, 1000, 'pcs']]);
    const one = await app.call('quotes.priceHistory', { productId: valve.id, limit: 1 });
    expect([one.rows.length, one.more, one.customerRows]).toEqual([1, true, []]);
  });

  it('reads a product’s history through quote_lines_product without sorting, and a customer’s through quotes_customer', async () => {
    app = await createTempCore();
    const sqlite = app.core.database().sqlite;
    const db = app.core.database().db;
    const all = queryPlan(sqlite, productHistory(db, { productId: 'p', limit: 100 }, T0)).join('\n');
    expect(all).toMatch(/SEARCH l USING (COVERING )?INDEX quote_lines_product \(product_id=\?\)/);
    expect(all).not.toMatch(/TEMP B-TREE/);
    const mine = queryPlan(sqlite, customerProductHistory(db, { productId: 'p', customerId: 'c', limit: 100 }, T0)).join('\n');
    expect(mine).toMatch(/SEARCH q USING INDEX quotes_customer \(customer_id=\?\)/);
    expect(mine).not.toMatch(/SCAN/);
    const last = queryPlan(sqlite, lastPriceQuery(db, { customerId: 'c', productId: 'p', incoterm: 'FOB', currency: 'USD' })).join('\n');
    expect(last).toMatch(/SEARCH q USING INDEX quotes_customer \(customer_id=\?\)/);
    expect(last).toMatch(/SEARCH l USING INDEX quote_lines_quote \(quote_id=\?\)/);
  });
});
