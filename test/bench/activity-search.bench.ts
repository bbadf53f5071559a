import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v7 } from 'uuid';
import { openDatabase } from '../../db/open-database.ts';
import { createAppCore, DATABASE_FILE_NAME } from '../../electron/services/core/app-core.ts';
import { fixedClock } from '../../electron/services/core/clock.ts';
import { silentLogger } from '../../electron/services/core/logger.ts';
import { reindexCustomerWriting } from '../../electron/services/customers/customer-index.queries.ts';
import { prng } from '../fixtures/customer-fixtures.ts';
import { BENCH_NOW, fmt, peakRss, stats, timeCall, verdict } from './bench-kit.ts';
import { mailBenchDataDir } from './mail-search.bench.ts';

const ACTIVITIES = 1_000_000;
/** One customer with a long history: what one logged call costs when the customer's search row is big. */
const BIG_CUSTOMER_ACTIVITIES = 5_000;
const TX_ROWS = 50_000;
const REPS = 30;
const DAY = 86_400_000;

const QUERIES = ['报价', '样品', '寄样品', '验货', '深圳明华', '质检报告', 'ningbo', 'fob', 'inspection', 'canton fair', 'quotation', 'zzzz'];

const PHRASES = [
  '客户要求先寄样品',
  '报价 FOB Ningbo',
  '报价 CIF Hamburg',
  '电话沟通了交期，说下个月再下单',
  '广交会见面，谈了年度框架协议',
  '参观工厂，验货通过 inspection passed',
  '包装要用中性纸箱 neutral cartons',
  '对价格不满意，要求降价百分之五',
  '质检报告已发邮件',
  'Asked for the new catalogue and price list',
  'Discussed payment terms: 30% T/T deposit, balance against B/L copy',
  'Sample approved, waiting for the PO',
  'Visited their warehouse; they stock our LED panels',
  'Meeting at Canton Fair booth 11.2',
  'Complained about late delivery of order PI-',
  '约好下周三再打电话',
];

/** Calls, notes, meetings and visits: two or three phrases each, some with a number. */
function bodyOf(rnd: () => number): string {
  const n = 2 + Math.floor(rnd() * 2);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(PHRASES[Math.floor(rnd() * PHRASES.length)]! + (rnd() < 0.3 ? ` ${Math.floor(rnd() * 9000) + 1000}` : ''));
  return parts.join('，');
}

/**
 * The mail bench's data folder (100k messages, 20k customers) copied, plus 1M activities with
 * Chinese and English bodies (most customers a few dozen, one 5,000), indexed as the migration
 * and the activity service index them. Kept in the temp folder between runs.
 */
async function activityBenchDataDir(): Promise<{ dir: string; seeded: string }> {
  const mailDir = await mailBenchDataDir();
  const dir = path.join(os.tmpdir(), `tradefolio-bench-activities-v1-${ACTIVITIES}`);
  const done = path.join(dir, '.complete');
  if (fs.existsSync(done)) return { dir, seeded: fs.readFileSync(done, 'utf8') };
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  // The mail folder is closed cleanly, so its WAL is checkpointed into the file.
  fs.copyFileSync(path.join(mailDir, DATABASE_FILE_NAME), path.join(dir, DATABASE_FILE_NAME));
  const opened = await openDatabase(path.join(dir, DATABASE_FILE_NAME));
  try {
    const { sqlite } = opened;
    const customers = sqlite.prepare('SELECT id FROM customers WHERE deleted_at IS NULL ORDER BY rid').pluck().all() as string[];
    const rnd = prng(11);
    const insert = sqlite.prepare(`INSERT INTO activities (id, customer_id, contact_id, kind, direction, subject, body, occurred_at, owner_id, created_at, updated_at, deleted_at)
      VALUES (?, ?, NULL, ?, ?, ?, ?, ?, NULL, ?, ?, NULL)`);
    const kinds = ['note', 'call', 'meeting', 'visit'] as const;
    const started = performance.now();
    for (let done = 0; done < ACTIVITIES; ) {
      const until = Math.min(ACTIVITIES, done + TX_ROWS);
      sqlite.transaction(() => {
        for (let i = done; i < until; i++) {
          // The first BIG_CUSTOMER_ACTIVITIES go to the first customer; the rest spread over all.
          const customer = i < BIG_CUSTOMER_ACTIVITIES ? customers[0]! : customers[Math.floor(rnd() * customers.length)]!;
          const at = BENCH_NOW - Math.floor(rnd() * 730 * DAY);
          const kind = kinds[Math.floor(rnd() * kinds.length)]!;
          insert.run(v7(), customer, kind, rnd() < 0.5 ? 'outbound' : 'inbound', kind === 'meeting' ? 'Canton Fair' : null, bodyOf(rnd), at, at, at);
        }
      })();
      done = until;
      if (done % 200_000 === 0) console.log(`  (… ${done} activities, ${((performance.now() - started) / 1000).toFixed(0)} s)`);
    }
    const inserted = (performance.now() - started) / 1000;
    // The notes column of every live customer: the same work migration 0008's backfill does.
    const indexStarted = performance.now();
    await opened.db.transaction().execute((trx) => reindexCustomerWriting(trx, customers));
    const indexed = (performance.now() - indexStarted) / 1000;
    const seeded = `${ACTIVITIES.toLocaleString('en')} activities inserted in ${inserted.toFixed(0)} s; search text of ${customers.length.toLocaleString('en')} customers written in ${indexed.toFixed(0)} s`;
    fs.writeFileSync(done, seeded);
    console.log(`  (${seeded})`);
    return { dir, seeded };
  } finally {
    await opened.close();
  }
}

/** search.all and the customer list's search over 100k messages plus 1M activities (issue 11, point 7). */
export async function benchActivitySearch(): Promise<string[]> {
  const { dir, seeded } = await activityBenchDataDir();
  const core = await createAppCore({ dataDir: dir, host: 'cli', version: 'bench', clock: fixedClock(BENCH_NOW), log: silentLogger });
  const sqlite = core.database().sqlite;
  const count = (sqlText: string) => sqlite.prepare(sqlText).pluck().get() as number;
  const mem = peakRss();
  const lines = [
    `- data: ${count('SELECT count(*) FROM mail_messages').toLocaleString('en')} messages, ${count('SELECT count(*) FROM activities').toLocaleString('en')} activities, ${count('SELECT count(*) FROM customers').toLocaleString('en')} customers (${seeded})`,
  ];
  const all: number[] = [];
  const list: number[] = [];
  const perQuery: string[] = [];
  for (const query of QUERIES) {
    const a = await timeCall(core, 'search.all', { query, limit: 10 }, REPS);
    const l = await timeCall(core, 'customers.list', { search: query, limit: 50 }, REPS);
    all.push(...a.samples);
    list.push(...l.samples);
    const r = a.value as { customers: { total: number }; messages: { total: number } };
    perQuery.push(
      `    - "${query}" (${r.customers.total.toLocaleString('en')} customers, ${r.messages.total.toLocaleString('en')} messages): search.all ${fmt(stats(a.samples))}; customers.list ${fmt(stats(l.samples))}`,
    );
  }
  const sAll = stats(all);
  const sList = stats(list);
  lines.push(`- search.all, ${QUERIES.length} queries: ${fmt(sAll)}; ${verdict(sAll, 50)}`);
  lines.push(`- customers.list search (sort by name, 50 rows): ${fmt(sList)}; ${verdict(sList, 50)}`, ...perQuery);

  // One logged call on the customer with the longest history rewrites its search row.
  const big = sqlite.prepare('SELECT customer_id FROM activities WHERE deleted_at IS NULL GROUP BY customer_id ORDER BY count(*) DESC LIMIT 1').pluck().get() as string;
  const history = count(`SELECT count(*) FROM activities WHERE deleted_at IS NULL AND customer_id = '${big}'`);
  const creates: number[] = [];
  const removes: number[] = [];
  for (let i = 0; i < 10; i++) {
    let t = performance.now();
    const res = await core.dispatch('activities.create', { customerId: big, kind: 'call', subject: null, body: `客户要求先寄样品，报价 FOB Ningbo ${i}`, occurredAt: BENCH_NOW });
    creates.push(performance.now() - t);
    if (!res.ok) throw new Error(JSON.stringify(res.error));
    t = performance.now();
    await core.dispatch('activities.remove', { id: (res.value as { id: string }).id });
    removes.push(performance.now() - t);
  }
  const typical = sqlite.prepare('SELECT customer_id FROM activities WHERE deleted_at IS NULL AND customer_id != ? LIMIT 1').pluck().get(big) as string;
  const small: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    const res = await core.dispatch('activities.create', { customerId: typical, kind: 'note', subject: null, body: `样品 ${i}`, occurredAt: BENCH_NOW });
    small.push(performance.now() - t);
    if (res.ok) await core.dispatch('activities.remove', { id: (res.value as { id: string }).id });
  }
  const typicalHistory = count(`SELECT count(*) FROM activities WHERE deleted_at IS NULL AND customer_id = '${typical}'`);
  lines.push(
    `- activities.create on a customer with ${history.toLocaleString('en')} activities: ${fmt(stats(creates))}; activities.remove: ${fmt(stats(removes))}; create on one with ${typicalHistory}: ${fmt(stats(small))}`,
  );
  const peak = mem.stop();
  lines.push(`- peak RSS: ${peak.toFixed(0)} MB; database ${(fs.statSync(path.join(dir, DATABASE_FILE_NAME)).size / 2 ** 20).toFixed(0)} MB`);
  await core.close();
  return lines;
}
