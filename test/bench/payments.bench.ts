import type BetterSqlite3 from 'better-sqlite3';
import { createAppCore } from '../../electron/services/core/app-core.ts';
import { fixedClock } from '../../electron/services/core/clock.ts';
import { newId } from '../../electron/services/core/ids.ts';
import { silentLogger } from '../../electron/services/core/logger.ts';
import { lcDeadlinesQuery, letterOfCreditDeadlines, paymentsDue, paymentsDueQuery } from '../../electron/services/payments/payments.queries.ts';
import { seedCustomers } from '../fixtures/customer-fixtures.ts';
import { queryPlan } from '../helpers/query-plan.ts';
import { BENCH_NOW, cachedBenchDir, fmt, stats, timeCall } from './bench-kit.ts';

/**
 * `npm run bench -- payments` (issue 14 point 2): 100,000 customers with one quote each, every
 * third accepted with a deposit and a balance (received but for the last weeks' and a backlog of
 * one order in 25) and every tenth of those with an L/C (closed once done, but for one in ten);
 * then Today's two seams and the customer folder's call, timed. Today's target: p95 < 50 ms.
 */
const CUSTOMERS = 100_000;
const DAY = 86_400_000;
const RUNS = 100;

function seedOrders(sqlite: BetterSqlite3.Database): string {
  const customers = sqlite.prepare('SELECT id, owner_id FROM customers ORDER BY id').all() as { id: string; owner_id: string | null }[];
  const insertQuote = sqlite.prepare(`INSERT INTO quotes (id, number, base_number, revision, customer_id, owner_id, status, language, quoted_at, decided_at, created_at, updated_at)
    VALUES (?, ?, ?, 0, ?, ?, ?, 'en', ?, ?, ?, ?)`);
  const insertPayment = sqlite.prepare(`INSERT INTO order_payments (id, quote_id, seq, label, amount_e4, currency, due_at, received_at, received_amount_e4, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, 'USD', ?, ?, ?, ?, ?)`);
  const insertLc = sqlite.prepare(`INSERT INTO letters_of_credit (id, quote_id, number, issuing_bank, amount_e4, currency, expires_at, latest_shipment_at, closed_at, created_at, updated_at)
    VALUES (?, ?, ?, 'Bank of China', ?, 'USD', ?, ?, ?, ?, ?)`);
  let payments = 0;
  let lcs = 0;
  sqlite.transaction(() => {
    customers.forEach((c, i) => {
      const id = newId();
      const at = BENCH_NOW - (CUSTOMERS - i) * 600_000;
      const number = `Q-${String(i + 1).padStart(6, '0')}`;
      const accepted = i % 3 === 0;
      insertQuote.run(id, number, number, c.id, c.owner_id, accepted ? 'accepted' : 'sent', at, accepted ? at : null, at, at);
      if (!accepted) return;
      // Dates spread over two years up to now: what fell due more than 14 days ago was paid, but
      // for one order in 25 whose balance never came (a backlog of old overdue payments).
      const due = at + 30 * DAY;
      const paid = due < BENCH_NOW - 14 * DAY && i % 75 !== 0;
      const depositPaid = due < BENCH_NOW;
      insertPayment.run(newId(), id, 1, 'deposit', 3_000_000, due - 20 * DAY, depositPaid ? due - 21 * DAY : null, depositPaid ? 3_000_000 : null, at, at);
      insertPayment.run(newId(), id, 2, 'balance', 7_000_000, due, paid ? due : null, paid ? 7_000_000 : null, at, at);
      payments += 2;
      if (i % 30 === 0) {
        // Closed once paid, but for one in ten left open long after its expiry (forgotten).
        const closed = due + 60 * DAY < BENCH_NOW && i % 300 !== 0;
        insertLc.run(newId(), id, `LC-${i}`, 7_000_000, due + 30 * DAY, due, closed ? due + 40 * DAY : null, at, at);
        lcs += 1;
      }
    });
  })();
  return `${CUSTOMERS} customers and quotes, ${payments} payments, ${lcs} L/Cs`;
}

export async function benchPayments(): Promise<string[]> {
  const lines = [`## payments (${CUSTOMERS.toLocaleString('en')} customers, a quote each, every third accepted with two payments)`];
  const dataDir = await cachedBenchDir('tradefolio-bench-payments-v2', async (opened) => {
    seedCustomers(opened.sqlite, { customers: CUSTOMERS, activitiesPerCustomer: 0, now: BENCH_NOW, seed: 14 });
    return seedOrders(opened.sqlite);
  });
  const core = await createAppCore({ dataDir, host: 'cli', version: 'bench', clock: fixedClock(BENCH_NOW), log: silentLogger });
  try {
    const { sqlite, db } = core.database();
    const owner = sqlite.prepare('SELECT id FROM owners LIMIT 1').pluck().get() as string;
    const until = BENCH_NOW + 7 * DAY;
    for (const ownerId of [null, owner]) {
      const due: number[] = [];
      const lc: number[] = [];
      let counts = '';
      for (let i = 0; i < RUNS; i++) {
        let t = performance.now();
        const p = await paymentsDue(db, { until, ownerId, limit: 20 }, BENCH_NOW);
        due.push(performance.now() - t);
        t = performance.now();
        const l = await letterOfCreditDeadlines(db, { until: BENCH_NOW + 15 * DAY, ownerId, limit: 20 }, BENCH_NOW);
        lc.push(performance.now() - t);
        counts = `${p.total} payments, ${l.total} L/C deadlines`;
      }
      lines.push(`- paymentsDue ${ownerId ? 'of one owner' : 'all'} (${counts}): ${fmt(stats(due))}`);
      lines.push(`- letterOfCreditDeadlines ${ownerId ? 'of one owner' : 'all'}: ${fmt(stats(lc))}`);
    }
    const customer = sqlite.prepare('SELECT q.customer_id FROM order_payments p JOIN quotes q ON q.id = p.quote_id WHERE p.received_at IS NULL LIMIT 1').pluck().get() as string;
    lines.push(`- payments.forCustomer: ${fmt(stats((await timeCall(core, 'payments.forCustomer', { customerId: customer }, 50)).samples))}`);
    lines.push(`- payments.reminders: ${fmt(stats((await timeCall(core, 'payments.reminders', {}, 50)).samples))}`);
    lines.push(`- plans: ${queryPlan(sqlite, paymentsDueQuery(db, { until }).selectAll('p').orderBy('p.due_at').limit(20)).join(' / ')} | ${queryPlan(sqlite, lcDeadlinesQuery(db, { until }).orderBy('deadline_at').limit(20)).join(' / ')}`);
  } finally {
    await core.close();
  }
  return lines;
}
