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
];

const REPS = 25;

/** customers.list through the dispatcher (validation included), at each size. */
export async function benchCustomerList(sizes: number[]): Promise<string[]> {
  const lines: string[] = [];
  for (const size of sizes) {
    const dataDir = await benchDataDir(size, size >= 100_000 ? 10 : 3);
    const core = await createAppCore({ dataDir, host: 'cli', version: 'bench', clock: fixedClock(BENCH_NOW), log: silentLogger });
    const owners = (await core.dispatch('owners.list', {})) as { ok: true; value: Array<{ id: string }> };
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

/**
 * customers.findDuplicates (issue 11, point 8) through the dispatcher: the first page of 20
 * groups (every group found and ranked, one page of rows read), a later page, "not duplicates"
 * and its undo, and a merge (timed inside a transaction that is then rolled back, so the cached
 * data folder stays as seeded).
 */
export async function benchDuplicates(sizes: number[]): Promise<string[]> {
  const { mergeCustomers } = await import('../../electron/services/customers/merge.ts');
  const lines: string[] = [];
  for (const size of sizes) {
    const dataDir = await benchDataDir(size, size >= 100_000 ? 10 : 3);
    const core = await createAppCore({ dataDir, host: 'cli', version: 'bench', clock: fixedClock(BENCH_NOW), log: silentLogger });
    type DupPage = { total: number; groups: Array<{ customers: Array<{ id: string }> }> };
    const find = async (input: { offset: number; limit: number }): Promise<DupPage> => {
      const res = await core.dispatch('customers.findDuplicates', input);
      if (!res.ok) throw new Error(JSON.stringify(res.error));
      return res.value as DupPage;
    };
    const mem = peakRss();
    // Cold: a write since the last call (here a row in a temp table) makes the service find and
    // rank every group again, as after a merge or an import. Warm: nothing written in between.
    const sqlite = core.database().sqlite;
    sqlite.exec('CREATE TEMP TABLE bench_bump (a)');
    const bump = sqlite.prepare('INSERT INTO bench_bump VALUES (1)');
    const coldPage: number[] = [];
    const firstPage: number[] = [];
    const laterPage: number[] = [];
    let first: DupPage = { total: 0, groups: [] };
    for (let i = 0; i < 3; i++) {
      bump.run();
      const t = performance.now();
      first = await find({ offset: 0, limit: 20 });
      coldPage.push(performance.now() - t);
    }
    for (let i = 0; i < 5; i++) {
      let t = performance.now();
      first = await find({ offset: 0, limit: 20 });
      firstPage.push(performance.now() - t);
      t = performance.now();
      await find({ offset: Math.floor(first.total / 2), limit: 20 });
      laterPage.push(performance.now() - t);
    }
    const ids = first.groups[0]!.customers.map((c) => c.id);
    const dismissMs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await core.dispatch('customers.dismissDuplicates', { ids });
      await find({ offset: 0, limit: 20 });
      dismissMs.push(performance.now() - t);
      await core.dispatch('customers.restoreDuplicates', { ids });
    }
    const mergeMs: number[] = [];
    const rollback = new Error('rollback');
    for (let i = 0; i < 3; i++) {
      const group = first.groups[i]!.customers.map((c) => c.id);
      let took = 0;
      await core
        .database()
        .db.transaction()
        .execute(async (trx) => {
          const t = performance.now();
          await mergeCustomers(trx, group[0]!, group.slice(1), BENCH_NOW);
          took = performance.now() - t;
          throw rollback;
        })
        .catch((err: unknown) => {
          if (err !== rollback) throw err;
        });
      mergeMs.push(took);
    }
    const peak = mem.stop();
    await core.close();
    const s = stats(coldPage);
    lines.push(
      `- customers.findDuplicates at ${size.toLocaleString('en')} customers (${first.total.toLocaleString('en')} groups) — first page of 20, all groups found and ranked: ${fmt(s)}; peak RSS ${peak.toFixed(0)} MB; target < 1 s: ${s.p95 < 1000 ? 'MET' : 'NOT MET'}`,
      `    - first page again, nothing written since: ${fmt(stats(firstPage))}`,
      `    - a page in the middle, nothing written since: ${fmt(stats(laterPage))}`,
      `    - "not duplicates" + first page again: ${fmt(stats(dismissMs))}`,
      `    - merge of a group (${first.groups[0]!.customers.length}+ customers, rolled back): ${fmt(stats(mergeMs))}`,
    );
  }
  return lines;
}
