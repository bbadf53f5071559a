import { afterEach, describe, expect, it } from 'vitest';
import { createTempCore, type TempCore } from '../../../../helpers/temp-core.ts';

const cores: TempCore[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});

describe("a customer's timeline shows its quotes and sample shipments", () => {
  it('interleaves them with activities by date, with totals per currency and shipment items', async () => {
    const app = await createTempCore();
    cores.push(app);
    const acme = await app.call('customers.create', { name: 'Acme Lighting Ltd', regionCode: 'EU', country: 'GB' });
    await app.call('activities.create', { customerId: acme.id, kind: 'call', direction: 'outbound', subject: 'Called about panels', occurredAt: 2_000 });
    const sqlite = app.core.database().sqlite;
    sqlite.exec(`INSERT INTO products (id, model, model_key, created_at, updated_at) VALUES ('p1', 'LP-600', 'LP600', 1, 1)`);
    const quote = sqlite.prepare(`INSERT INTO quotes (id, number, base_number, customer_id, status, language, incoterm, incoterm_port, quoted_at, created_at, updated_at, deleted_at)
      VALUES (?, ?, ?, ?, ?, 'en', 'FOB', 'Ningbo', ?, 1, 1, ?)`);
    quote.run('q1', 'Q2026-0001', 'Q2026-0001', acme.id, 'sent', 3_000, null);
    quote.run('q2', 'Q2026-0002', 'Q2026-0002', acme.id, 'draft', 3_500, 9);
    const line = sqlite.prepare(`INSERT INTO quote_lines (id, quote_id, seq, product_id, description, quantity, unit, unit_price_e4, currency, amount_e4) VALUES (?, 'q1', ?, 'p1', 'Panel', ?, 'pcs', ?, ?, ?)`);
    line.run('l1', 1, 100, 325, 'USD', 32_500);
    line.run('l2', 2, 10, 12_500, 'EUR', 125_000);
    line.run('l3', 3, 2, 50_000, 'USD', 100_000);
    sqlite.exec(`INSERT INTO sample_shipments (id, customer_id, courier, tracking_number, status, sent_at, feedback, created_at, updated_at)
      VALUES ('s1', '${acme.id}', 'dhl', '1234567890', 'feedback', 1_000, 'Good light, wants 4000K', 500, 500);
      INSERT INTO sample_shipment_items (shipment_id, seq, product_id, description, quantity) VALUES ('s1', 1, 'p1', 'Panel', 2), ('s1', 2, NULL, 'Colour card', 1.5);`);

    const { total, rows } = await app.call('customers.timeline', { customerId: acme.id });
    expect(total).toBe(3);
    expect(rows.map((r) => r.type)).toEqual(['quote', 'activity', 'sample']);
    expect(rows[0]).toEqual({
      type: 'quote',
      at: 3_000,
      quote: { id: 'q1', number: 'Q2026-0001', revision: 0, status: 'sent', incoterm: 'FOB', incotermPort: 'Ningbo', lines: 3, totals: [{ currency: 'USD', amountE4: 132_500 }, { currency: 'EUR', amountE4: 125_000 }] },
    });
    expect(rows[2]).toEqual({
      type: 'sample',
      at: 1_000,
      shipment: { id: 's1', courier: 'dhl', courierName: null, trackingNumber: '1234567890', status: 'feedback', items: ['LP-600 × 2', 'Colour card × 1.5'], feedback: 'Good light, wants 4000K' },
    });
  });

  it("sums up the customer's last quote and open sample shipments for the mail reading pane", async () => {
    const app = await createTempCore();
    cores.push(app);
    const acme = await app.call('customers.create', { name: 'Acme Lighting Ltd', regionCode: 'EU', country: 'GB' });
    expect(await app.call('customers.dealSummary', { customerId: acme.id })).toEqual({ lastQuote: null, openShipments: [] });
    const sqlite = app.core.database().sqlite;
    const quote = sqlite.prepare(`INSERT INTO quotes (id, number, base_number, customer_id, status, language, quoted_at, created_at, updated_at, deleted_at)
      VALUES (?, ?, ?, ?, 'sent', 'en', ?, 1, 1, ?)`);
    quote.run('q1', 'Q2026-0001', 'Q2026-0001', acme.id, 1_000, null);
    quote.run('q2', 'Q2026-0002', 'Q2026-0002', acme.id, 2_000, null);
    quote.run('q3', 'Q2026-0003', 'Q2026-0003', acme.id, 3_000, 5);
    sqlite.exec(`INSERT INTO quote_lines (id, quote_id, seq, description, quantity, unit, unit_price_e4, currency, amount_e4) VALUES ('l1', 'q2', 1, 'Panel', 10, 'pcs', 325, 'USD', 3250)`);
    const shipment = sqlite.prepare(`INSERT INTO sample_shipments (id, customer_id, courier, tracking_number, status, created_at, updated_at) VALUES (?, ?, 'sf', ?, ?, ?, 1)`);
    shipment.run('s1', acme.id, 'SF1', 'delivered', 10);
    shipment.run('s2', acme.id, 'SF2', 'feedback', 20);
    const summary = await app.call('customers.dealSummary', { customerId: acme.id });
    expect(summary.lastQuote).toEqual({ id: 'q2', number: 'Q2026-0002', status: 'sent', quotedAt: 2_000, totals: [{ currency: 'USD', amountE4: 3250 }] });
    expect(summary.openShipments.map((s) => [s.id, s.trackingNumber, s.status])).toEqual([['s1', 'SF1', 'delivered']]);
  });
});
