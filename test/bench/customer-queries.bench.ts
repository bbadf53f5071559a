import { createAppCore } from '../../electron/services/core/app-core.ts';
import { fixedClock } from '../../electron/services/core/clock.ts';
import { silentLogger } from '../../electron/services/core/logger.ts';
import type { CustomerQuery } from '../../shared/contract/customers.contract.ts';
import { benchDataDir, BENCH_NOW, fmt, peakRss, stats } from './bench-kit.ts';

const QUERIES: Array<[string, CustomerQuery]> = [
  ['first page, by name', { limit: 200 }],
  ['page 20, by name', { limit: 200, offset: 4000 }],
  ['by last contact desc', { sort: 'lastContactedAt', dir: 'desc', limit: 200 }],
  ['grade A+B, by name', { grades: ['A', 'B'], limit: 200 }],
  ['country DE + stage', { countries: ['DE'], stages: ['customer', 'loyal'], limit: 200 }],
  ['not contacted 90d+', { lastContact: 'over90', limit: 200 }],
  ['search "atlas"', { search: 'atlas', limit: 200 }],
  ['search "light"', { search: 'light', limit: 200 }],
  ['search "明华"', { search: '明华', limit: 200 }],
  ['search "深圳明华"', { search: '深圳明华', limit: 200 }],
  ['search "张伟"', { search: '张伟', limit: 200 }],
  ['search email "john.1"', { search: 'john.1', limit: 200 }],
  ['search phone "86138"', { search: '86138', limit: 200 }],
  ['search + grade + owner', { search: 'lighting', grades: ['A'], ownerIds: [''], limit: 200 }],
  ['value high', { values: ['high'], limit: 200 }],
  ['value medium + low, grade A', { values: ['medium', 'low'], grades: ['A'], limit: 200 }],
];

const REPS = 25;

/** customers.list through the dispatcher (validation included), at each size. */
export async function benchCustomerList(sizes: number[]): Promise<string[]> {
  const lines: string[] = [];
  for (const size of sizes) {
    const dataDir = await benchDataDir(size, size >= 100_000 ? 10 : 3);
    const core = await createAppCore({ dataDir, host: 'cli', version: 'bench', clock: fixedClock(BENCH_NOW), log: silentLogger });
    const owners = (await core.dispatch('owners.list', {})) as { ok: true; value: Array<{ id: string }> };
    // Scores exist before the list is timed (the first run after migration 0018 scores everyone).
    await core.dispatch('scores.refresh', {});
    const mem = peakRss();
    const all: number[] = [];
    const perQuery: string[] = [];
    for (const [name, query] of QUERIES) {
      const input = query.ownerIds ? { ...query, ownerIds: [owners.value[0]!.id] } : query;
      await core.dispatch('customers.list', input); // warm the page cache
      const samples: number[] = [];
      let total = 0;
      for (let i = 0; i < REPS; i++) {
        const t = performance.now();
        const res = await core.dispatch('customers.list', input);
        samples.push(performance.now() - t);
        if (!res.ok) throw new Error(`${name}: ${JSON.stringify(res.error)}`);
        total = (res.value as { total: number }).total;
      }
      all.push(...samples);
      perQuery.push(`    - ${name} (${total} matches): ${fmt(stats(samples))}`);
    }
    const peak = mem.stop();
    await core.close();
    const s = stats(all);
    lines.push(`- customers.list at ${size.toLocaleString('en')} customers — all queries: ${fmt(s)}; peak RSS ${peak.toFixed(0)} MB; target p95 < 20 ms: ${s.p95 < 20 ? 'MET' : 'NOT MET'}`, ...perQuery);
  }
  return lines;
}

/** reminders.notContacted at 100k customers and ~1M activities. */
export async function benchNotContacted(): Promise<string[]> {
  const dataDir = await benchDataDir(100_000, 10);
  const core = await createAppCore({ dataDir, host: 'cli', version: 'bench', clock: fixedClock(BENCH_NOW), log: silentLogger });
  const activities = core.database().sqlite.prepare('SELECT count(*) FROM activities').pluck().get() as number;
  const owners = (await core.dispatch('owners.list', {})) as { ok: true; value: Array<{ id: string }> };
  const inputs = [{ limit: 200 }, { limit: 200, offset: 2000 }, { limit: 200, ownerId: owners.value[1]!.id }, {}];
  const mem = peakRss();
  const samples: number[] = [];
  let total = 0;
  for (let i = 0; i < 40; i++) {
    for (const input of inputs) {
      const t = performance.now();
      const res = await core.dispatch('reminders.notContacted', input);
      samples.push(performance.now() - t);
      if (!res.ok) throw new Error(JSON.stringify(res.error));
      total = Math.max(total, (res.value as { total: number }).total);
    }
    const t = performance.now();
    await core.dispatch('reminders.counts', {});
    samples.push(performance.now() - t);
  }
  const peak = mem.stop();
  await core.close();
  const s = stats(samples);
  return [
    `- reminders.notContacted + counts at 100,000 customers / ${activities.toLocaleString('en')} activities (${total.toLocaleString('en')} overdue): ${fmt(s)}; peak RSS ${peak.toFixed(0)} MB; target p95 < 50 ms: ${s.p95 < 50 ? 'MET' : 'NOT MET'}`,
  ];
}
