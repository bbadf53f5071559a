import { afterEach, describe, expect, it } from 'vitest';
import { createTempCore, type TempCore } from '../../../../helpers/temp-core.ts';

const cores: TempCore[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});

/** Two customers; quotes with lines of two products; a shipment with a tracking number; written as the services store them. */
async function seeded() {
  const app = await createTempCore();
  cores.push(app);
  const acme = await app.call('customers.create', { name: 'Acme Lighting Ltd', regionCode: 'EU', country: 'GB' });
  const hamburg = await app.call('customers.create', { name: 'Hamburg Trade GmbH', regionCode: 'EU', country: 'DE' });
  const sqlite = app.core.database().sqlite;
  sqlite.exec(`
    INSERT INTO products (id, model, model_key, name_en, name_zh, created_at, updated_at) VALUES
      ('p1', 'LP-600/40W', 'LP60040W', 'LED panel 600x600', 'LED面板灯', 1, 1),
      ('p2', 'DL-8', 'DL8', 'Downlight 8 inch', '筒灯', 1, 1),
      ('p3', 'LP-1200', 'LP1200', 'LED panel 1200', NULL, 1, 1);
    UPDATE products SET deleted_at = 5 WHERE id = 'p3';
  `);
  const quote = sqlite.prepare(`INSERT INTO quotes (id, number, base_number, customer_id, status, language, quoted_at, created_at, updated_at, pi_number, deleted_at)
    VALUES (?, ?, ?, ?, ?, 'en', ?, 1, 1, ?, ?)`);
  quote.run('q1', 'Q2026-0001', 'Q2026-0001', acme.id, 'sent', 100, null, null);
  quote.run('q2', 'Q2026-0002', 'Q2026-0002', hamburg.id, 'accepted', 200, 'PI-HT-77', null);
  quote.run('q3', 'Q2026-0003', 'Q2026-0003', hamburg.id, 'draft', 300, null, 999);
  const line = sqlite.prepare(`INSERT INTO quote_lines (id, quote_id, seq, product_id, model, description, quantity, unit, unit_price_e4, currency, amount_e4)
    VALUES (?, ?, 1, ?, 'x', 'x', 1, 'pcs', 10000, 'USD', 10000)`);
  line.run('l1', 'q1', 'p1');
  line.run('l2', 'q2', 'p2');
  line.run('l3', 'q3', 'p1');
  sqlite.prepare(`INSERT INTO sample_shipments (id, customer_id, courier, tracking_number, status, sent_at, created_at, updated_at)
    VALUES ('s1', ?, 'dhl', '1234567890', 'sent', 150, 140, 140)`).run(acme.id);
  return { app, acme, hamburg };
}

describe('search finds quotes and sample shipments', () => {
  it('finds quotes by number prefix in any case, and by PI number, leaving deleted quotes out', async () => {
    const { app, hamburg } = await seeded();
    const byNumber = await app.call('search.all', { query: 'q2026-000' });
    expect(byNumber.quotes.rows.map((q) => q.number)).toEqual(['Q2026-0002', 'Q2026-0001']);
    const byPi = await app.call('search.all', { query: 'pi-ht' });
    expect(byPi.quotes.rows).toEqual([expect.objectContaining({ number: 'Q2026-0002', piNumber: 'PI-HT-77', customerId: hamburg.id, status: 'accepted', product: null })]);
  });

  it('finds quotes by a product model written any way, or by a word of its names', async () => {
    const { app } = await seeded();
    const byModel = await app.call('search.all', { query: 'lp 600' });
    expect(byModel.quotes.rows.map((q) => [q.number, q.product?.model])).toEqual([['Q2026-0001', 'LP-600/40W']]);
    const byName = await app.call('search.all', { query: '筒灯' });
    expect(byName.quotes.rows.map((q) => q.number)).toEqual(['Q2026-0002']);
    // A deleted product's model finds nothing.
    expect((await app.call('search.all', { query: 'LP1200' })).quotes.rows).toEqual([]);
  });

  it('finds a shipment by its tracking number', async () => {
    const { app, acme } = await seeded();
    const found = await app.call('search.all', { query: '1234 5678' });
    expect(found.samples.rows).toEqual([expect.objectContaining({ id: 's1', trackingNumber: '1234567890', courier: 'dhl', customerId: acme.id })]);
    expect((await app.call('search.all', { query: '999' })).samples.rows).toEqual([]);
  });
});
