import { createAppCore } from '../../electron/services/core/app-core.ts';
import { fixedClock } from '../../electron/services/core/clock.ts';
import { silentLogger } from '../../electron/services/core/logger.ts';
import { BENCH_NOW } from './bench-kit.ts';

/**
 * One fresh process's first visit to the Duplicates page, for duplicates.bench.ts:
 * `node duplicates-first-call.main.ts <data dir> <mode> [delay ms]`, printing one JSON line.
 * - cold: the core opened and customers.findDuplicates asked at once, no warm-up: every group
 *   found and ranked from nothing while the call waits;
 * - after-start: as a host starts (AppCore.warmUp: the first screen's calls, then the duplicate
 *   groups, in the background), the page asked `delay` ms after the core opened — 0 = a click
 *   right at start, which waits for the warm-up under way.
 * Wall and CPU time of the call itself, from asking to the answer.
 */
const [dataDir, mode, delayText] = process.argv.slice(2);
if (!dataDir || (mode !== 'cold' && mode !== 'after-start')) throw new Error('usage: duplicates-first-call.main.ts <data dir> cold|after-start [delay ms]');
const core = await createAppCore({ dataDir, host: 'cli', version: 'bench', clock: fixedClock(BENCH_NOW), log: silentLogger });
let warmed = Promise.resolve();
if (mode === 'after-start') {
  warmed = core.warmUp();
  const delay = Number(delayText ?? 0);
  if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
}
const cpu = process.cpuUsage();
const started = performance.now();
const res = await core.dispatch('customers.findDuplicates', { offset: 0, limit: 20 });
const wall = performance.now() - started;
const used = process.cpuUsage(cpu);
if (!res.ok) throw new Error(JSON.stringify(res.error));
const page = res.value as { total: number; groups: unknown[] };
await warmed;
await core.close();
console.log(JSON.stringify({ wall, cpu: (used.user + used.system) / 1000, total: page.total, groups: page.groups.length }));
