import type { TempCore } from '../../../../helpers/temp-core.ts';

/**
 * Quotes and sample shipments for the report tests, written with SQL (the reports only read
 * these tables). Dates are UTC in 2026; the core's "now" is 2026-06-01.
 *
 * Quotes: Q-0001 sent in January (USD 1,000) and revised as R1, sent in February and accepted
 * (USD 2,000 + EUR 700); Q-0002 Alice's, rejected (USD 9,000); Q-0003 accepted (USD 300) with a
 * draft revision being prepared; Q-0004 Bob's, sent and past its validity date (USD 400);
 * Q-0005 sent, open (USD 500); Q-0006 Bob's, sent on 31 March 20:00 UTC (EUR 100); Q-0007
 * deleted; Q-0008 a draft never sent; Q-0009 sent in December 2025.
 */
export interface Seeded {
  alice: string;
  bob: string;
  acme: string;
  hamburg: string;
}

const at = (month: number, day: number, hour = 9) => Date.UTC(2026, month - 1, day, hour);

export async function seedReports(app: TempCore): Promise<Seeded> {
  const alice = (await app.call('owners.create', { name: 'Alice' })).id;
  const bob = (await app.call('owners.create', { name: 'Bob' })).id;
  // A name a spreadsheet would run as a formula: the export must keep it text.
  const acme = (await app.call('customers.create', { name: '=HYPERLINK("http://x")', regionCode: 'EU', country: 'GB' })).id;
  const hamburg = (await app.call('customers.create', { name: 'Hamburg Trade GmbH', regionCode: 'EU', country: 'DE' })).id;
  const sqlite = app.core.database().sqlite;

  const quote = sqlite.prepare(`INSERT INTO quotes (id, number, base_number, revision, superseded_by_id, customer_id, owner_id, status, language, valid_until, quoted_at, sent_at, decided_at, created_at, updated_at, deleted_at)
    VALUES (@id, @number, @base, @revision, @superseded, @customer, @owner, @status, 'en', @validUntil, coalesce(@sentAt, 1), @sentAt, NULL, 1, 1, @deletedAt)`);
  const line = sqlite.prepare(`INSERT INTO quote_lines (id, quote_id, seq, description, quantity, unit, unit_price_e4, currency, amount_e4) VALUES (?, ?, ?, 'Panel', 1, 'pcs', ?, ?, ?)`);
  const supersede: Array<[string, string]> = [];
  const q = (id: string, base: string, revision: number, customer: string, owner: string | null, status: string, sentAt: number | null, lines: Array<[string, number]>, extra: { superseded?: string; validUntil?: number; deletedAt?: number } = {}) => {
    // The revision replacing it is written after it (a foreign key): linked at the end.
    if (extra.superseded) supersede.push([extra.superseded, id]);
    quote.run({ id, number: revision ? `${base}-R${revision}` : base, base, revision, superseded: null, customer, owner, status, validUntil: extra.validUntil ?? null, sentAt, deletedAt: extra.deletedAt ?? null });
    lines.forEach(([currency, units], i) => line.run(`${id}-l${i}`, id, i + 1, units * 10_000, currency, units * 10_000));
  };
  q('q1', 'Q-0001', 0, acme, alice, 'sent', at(1, 10), [['USD', 1000]], { superseded: 'q1r1' });
  q('q1r1', 'Q-0001', 1, acme, alice, 'accepted', at(2, 5), [['USD', 2000], ['EUR', 700]]);
  q('q2', 'Q-0002', 0, acme, alice, 'rejected', at(1, 15), [['USD', 9000]]);
  q('q3', 'Q-0003', 0, hamburg, alice, 'accepted', at(1, 20), [['USD', 300]], { superseded: 'q3r1' });
  q('q3r1', 'Q-0003', 1, hamburg, alice, 'draft', null, [['USD', 250]]);
  q('q4', 'Q-0004', 0, hamburg, bob, 'sent', at(1, 25), [['USD', 400]], { validUntil: at(2, 25) });
  q('q5', 'Q-0005', 0, acme, alice, 'sent', at(2, 20), [['USD', 500]]);
  q('q6', 'Q-0006', 0, hamburg, bob, 'sent', at(3, 31, 20), [['EUR', 100]], { validUntil: at(7, 1) });
  q('q7', 'Q-0007', 0, acme, alice, 'accepted', at(1, 5), [['USD', 100_000]], { deletedAt: at(1, 6) });
  q('q8', 'Q-0008', 0, acme, alice, 'draft', null, [['USD', 800]]);
  q('q9', 'Q-0009', 0, acme, bob, 'sent', Date.UTC(2025, 11, 20), [['USD', 50]]);
  for (const [by, id] of supersede) sqlite.prepare('UPDATE quotes SET superseded_by_id = ? WHERE id = ?').run(by, id);

  sqlite.exec(`INSERT INTO products (id, model, model_key, created_at, updated_at) VALUES ('p1', 'LP-600', 'LP600', 1, 1), ('p2', 'LP-1200', 'LP1200', 1, 1)`);
  const shipment = sqlite.prepare(`INSERT INTO sample_shipments (id, customer_id, owner_id, courier, status, sample_cost_e4, freight_cost_e4, currency, sent_at, created_at, updated_at, deleted_at)
    VALUES (?, ?, ?, 'dhl', ?, ?, ?, ?, ?, 1, 1, ?)`);
  const item = sqlite.prepare(`INSERT INTO sample_shipment_items (shipment_id, seq, product_id, description, quantity) VALUES (?, ?, ?, 'Sample', ?)`);
  shipment.run('s1', acme, alice, 'delivered', 300_000, 450_000, 'USD', at(2, 3), null);
  item.run('s1', 1, 'p1', 2);
  item.run('s1', 2, 'p2', 1);
  shipment.run('s2', acme, alice, 'sent', null, 2_000_000, 'CNY', at(4, 2), null);
  item.run('s2', 1, null, 2);
  shipment.run('s3', hamburg, null, 'feedback', 100_000, null, 'USD', at(2, 10), null);
  item.run('s3', 1, 'p1', 1);
  shipment.run('s4', acme, alice, 'sent', 990_000, 0, 'USD', at(2, 4), at(2, 5));
  item.run('s4', 1, 'p1', 9);
  shipment.run('s5', acme, alice, 'preparing', 10_000, 0, 'USD', null, null);
  item.run('s5', 1, 'p1', 4);
  return { alice, bob, acme, hamburg };
}
