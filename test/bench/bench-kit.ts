import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type OpenedDatabase } from '../../db/open-database.ts';
import { DATABASE_FILE_NAME, type AppCore } from '../../electron/services/core/app-core.ts';
import { seedCustomers } from '../fixtures/customer-fixtures.ts';

export const BENCH_NOW = Date.UTC(2026, 10, 1);

export interface Stats {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

/**
 * Nearest-rank percentiles: p95 of 20 samples is the 19th smallest, p50 the 10th. (Until
 * 2026-11-27 the rank above was taken, which made p95 of 20 the slowest sample.)
 */
export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1]! };
}

export function fmt(s: Stats): string {
  return `p50 ${s.p50.toFixed(2)} ms · p95 ${s.p95.toFixed(2)} ms · max ${s.max.toFixed(2)} ms (n=${s.n})`;
}

/** Samples RSS while work runs, so each figure comes with its peak memory. */
export function peakRss(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss) / 1024 / 1024;
    },
  };
}

/**
 * A data folder named `name` in the temp folder, seeded once by `seed` and kept between runs
 * (seeding 100k customers or messages takes minutes). A run interrupted mid-seed starts over.
 * No ANALYZE: users' databases have no statistics either.
 */
export async function cachedBenchDir(name: string, seed: (opened: OpenedDatabase) => Promise<string>): Promise<string> {
  const dir = path.join(os.tmpdir(), name);
  const done = path.join(dir, '.complete');
  if (fs.existsSync(done)) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const started = performance.now();
  const opened = await openDatabase(path.join(dir, DATABASE_FILE_NAME));
  let what: string;
  try {
    what = await seed(opened);
  } finally {
    await opened.close();
  }
  fs.writeFileSync(done, what);
  console.log(`  (seeded ${what} in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return dir;
}

/** A data folder with `customers` generated customers and about `activities` per customer. */
export function benchDataDir(customers: number, activities: number): Promise<string> {
  return cachedBenchDir(`tradefolio-bench-v5-${customers}-${activities}`, async (opened) => {
    const summary = seedCustomers(opened.sqlite, { customers, activitiesPerCustomer: activities, now: BENCH_NOW, seed: 7 });
    return `${summary.customers} customers, ${summary.activities} activities`;
  });
}

/** Times `reps` calls of one contract key through the core (after one warm-up call) and keeps the last answer. */
export async function timeCall(core: AppCore, key: string, input: object, reps: number): Promise<{ samples: number[]; value: unknown }> {
  await core.dispatch(key, input); // warm the page cache
  const samples: number[] = [];
  let value: unknown = null;
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    const res = await core.dispatch(key, input);
    samples.push(performance.now() - t);
    if (!res.ok) throw new Error(`${key} ${JSON.stringify(input)}: ${JSON.stringify(res.error)}`);
    value = res.value;
  }
  return { samples, value };
}

export const verdict = (s: Stats, target: number) => `target p95 < ${target} ms: ${s.p95 < target ? 'MET' : 'NOT MET'}`;
