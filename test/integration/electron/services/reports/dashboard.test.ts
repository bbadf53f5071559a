import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempCore, type TempCore } from '../../../../helpers/temp-core.ts';
import { seedReports, type Seeded } from './report-seed.ts';

/**
 * The home dashboard (issue 14 point 5) on a real database: the reports' seed (quotes and
 * samples) plus customers created at known times. "now" is 2026-06-01; the window is 2026 H1 (UTC).
 */

let app: TempCore;
let seed: Seeded;
const window = { from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 5, 1) - 1, timeZone: 'UTC' };

beforeEach(async () => {
  app = await createTempCore();
  seed = await seedReports(app);
  // The seed's two customers (GB, DE: grade C, potential, no source, no owner) were created at "now".
  app.clock.set(Date.UTC(2026, 1, 10));
  await app.call('customers.create', { name: 'A1', regionCode: 'EU', grade: 'A', stage: 'customer', country: 'US', source: 'tradeShow', ownerId: seed.alice });
  await app.call('customers.create', { name: 'A2', regionCode: 'EU', grade: 'A', stage: 'prospect', country: 'US', source: 'tradeShow', ownerId: seed.alice });
  app.clock.set(Date.UTC(2026, 2, 5));
  await app.call('customers.create', { name: 'B1', regionCode: 'EU', grade: 'B', stage: 'customer', country: 'FR', source: 'website', ownerId: seed.bob });
  app.clock.set(Date.UTC(2026, 5, 1));
});
afterEach(async () => {
  await app.close();
});

describe('reports.dashboard', () => {
  it('counts customers by grade, stage, country and source, and narrows them to one owner', async () => {
    const all = await app.call('reports.dashboard', window);
    expect(all.byGrade).toEqual([
      { key: 'A', count: 2 },
      { key: 'C', count: 2 },
      { key: 'B', count: 1 },
    ]);
    expect(all.byCountry.find((r) => r.key === 'US')?.count).toBe(2);
    expect(all.byCountry.reduce((n, r) => n + r.count, 0)).toBe(5);
    expect(all.bySource.find((r) => r.key === 'tradeShow')?.count).toBe(2);
    const bob = await app.call('reports.dashboard', { ...window, ownerId: seed.bob });
    expect(bob.byStage).toEqual([{ key: 'customer', count: 1 }]);
  });

  it('counts new customers by source and month, and each quote deal once per month', async () => {
    const all = await app.call('reports.dashboard', window);
    expect(all.newBySource).toEqual([
      { month: '2026-02', source: 'tradeShow', count: 2 },
      { month: '2026-03', source: 'website', count: 1 },
    ]);
    expect(all.quotes).toEqual([
      { month: '2026-01', sent: 3, won: 1 },
      { month: '2026-02', sent: 2, won: 1 },
      { month: '2026-03', sent: 1, won: 0 },
    ]);
    const bob = await app.call('reports.dashboard', { ...window, ownerId: seed.bob });
    expect(bob.quotes.map((r) => [r.month, r.sent])).toEqual([
      ['2026-01', 1],
      ['2026-03', 1],
    ]);
    expect(bob.newBySource).toEqual([{ month: '2026-03', source: 'website', count: 1 }]);
  });

  it('refuses a reversed window, like the reports', async () => {
    const reversed = await app.fail('reports.dashboard', { from: window.to, to: window.from });
    expect(reversed.message).toBe('reports.errors.rangeReversed');
  });
});
