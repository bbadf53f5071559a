import type BetterSqlite3 from 'better-sqlite3';
import { createAppCore } from '../../electron/services/core/app-core.ts';
import { fixedClock } from '../../electron/services/core/clock.ts';
import { newId } from '../../electron/services/core/ids.ts';
import { silentLogger } from '../../electron/services/core/logger.ts';
import { seedCustomers } from '../fixtures/customer-fixtures.ts';
import { BENCH_NOW, cachedBenchDir, fmt, peakRss, stats } from './bench-kit.ts';

/**
 * `npm run bench -- scores` (issue 14 point 9): the value (RFM) score at 100,000 customers with
 * ~3 activities each, 30,000 of whom ordered 1–8 times (accepted quotes of two lines, USD, EUR or
 * CNY, some revised). Targets: one customer's recompute < 5 ms, all 100,000 < 10 s.
 */
const CUSTOMERS = 100_000;
const ORDERING = 30_000;
const DAY = 86_400_000;
const CURRENCIES = ['USD', 'USD', 'USD', 'EUR', 'CNY'];
const ONE_CUSTOMER_REPS = 200;

function seedOrders(sqlite: BetterSqlite3.Database): string {
  const customers = sqlite.prepare('SELECT id FROM customers ORDER BY rid').pluck().all() as string[];
  const insertQuote = sqlite.prepare(`INSERT INTO quotes (id, number, base_number, revision, customer_id, status, language, quoted_at, decided_at, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, 'en', ?, ?, ?, ?)`);
  const insertLine = sqlite.prepare(`INSERT INTO quote_lines (id, quote_id, seq, product_id, model, description, quantity, unit, unit_price_e4, currency, amount_e4)
    VALUES (?, ?, ?, NULL, NULL, 'Ball valve', ?, 'pcs', ?, ?, ?)`);
  let quotes = 0;
  sqlite.transaction(() => {
    for (let c = 0; c < ORDERING; c++) {
      const customerId = customers[(c * 7) % CUSTOMERS]!;
      const currency = CURRENCIES[c % CURRENCIES.length]!;
      const deals = 1 + (c % 8);
      for (let d = 0; d < deals; d++) {
        const number = `Q-${c}-${d}`;
        const at = BENCH_NOW - ((c * 13 + d * 97) % 700) * DAY;
        // Every fourth deal was revised once: the sent original stays, the revision was accepted.
        const revisions = d % 4 === 0 ? 2 : 1;
        for (let r = 0; r < revisions; r++) {
          const id = newId();
          const status = r === revisions - 1 ? 'accepted' : 'sent';
          insertQuote.run(id, r === 0 ? number : `${number}-R${r}`, number, r, customerId, status, at, status === 'accepted' ? at : null, at, at);
          const price = 10_000 + ((c * 31 + d * 17) % 5000) * 100;
          insertLine.run(newId(), id, 0, 100 + (c % 900), price, currency, (100 + (c % 900)) * price);
          insertLine.run(newId(), id, 1, 10, price * 2, currency, 10 * price * 2);
          quotes++;
        }
      }
    }
  })();
  return `${CUSTOMERS} customers, ${ORDERING} of them with ${quotes} quotes`;
}

export async function benchScores(): Promise<string[]> {
  const lines = [`## scores (value score at ${CUSTOMERS.toLocaleString('en')} customers, ${ORDERING.toLocaleString('en')} with orders)`];
  const dataDir = await cachedBenchDir('tradefolio-bench-scores-v1', async (opened) => {
    seedCustomers(opened.sqlite, { customers: CUSTOMERS, activitiesPerCustomer: 3, now: BENCH_NOW, seed: 21 });
    return seedOrders(opened.sqlite);
  });
  const rss = peakRss();
  const clock = fixedClock(BENCH_NOW);
  const core = await createAppCore({ dataDir, host: 'cli', version: 'bench', clock, log: silentLogger });
  try {
    const { sqlite } = core.database();
    const refresh = async () => {
      const res = await core.dispatch('scores.refresh', {});
      if (!res.ok) throw new Error(JSON.stringify(res.error));
      return (res.value as { count: number }).count;
    };
    const markAll = sqlite.prepare('INSERT OR IGNORE INTO score_dirty (customer_id) SELECT id FROM customers WHERE deleted_at IS NULL');
    // All customers: every one dirty (as after the upgrade or a big import) → one full pass.
    const full: number[] = [];
    for (let i = 0; i < 3; i++) {
      markAll.run();
      const t = performance.now();
      const n = await refresh();
      full.push(performance.now() - t);
      if (n < CUSTOMERS * 0.9) throw new Error(`full pass scored ${n}`);
    }
    const fullStats = stats(full);
    lines.push(`- all ${CUSTOMERS.toLocaleString('en')} customers (full pass: money, quartiles, scores, suggestions): ${fmt(fullStats)}; target < 10 s: ${fullStats.max < 10_000 ? 'MET' : 'NOT MET'}`);

    // One customer, through the core: mark it dirty (what the triggers do) and time the pass.
    const withOrders = sqlite.prepare('SELECT DISTINCT customer_id FROM customer_money').pluck().all() as string[];
    const without = sqlite.prepare('SELECT id FROM customers WHERE id NOT IN (SELECT customer_id FROM customer_money) LIMIT 1000').pluck().all() as string[];
    const mark = sqlite.prepare('INSERT OR IGNORE INTO score_dirty (customer_id) VALUES (?)');
    for (const [label, ids] of [['with orders', withOrders], ['without orders', without]] as const) {
      const samples: number[] = [];
      for (let i = 0; i < ONE_CUSTOMER_REPS; i++) {
        mark.run(ids[(i * 101) % ids.length]!);
        const t = performance.now();
        await refresh();
        samples.push(performance.now() - t);
      }
      const s = stats(samples);
      lines.push(`- one customer ${label} (scores.refresh after the trigger marked it): ${fmt(s)}; target < 5 ms: ${s.p95 < 5 ? 'MET' : 'NOT MET'}`);
    }

    // The whole write as a user makes it: activities.create, its triggers and the pass after it.
    const writes: number[] = [];
    for (let i = 0; i < ONE_CUSTOMER_REPS; i++) {
      const t = performance.now();
      const res = await core.dispatch('activities.create', { customerId: withOrders[(i * 37) % withOrders.length]!, kind: 'call', occurredAt: BENCH_NOW - i * 1000 });
      writes.push(performance.now() - t);
      if (!res.ok) throw new Error(JSON.stringify(res.error));
    }
    lines.push(`- activities.create with its score pass: ${fmt(stats(writes))}`);

    // Stale quartile boundaries: a pass that refreshes them rescores every customer with orders.
    const stale: number[] = [];
    for (let i = 0; i < 5; i++) {
      sqlite.prepare('UPDATE score_state SET money_changes = 1000000').run();
      mark.run(withOrders[i]!);
      const t = performance.now();
      await refresh();
      stale.push(performance.now() - t);
    }
    lines.push(`- a pass that refreshes the quartile boundaries (rescoring the ${withOrders.length.toLocaleString('en')} customers with orders): ${fmt(stats(stale))}`);

    // Weights: every score recomputed from its stored R, F, M.
    const weights: number[] = [];
    for (const w of [{ recency: 1, frequency: 1, monetary: 1 }, { recency: 3, frequency: 3, monetary: 4 }]) {
      const t = performance.now();
      const res = await core.dispatch('scores.setWeights', w);
      weights.push(performance.now() - t);
      if (!res.ok) throw new Error(JSON.stringify(res.error));
    }
    lines.push(`- scores.setWeights (all ${CUSTOMERS.toLocaleString('en')} rescored): ${weights.map((ms) => `${ms.toFixed(0)} ms`).join(', ')}`);
    const pending = sqlite.prepare("SELECT count(*) FROM stage_suggestions WHERE status = 'pending'").pluck().get() as number;
    lines.push(`- ${pending.toLocaleString('en')} pending stage suggestions; peak RSS ${rss.stop().toFixed(0)} MB`);
  } finally {
    await core.close();
  }
  return lines;
}
