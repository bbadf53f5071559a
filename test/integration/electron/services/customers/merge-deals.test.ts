import { afterEach, describe, expect, it } from 'vitest';
import { queryPlan } from '../../../../helpers/query-plan.ts';
import { createTempCore, type TempCore } from '../../../../helpers/temp-core.ts';

const cores: TempCore[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});

describe('merging customers keeps their quotes and sample shipments', () => {
  it('moves every quote and shipment of the merged customers to the one kept, through the customer indexes', async () => {
    const app = await createTempCore();
    cores.push(app);
    const kept = await app.call('customers.create', { name: 'Hamburg Trade GmbH', regionCode: 'EU', country: 'DE' });
    const dup = await app.call('customers.create', { name: 'Hamburg Trade', regionCode: 'EU', country: 'DE' });
    const sqlite = app.core.database().sqlite;
    const quote = sqlite.prepare(`INSERT INTO quotes (id, number, base_number, customer_id, status, language, quoted_at, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, 'sent', 'en', ?, 1, 1, ?)`);
    quote.run('q1', 'Q2026-0001', 'Q2026-0001', dup.id, 100, null);
    quote.run('q2', 'Q2026-0002', 'Q2026-0002', dup.id, 200, 5);
    quote.run('q3', 'Q2026-0003', 'Q2026-0003', kept.id, 300, null);
    sqlite.prepare(`INSERT INTO sample_shipments (id, customer_id, courier, status, created_at, updated_at) VALUES ('s1', ?, 'dhl', 'sent', 1, 1)`).run(dup.id);

    await app.call('customers.merge', { targetId: kept.id, sourceIds: [dup.id] });

    const owners = sqlite.prepare(`SELECT id, customer_id FROM quotes UNION ALL SELECT id, customer_id FROM sample_shipments ORDER BY id`).all();
    expect(owners).toEqual(['q1', 'q2', 'q3', 's1'].map((id) => ({ id, customer_id: kept.id })));
    const timeline = await app.call('customers.timeline', { customerId: kept.id });
    expect(timeline.rows.map((r) => (r.type === 'quote' ? r.quote.number : r.type))).toEqual(['Q2026-0003', 'Q2026-0001', 'sample']);
    expect(queryPlan(sqlite, 'UPDATE quotes SET customer_id = ? WHERE customer_id = ?', 'a', 'b').join('\n')).toMatch(/USING (COVERING )?INDEX quotes_customer/);
    expect(queryPlan(sqlite, 'UPDATE sample_shipments SET customer_id = ? WHERE customer_id = ?', 'a', 'b').join('\n')).toMatch(/USING (COVERING )?INDEX sample_shipments_customer/);
  });
});
