import fs from 'node:fs';
import path from 'node:path';
import { createAppCore, DATABASE_FILE_NAME } from '../../electron/services/core/app-core.ts';
import { fixedClock } from '../../electron/services/core/clock.ts';
import { silentLogger } from '../../electron/services/core/logger.ts';
import { seedCustomers } from '../fixtures/customer-fixtures.ts';
import { seedMailVolume } from '../fixtures/mail-volume.ts';
import { BENCH_NOW, cachedBenchDir, fmt, peakRss, stats, timeCall, verdict } from './bench-kit.ts';

const MESSAGES = 100_000;
const CUSTOMERS = 20_000;
const REPS = 30;

const QUERIES_ZH = ['报价', '样品', '报价单', '样品照片', '发货通知', '深圳明华', '价格调整', '太阳能路灯', '质检报告'];
const QUERIES_EN = ['quotation', 'quot', 'sample', 'samples shipped', 'canton fair', 'packing list', 'power bank', 'gmail', 'pi-1234', 'zzzz'];

/** A data folder with customers and 100k messages, kept in the temp folder between runs. */
export function mailBenchDataDir(): Promise<string> {
  return cachedBenchDir(`tradefolio-bench-mail-v1-${CUSTOMERS}-${MESSAGES}`, async (opened) => {
    const started = performance.now();
    seedCustomers(opened.sqlite, { customers: CUSTOMERS, now: BENCH_NOW, seed: 7 });
    await seedMailVolume(opened.db, opened.sqlite, {
      messages: MESSAGES,
      now: BENCH_NOW,
      onProgress: (n) => {
        if (n % 20_000 === 0) console.log(`  (… ${n} messages, ${((performance.now() - started) / 1000).toFixed(0)} s)`);
      },
    });
    return `${CUSTOMERS} customers and ${MESSAGES} messages`;
  });
}

/** search.all at 100k messages (Chinese and English queries), plus leads.list and waiting-for-reply on the same data. */
export async function benchMailSearch(): Promise<string[]> {
  const dataDir = await mailBenchDataDir();
  const core = await createAppCore({ dataDir, host: 'cli', version: 'bench', clock: fixedClock(BENCH_NOW), log: silentLogger });
  const count = (table: string) => core.database().sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  const messages = count('mail_messages');
  const mem = peakRss();
  const lines: string[] = [];
  const groups: Array<[string, string[]]> = [
    ['Chinese', QUERIES_ZH],
    ['English', QUERIES_EN],
  ];
  const all: number[] = [];
  const perQuery: string[] = [];
  for (const [label, queries] of groups) {
    const mine: number[] = [];
    for (const query of queries) {
      const { samples, value } = await timeCall(core, 'search.all', { query, limit: 10 }, REPS);
      const r = value as { customers: { total: number }; messages: { total: number } };
      mine.push(...samples);
      perQuery.push(`    - "${query}" (${r.messages.total.toLocaleString('en')} messages, ${r.customers.total} customers): ${fmt(stats(samples))}`);
    }
    all.push(...mine);
    perQuery.push(`  - ${label} queries: ${fmt(stats(mine))}`);
  }
  const s = stats(all);
  lines.push(`- search.all at ${messages.toLocaleString('en')} messages / ${CUSTOMERS.toLocaleString('en')} customers — all queries: ${fmt(s)}; ${verdict(s, 50)}`, ...perQuery);

  const leads = await timeCall(core, 'leads.list', { limit: 50 }, 10);
  const leadTotal = (leads.value as { total: number }).total;
  lines.push(`- leads.list, first 50 of ${leadTotal.toLocaleString('en')} leads (${count('mail_messages WHERE filed = 0').toLocaleString('en')} unfiled messages): ${fmt(stats(leads.samples))}`);
  const waiting = await timeCall(core, 'reminders.waitingForReply', { limit: 100 }, 20);
  const counts = await timeCall(core, 'reminders.counts', {}, 20);
  lines.push(
    `- reminders.waitingForReply (${(waiting.value as { total: number }).total} customers waiting): ${fmt(stats(waiting.samples))}; reminders.counts: ${fmt(stats(counts.samples))}`,
  );
  const peak = mem.stop();
  lines.push(`- peak RSS during these queries: ${peak.toFixed(0)} MB; database ${(fs.statSync(path.join(dataDir, DATABASE_FILE_NAME)).size / 2 ** 20).toFixed(0)} MB`);
  await core.close();
  return lines;
}
