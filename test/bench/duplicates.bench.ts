import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createAppCore } from '../../electron/services/core/app-core.ts';
import { fixedClock } from '../../electron/services/core/clock.ts';
import { silentLogger } from '../../electron/services/core/logger.ts';
import { mergeCustomers } from '../../electron/services/customers/merge.ts';
import { launchBrowser, openApp } from '../helpers/browser.ts';
import { duplicatesCodeLoaded, firstGroupPainted } from '../helpers/duplicates-page.ts';
import { startTestApp } from '../helpers/web-app.ts';
import { benchDataDir, BENCH_NOW, fmt, peakRss, stats, type Stats } from './bench-kit.ts';

type DupPage = { total: number; groups: Array<{ customers: Array<{ id: string }> }> };

/** Wall and CPU milliseconds of one awaited call: CPU time is what the shared, loaded machine distorts least. */
async function timed<T>(run: () => Promise<T>): Promise<{ wall: number; cpu: number; value: T }> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const value = await run();
  const wall = performance.now() - t;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000, value };
}

const fmtCpu = (cpu: number[]) => `CPU p50 ${stats(cpu).p50.toFixed(0)} ms`;
const verdict1s = (s: Stats) => `target < 1 s: ${s.p95 < 1000 ? 'MET' : 'NOT MET'}`;

/**
 * customers.findDuplicates (issue 11, point 8) through the dispatcher, at each size:
 * - the first call in a process: every group found and ranked from nothing (the full recompute);
 * - after a write (a row in a temp table renews the write stamp, as any write by any path does):
 *   the name groups kept since the last call are brought up to date, only changed blocks regrouped;
 * - after renaming one customer (its old and new name blocks are grouped again);
 * - the first page again and a middle page, nothing written since;
 * - "not duplicates" and the first page again, and its undo;
 * - a merge of the first groups (timed inside a transaction that is then rolled back, so the
 *   cached data folder stays as seeded), and a merge with the page reloaded after it.
 */
export async function benchDuplicates(sizes: number[]): Promise<string[]> {
  const lines: string[] = [];
  for (const size of sizes) {
    const dataDir = await benchDataDir(size, size >= 100_000 ? 10 : 3);
    const core = await createAppCore({ dataDir, host: 'cli', version: 'bench', clock: fixedClock(BENCH_NOW), log: silentLogger });
    const find = async (input: { offset: number; limit: number }): Promise<DupPage> => {
      const res = await core.dispatch('customers.findDuplicates', input);
      if (!res.ok) throw new Error(JSON.stringify(res.error));
      return res.value as DupPage;
    };
    const mem = peakRss();
    const sqlite = core.database().sqlite;
    const full = await timed(() => find({ offset: 0, limit: 20 }));
    let first = full.value;
    sqlite.exec('CREATE TEMP TABLE bench_bump (a)');
    const bump = sqlite.prepare('INSERT INTO bench_bump VALUES (1)');
    const afterWrite: number[] = [];
    const afterWriteCpu: number[] = [];
    for (let i = 0; i < 7; i++) {
      bump.run();
      const r = await timed(() => find({ offset: 0, limit: 20 }));
      afterWrite.push(r.wall);
      afterWriteCpu.push(r.cpu);
      first = r.value;
    }
    // A rename moves one customer between name blocks: both are grouped again.
    const renamed = first.groups.at(-1)!.customers[0]!.id;
    const rename = sqlite.prepare('UPDATE customers SET name = ?, name_key = ? WHERE id = ?');
    const original = sqlite.prepare('SELECT name, name_key FROM customers WHERE id = ?').get(renamed) as { name: string; name_key: string };
    const afterRename: number[] = [];
    for (let i = 0; i < 4; i++) {
      if (i % 2 === 0) rename.run('Zebra Quartz Holdings', 'zebra quartz holdings', renamed);
      else rename.run(original.name, original.name_key, renamed);
      afterRename.push((await timed(() => find({ offset: 0, limit: 20 }))).wall);
    }
    const firstPage: number[] = [];
    const laterPage: number[] = [];
    for (let i = 0; i < 5; i++) {
      firstPage.push((await timed(() => find({ offset: 0, limit: 20 }))).wall);
      laterPage.push((await timed(() => find({ offset: Math.floor(first.total / 2), limit: 20 }))).wall);
    }
    const ids = first.groups[0]!.customers.map((c) => c.id);
    const dismissMs: number[] = [];
    for (let i = 0; i < 3; i++) {
      dismissMs.push(
        (
          await timed(async () => {
            await core.dispatch('customers.dismissDuplicates', { ids });
            await find({ offset: 0, limit: 20 });
          })
        ).wall,
      );
      await core.dispatch('customers.restoreDuplicates', { ids });
    }
    const mergeMs: number[] = [];
    const mergeAndPage: number[] = [];
    const rollback = new Error('rollback');
    for (let i = 0; i < 6; i++) {
      const group = first.groups[i % 3]!.customers.map((c) => c.id);
      const t = performance.now();
      let took = 0;
      await core
        .database()
        .db.transaction()
        .execute(async (trx) => {
          await mergeCustomers(trx, group[0]!, group.slice(1), BENCH_NOW);
          took = performance.now() - t;
          throw rollback;
        })
        .catch((err: unknown) => {
          if (err !== rollback) throw err;
        });
      mergeMs.push(took);
      // The page reloads after a merge (the rollback renewed the stamp, as the merge's commit would).
      await find({ offset: 0, limit: 20 });
      mergeAndPage.push(performance.now() - t);
    }
    const peak = mem.stop();
    await core.close();
    const w = stats(afterWrite);
    const m = stats(mergeMs);
    const sizeText = size.toLocaleString('en');
    lines.push(
      `- customers.findDuplicates at ${sizeText} customers (${first.total.toLocaleString('en')} groups), first page of 20; peak RSS ${peak.toFixed(0)} MB`,
      `    - first call of the process, every group found and ranked from nothing: ${full.wall.toFixed(0)} ms (CPU ${full.cpu.toFixed(0)} ms)`,
      `    - after a write (name groups kept, changed blocks regrouped): ${fmt(w)}; ${fmtCpu(afterWriteCpu)}; ${verdict1s(w)}`,
      `    - after renaming one customer into another block and back: ${fmt(stats(afterRename))}`,
      `    - first page again, nothing written since: ${fmt(stats(firstPage))}`,
      `    - a page in the middle, nothing written since: ${fmt(stats(laterPage))}`,
      `    - "not duplicates" + first page again: ${fmt(stats(dismissMs))}`,
      `    - merge of a group (${first.groups[0]!.customers.length}–${Math.max(...first.groups.slice(0, 3).map((g) => g.customers.length))} customers, rolled back): ${fmt(m)}; ${verdict1s(m)}`,
      `    - merge + first page again: ${fmt(stats(mergeAndPage))}`,
    );
  }
  return lines;
}

interface FirstCall {
  wall: number;
  cpu: number;
  total: number;
}

/** One fresh process's first call (duplicates-first-call.main.ts). */
function firstCallInNewProcess(dataDir: string, mode: 'cold' | 'after-start', delay = 0): FirstCall {
  const out = execFileSync(process.execPath, [path.join(import.meta.dirname, 'duplicates-first-call.main.ts'), dataDir, mode, String(delay)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').at(-1)!) as FirstCall;
}

/**
 * The first visit to the Duplicates page in a fresh process, as a user meets it (issue 11, point
 * 8): with no warm-up (every group found and ranked while the call waits), and after a host start
 * (AppCore.warmUp ranks the groups in the background) with the click at once or a second later.
 * `runs` processes per figure, taken in turn so they meet the same load.
 */
export async function benchDuplicatesFirstCall(sizes: number[], runs = 5): Promise<string[]> {
  const lines: string[] = [];
  for (const size of sizes) {
    const dataDir = await benchDataDir(size, size >= 100_000 ? 10 : 3);
    const cold: FirstCall[] = [];
    const atStart: FirstCall[] = [];
    const later: FirstCall[] = [];
    firstCallInNewProcess(dataDir, 'cold'); // migrates the cached folder if it must, and fills the OS page cache
    for (let i = 0; i < runs; i++) {
      cold.push(firstCallInNewProcess(dataDir, 'cold'));
      atStart.push(firstCallInNewProcess(dataDir, 'after-start', 0));
      later.push(firstCallInNewProcess(dataDir, 'after-start', 1000));
    }
    const line = (label: string, calls: FirstCall[]) => {
      const w = stats(calls.map((c) => c.wall));
      return `    - ${label}: ${fmt(w)}; ${fmtCpu(calls.map((c) => c.cpu))}; ${verdict1s(w)}`;
    };
    lines.push(
      `- Duplicates page, first call of a fresh process at ${size.toLocaleString('en')} customers (${cold[0]!.total.toLocaleString('en')} groups), first page of 20, ${runs} processes each:`,
      line('no warm-up: every group found and ranked while the call waits', cold),
      line('clicked as the host starts (warm-up under way: the call waits for it)', atStart),
      line('clicked 1 s after the host started', later),
    );
  }
  return lines;
}

/** An app page with its list shown and the other screens' code preloaded (as a minute after start). */
async function settledApp(browser: Browser, host: Parameters<typeof openApp>[1]): Promise<Page> {
  const page = await openApp(browser, host, { locale: 'en-US' });
  await page.getByTestId('customer-row').first().waitFor();
  await duplicatesCodeLoaded(page);
  return page;
}

/**
 * "First groups visible" in Debian's Chromium through the web host, 10,000 customers: from the
 * click on Duplicates in the navigation to the paint of the first group (Element Timing), in a
 * settled app; each time after a write, so the server brings its groups up to date first. Also a
 * fresh load of `#/duplicates` (navigation start to that paint), the server's answer unchanged.
 */
export async function benchDuplicatesPaint(loads = 15, seeded?: string): Promise<string[]> {
  const dataDir = seeded ?? (await benchDataDir(10_000, 3));
  const app = await startTestApp({ dataDir, checkOutputs: false });
  const sqlite = app.core.database().sqlite;
  sqlite.exec('CREATE TEMP TABLE IF NOT EXISTS bench_bump (a)');
  const bump = sqlite.prepare('INSERT INTO bench_bump VALUES (1)');
  const browser = await launchBrowser();
  const click: number[] = [];
  const fresh: number[] = [];
  const drawn: number[] = [];
  try {
    for (let i = 0; i < loads; i++) {
      const page = await settledApp(browser, app.host);
      bump.run();
      const painted = firstGroupPainted(page);
      const clickedAt = await page.evaluate(() => {
        const at = performance.now();
        (document.querySelector('[data-testid="nav-duplicates"]') as HTMLElement).click();
        return at;
      });
      const { paintedAt, drawnAtOnce } = await painted;
      click.push(paintedAt - clickedAt);
      drawn.push(drawnAtOnce);
      await page.close();

      const direct = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
      const p2 = await direct.newPage();
      await p2.goto(`${app.host.url}#/duplicates`, { waitUntil: 'commit' });
      fresh.push((await firstGroupPainted(p2)).paintedAt);
      await direct.close();
    }
  } finally {
    await browser.close();
    await app.close();
  }
  const c = stats(click);
  return [
    `- Duplicates page, first group visible after the click in the navigation (10,000 customers, Chromium, settled app, a write just before): ${fmt(c)}; groups drawn by the render that showed the first: ${Math.min(...drawn)}–${Math.max(...drawn)} of 20; target < 1 s: ${c.p95 < 1000 ? 'MET' : 'NOT MET'}`,
    `- the same from a fresh load of #/duplicates (navigation start to first group painted): ${fmt(stats(fresh))}`,
  ];
}
