import type BetterSqlite3 from 'better-sqlite3';
import { createAppCore } from '../../electron/services/core/app-core.ts';
import { fixedClock } from '../../electron/services/core/clock.ts';
import { newId } from '../../electron/services/core/ids.ts';
import { silentLogger } from '../../electron/services/core/logger.ts';
import { seedCustomers } from '../fixtures/customer-fixtures.ts';
import { seedTasks } from '../fixtures/task-fixtures.ts';
import { BENCH_NOW, cachedBenchDir, fmt, peakRss, stats, timeCall, verdict } from './bench-kit.ts';

/**
 * `npm run bench -- today` (issue 14 point 9): Today's calls at 100,000 customers with ~1,000,000
 * activities and 100,000 tasks, plus a sent quote per customer (follow-ups spread over a year),
 * every third accepted with a deposit and a balance, an L/C on every thirtieth, and 5,000
 * delivered sample shipments. Target p95 < 50 ms.
 */
const CUSTOMERS = 100_000;
const ACTIVITIES_PER_CUSTOMER = 10;
const TASKS = 100_000;
const SHIPMENTS = 5_000;
const DAY = 86_400_000;
const REPS = 30;

function seedDeals(sqlite: BetterSqlite3.Database): string {
  const customers = sqlite.prepare('SELECT id, owner_id FROM customers ORDER BY rid').all() as { id: string; owner_id: string | null }[];
  const quote = sqlite.prepare(`INSERT INTO quotes (id, number, base_number, revision, customer_id, owner_id, status, language, quoted_at, sent_at, decided_at, follow_up_at, created_at, updated_at)
    VALUES (?, ?, ?, 0, ?, ?, ?, 'en', ?, ?, ?, ?, ?, ?)`);
  const payment = sqlite.prepare(`INSERT INTO order_payments (id, quote_id, seq, label, amount_e4, currency, due_at, received_at, received_amount_e4, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, 'USD', ?, ?, ?, ?, ?)`);
  const lc = sqlite.prepare(`INSERT INTO letters_of_credit (id, quote_id, number, issuing_bank, amount_e4, currency, expires_at, latest_shipment_at, created_at, updated_at)
    VALUES (?, ?, ?, 'Bank of China', ?, 'USD', ?, ?, ?, ?)`);
  const shipment = sqlite.prepare(`INSERT INTO sample_shipments (id, customer_id, owner_id, courier, tracking_number, status, sent_at, delivered_at, follow_up_at, created_at, updated_at)
    VALUES (?, ?, ?, 'dhl', ?, 'delivered', ?, ?, ?, ?, ?)`);
  const item = sqlite.prepare(`INSERT INTO sample_shipment_items (shipment_id, seq, product_id, description, quantity) VALUES (?, 0, NULL, 'Swatch book', 1)`);
  sqlite.transaction(() => {
    customers.forEach((c, i) => {
      const id = newId();
      // Sent over the last year, spread evenly (by a stride prime to 365).
      const at = BENCH_NOW - ((i * 7919) % 365) * DAY - (i % 600) * 60_000;
      const number = `Q-${String(i + 1).padStart(6, '0')}`;
      const accepted = i % 3 === 0;
      // A sent quote's follow-up a week after it was sent: the older ones are overdue follow-ups.
      quote.run(id, number, number, c.id, c.owner_id, accepted ? 'accepted' : 'sent', at, at, accepted ? at : null, accepted ? null : at + 7 * DAY, at, at);
      if (accepted) {
        const due = at + 30 * DAY;
        const paid = due < BENCH_NOW - 30 * DAY;
        payment.run(newId(), id, 1, 'deposit', 3_000_000, due - 20 * DAY, paid ? due - 21 * DAY : null, paid ? 3_000_000 : null, at, at);
        payment.run(newId(), id, 2, 'balance', 7_000_000, due, paid ? due : null, paid ? 7_000_000 : null, at, at);
        if (i % 30 === 0) lc.run(newId(), id, `LC-${i}`, 7_000_000, due + 30 * DAY, due, at, at);
      }
      if (i < SHIPMENTS) {
        const shipmentId = newId();
        const delivered = BENCH_NOW - ((i * 104_729) % (200 * DAY));
        shipment.run(shipmentId, c.id, c.owner_id, `DHL${i}`, delivered - 3 * DAY, delivered, delivered + 7 * DAY, delivered - 4 * DAY, delivered);
        item.run(shipmentId);
      }
    });
  })();
  return `${CUSTOMERS} quotes, ${SHIPMENTS} shipments`;
}

export async function benchToday(): Promise<string[]> {
  const lines = [
    `## today (${CUSTOMERS.toLocaleString('en')} customers, ~${(CUSTOMERS * ACTIVITIES_PER_CUSTOMER).toLocaleString('en')} activities, ${TASKS.toLocaleString('en')} tasks, a quote per customer, payments, L/Cs, ${SHIPMENTS.toLocaleString('en')} shipments)`,
  ];
  const dataDir = await cachedBenchDir('tradefolio-bench-today-v2', async (opened) => {
    const seeded = seedCustomers(opened.sqlite, { customers: CUSTOMERS, activitiesPerCustomer: ACTIVITIES_PER_CUSTOMER, now: BENCH_NOW, seed: 31 });
    seedTasks(opened.sqlite, { count: TASKS, now: BENCH_NOW });
    return `${seeded.customers} customers, ${seeded.activities} activities, ${TASKS} tasks, ${seedDeals(opened.sqlite)}`;
  });
  const rss = peakRss();
  const core = await createAppCore({ dataDir, host: 'cli', version: 'bench', clock: fixedClock(BENCH_NOW), log: silentLogger });
  try {
    const owner = core.database().sqlite.prepare('SELECT id FROM owners ORDER BY id LIMIT 1').pluck().get() as string;
    const list = await timeCall(core, 'today.list', { limit: 10 }, REPS);
    const answer = list.value as { sections: { kind: string; total: number }[]; total: number };
    const s = stats(list.samples);
    lines.push(`- today.list, all owners (${answer.sections.map((x) => `${x.kind} ${x.total.toLocaleString('en')}`).join(', ')}): ${fmt(s)} — ${verdict(s, 50)}`);
    const mine = stats((await timeCall(core, 'today.list', { ownerId: owner, limit: 10 }, REPS)).samples);
    lines.push(`- today.list, one owner: ${fmt(mine)} — ${verdict(mine, 50)}`);
    const count = stats((await timeCall(core, 'today.count', {}, REPS)).samples);
    lines.push(`- today.count (the badge): ${fmt(count)} — ${verdict(count, 50)}`);
    lines.push(`- peak RSS ${rss.stop().toFixed(0)} MB`);
  } finally {
    await core.close();
  }
  return lines;
}
