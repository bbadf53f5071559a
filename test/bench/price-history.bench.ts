import type BetterSqlite3 from 'better-sqlite3';
import { createAppCore } from '../../electron/services/core/app-core.ts';
import { fixedClock } from '../../electron/services/core/clock.ts';
import { newId } from '../../electron/services/core/ids.ts';
import { silentLogger } from '../../electron/services/core/logger.ts';
import { productHistory } from '../../electron/services/quotes/price-history.queries.ts';
import { seedCustomers } from '../fixtures/customer-fixtures.ts';
import { queryPlan } from '../helpers/query-plan.ts';
import { BENCH_NOW, cachedBenchDir, fmt, peakRss, stats, timeCall } from './bench-kit.ts';

/**
 * `npm run bench -- price-history` (issue 13 point 9): one product quoted 50,000 times across
 * 5,000 customers (each quote also has a line of another product), then ~200 quotes.priceHistory
 * calls, each for another customer, through the core. Target p95 < 20 ms.
 */
const CUSTOMERS = 5_000;
const QUOTES = 50_000;
const CALLS = 200;
const INCOTERMS = ['FOB', 'CIF', 'EXW', 'CFR'];
const HOUR = 3_600_000;

function seedQuotes(sqlite: BetterSqlite3.Database): string {
  const customers = sqlite.prepare('SELECT id FROM customers ORDER BY id').pluck().all() as string[];
  const insertProduct = sqlite.prepare("INSERT INTO products (id, model, model_key, name_en, attributes, unit, created_at, updated_at) VALUES (?, ?, ?, ?, '{}', 'pcs', ?, ?)");
  const insertQuote = sqlite.prepare(`INSERT INTO quotes (id, number, base_number, revision, customer_id, status, language, incoterm, incoterm_port, quoted_at, created_at, updated_at)
    VALUES (?, ?, ?, 0, ?, ?, 'en', ?, ?, ?, ?, ?)`);
  const insertLine = sqlite.prepare(`INSERT INTO quote_lines (id, quote_id, seq, product_id, model, description, quantity, unit, unit_price_e4, currency, amount_e4)
    VALUES (?, ?, ?, ?, ?, 'Ball valve', ?, 'pcs', ?, 'USD', ?)`);
  const products = Array.from({ length: 50 }, (_, i) => ({ id: newId(), model: `BV-${100 + i}` }));
  sqlite.transaction(() => {
    for (const p of products) insertProduct.run(p.id, p.model, p.model.replace('-', ''), `Ball valve ${p.model}`, BENCH_NOW, BENCH_NOW);
    // Ids are made in order (UUIDv7) with quoted_at rising, as the app makes them.
    for (let i = 0; i < QUOTES; i++) {
      const id = newId();
      const at = BENCH_NOW - (QUOTES - i) * HOUR;
      const number = `Q${new Date(at).getUTCFullYear()}-${String(i + 1).padStart(6, '0')}`;
      const status = i % 5 === 0 ? 'accepted' : i % 3 === 0 ? 'draft' : 'sent';
      insertQuote.run(id, number, number, customers[i % CUSTOMERS], status, INCOTERMS[i % 4], 'Ningbo', at, at, at);
      const price = 30_000 + (i % 997) * 10;
      insertLine.run(newId(), id, 0, products[0]!.id, products[0]!.model, 1000, price, 1000 * price);
      const other = products[1 + (i % 49)]!;
      insertLine.run(newId(), id, 1, other.id, other.model, 500, price * 2, 1000 * price);
    }
  })();
  return `${CUSTOMERS} customers, ${QUOTES} quotes of ${products[0]!.model} (product ${products[0]!.id})`;
}

export async function benchPriceHistory(): Promise<string[]> {
  const lines = [`## price-history (one product in ${QUOTES.toLocaleString('en')} quote lines across ${CUSTOMERS.toLocaleString('en')} customers)`];
  const dataDir = await cachedBenchDir('tradefolio-bench-price-history-v2', async (opened) => {
    seedCustomers(opened.sqlite, { customers: CUSTOMERS, activitiesPerCustomer: 0, now: BENCH_NOW, seed: 13 });
    return seedQuotes(opened.sqlite);
  });
  const rss = peakRss();
  const core = await createAppCore({ dataDir, host: 'cli', version: 'bench', clock: fixedClock(BENCH_NOW), log: silentLogger });
  try {
    const { sqlite, db } = core.database();
    const productId = sqlite.prepare("SELECT id FROM products WHERE model = 'BV-100'").pluck().get() as string;
    const customers = sqlite.prepare('SELECT id FROM customers ORDER BY id').pluck().all() as string[];
    await core.dispatch('quotes.priceHistory', { productId });
    const samples: number[] = [];
    let rows = 0;
    for (let i = 0; i < CALLS; i++) {
      const input = { productId, customerId: customers[(i * 97) % customers.length]! };
      const t = performance.now();
      const res = await core.dispatch('quotes.priceHistory', input);
      samples.push(performance.now() - t);
      if (!res.ok) throw new Error(JSON.stringify(res.error));
      const value = res.value as { rows: unknown[]; customerRows: unknown[] };
      rows = value.rows.length + value.customerRows.length;
    }
    const s = stats(samples);
    lines.push(`- quotes.priceHistory {productId, customerId} (newest 100 to all + that customer's ~10; ${rows} rows per call): ${fmt(s)}`);
    lines.push(`- plan: ${queryPlan(sqlite, productHistory(db, { productId, limit: 100 }, BENCH_NOW)).join(' / ')}`);
    // The Quotes page over the same 50,000 quotes: first page, a status filter, a later page.
    for (const input of [{}, { statuses: ['sent'] }, { offset: 1000 }]) {
      const list = stats((await timeCall(core, 'quotes.list', input, 30)).samples);
      lines.push(`- quotes.list ${JSON.stringify(input)}: ${fmt(list)}`);
    }
    lines.push(`- peak RSS ${rss.stop().toFixed(0)} MB. Target p95 < 20 ms: ${s.p95 < 20 ? 'MET' : 'NOT MET'}`);
  } finally {
    await core.close();
  }
  return lines;
}
