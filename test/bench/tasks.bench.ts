import { createAppCore } from '../../electron/services/core/app-core.ts';
import { fixedClock } from '../../electron/services/core/clock.ts';
import { silentLogger } from '../../electron/services/core/logger.ts';
import { tasksDue } from '../../electron/services/tasks/tasks.queries.ts';
import { seedCustomers } from '../fixtures/customer-fixtures.ts';
import { seedTasks } from '../fixtures/task-fixtures.ts';
import { BENCH_NOW, cachedBenchDir, fmt, peakRss, stats, timeCall, verdict } from './bench-kit.ts';

/**
 * `npm run bench -- tasks` (issue 14 points 1 and 9): 100,000 tasks over 20,000 customers. Today's
 * seam (tasksDue: open ones due by the end of the day, all owners and one) and the Tasks page's
 * lists, through the core where they are calls. Target p95 < 50 ms (Today's queries).
 */
const CUSTOMERS = 20_000;
const TASKS = 100_000;
const REPS = 50;

export async function benchTasks(): Promise<string[]> {
  const lines = [`## tasks (${TASKS.toLocaleString('en')} tasks over ${CUSTOMERS.toLocaleString('en')} customers)`];
  const dataDir = await cachedBenchDir('tradefolio-bench-tasks-v5', async (opened) => {
    seedCustomers(opened.sqlite, { customers: CUSTOMERS, activitiesPerCustomer: 0, now: BENCH_NOW, seed: 14 });
    seedTasks(opened.sqlite, { count: TASKS, now: BENCH_NOW });
    return `${CUSTOMERS} customers, ${TASKS} tasks`;
  });
  const rss = peakRss();
  const core = await createAppCore({ dataDir, host: 'cli', version: 'bench', clock: fixedClock(BENCH_NOW), log: silentLogger });
  try {
    const { sqlite, db } = core.database();
    const owner = sqlite.prepare('SELECT owner_id FROM tasks WHERE owner_id IS NOT NULL LIMIT 1').pluck().get() as string;
    const until = BENCH_NOW + 86_400_000;
    for (const [label, input] of [
      ['all owners', { until, limit: 20 }],
      ['one owner', { until, ownerId: owner, limit: 20 }],
    ] as const) {
      await tasksDue(db, input, BENCH_NOW);
      const samples: number[] = [];
      let total = 0;
      for (let i = 0; i < REPS; i++) {
        const t = performance.now();
        total = (await tasksDue(db, input, BENCH_NOW)).total;
        samples.push(performance.now() - t);
      }
      const s = stats(samples);
      lines.push(`- tasksDue ${label} (${total.toLocaleString('en')} due, first 20): ${fmt(s)} — ${verdict(s, 50)}`);
    }
    for (const input of [{ status: 'open' }, { status: 'overdue', ownerId: owner }, { status: 'done' }, { status: 'all' }, { status: 'open', offset: 1000 }]) {
      const s = stats((await timeCall(core, 'tasks.list', { limit: 50, ...input }, REPS)).samples);
      lines.push(`- tasks.list ${JSON.stringify(input)}: ${fmt(s)}`);
    }
    // Complete then reopen 20 customers' tasks: each writes (then deletes) a timeline entry, moves
    // last contact and rewrites the customer's search text.
    const ids = sqlite.prepare('SELECT id FROM tasks WHERE done_at IS NULL AND deleted_at IS NULL AND customer_id IS NOT NULL LIMIT 20').pluck().all() as string[];
    const writes: number[] = [];
    for (const id of ids) {
      for (const key of ['tasks.complete', 'tasks.reopen'] as const) {
        const t = performance.now();
        const res = await core.dispatch(key, { id });
        writes.push(performance.now() - t);
        if (!res.ok) throw new Error(JSON.stringify(res.error));
      }
    }
    lines.push(`- tasks.complete / tasks.reopen of a customer's task: ${fmt(stats(writes))}`);
    lines.push(`- peak RSS ${rss.stop().toFixed(0)} MB`);
  } finally {
    await core.close();
  }
  return lines;
}
