import { createAppCore } from '../../electron/services/core/app-core.ts';
import { silentLogger } from '../../electron/services/core/logger.ts';
import type { ImportBatch } from '../../shared/contract/imports.contract.ts';

/**
 * One contact import in a process of its own, so its peak RSS is the import's alone:
 * `node contacts-import.main.ts <data dir> <sheet> [--probe]` prints {ms, previewMs, batch,
 * maxRssMb, mainCpuMs, cpuMs, probe} as JSON. mainCpuMs is the main thread's CPU alone (the
 * rows are read on a worker thread), a figure less swayed by other work on the host than ms.
 * With --probe, `customers.list` is called every 50 ms during the import, as a screen would,
 * and `probe` gives how long those calls took to answer from when they were due (issue 12: the UI stalled during a big
 * import): the median, p95 and worst, in ms.
 */
const [dataDir, sheet, flag] = process.argv.slice(2);
if (!dataDir || !sheet) throw new Error('usage: contacts-import.main.ts <data dir> <sheet> [--probe]');
const core = await createAppCore({ dataDir, host: 'cli', version: 'bench', log: silentLogger });

const PROBE_EVERY_MS = 50;

/** Calls customers.list every PROBE_EVERY_MS until stopped; returns each call's time to answer. */
function startProbe(): () => Promise<number[]> {
  const took: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      // From when the call was due: a busy event loop delays a call (an IPC message) before it starts.
      const due = performance.now() + PROBE_EVERY_MS;
      await new Promise((resolve) => setTimeout(resolve, PROBE_EVERY_MS));
      await core.dispatch('customers.list', { limit: 50 });
      took.push(performance.now() - due);
    }
  })();
  return async () => {
    running = false;
    await loop;
    return took;
  };
}

const rank = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? 0;
try {
  const call = async (key: string, input: unknown) => {
    const result = await core.dispatch(key as never, input as never);
    if (!result.ok) throw new Error(`${key}: ${JSON.stringify(result.error)}`);
    return result.value as unknown;
  };
  const started = performance.now();
  const preview = (await call('imports.previewContacts', { path: sheet })) as { sheets: Array<{ mapping: Array<{ target: unknown }> }> };
  const previewMs = performance.now() - started;
  const cpu0 = process.cpuUsage();
  const main0 = process.threadCpuUsage();
  const stopProbe = flag === '--probe' ? startProbe() : null;
  const batch = (await call('imports.applyContacts', { path: sheet, mapping: preview.sheets[0]!.mapping.map((m) => m.target), defaultOwnerId: null })) as ImportBatch;
  const ms = performance.now() - started - previewMs;
  const cpu = process.cpuUsage(cpu0);
  const main = process.threadCpuUsage(main0);
  const took = stopProbe ? (await stopProbe()).sort((a, b) => a - b) : [];
  const probe = stopProbe ? { calls: took.length, p50: rank(took, 0.5), p95: rank(took, 0.95), max: took.at(-1) ?? 0 } : null;
  const mainCpuMs = (main.user + main.system) / 1000;
  const cpuMs = (cpu.user + cpu.system) / 1000;
  console.log(JSON.stringify({ ms, previewMs, batch, maxRssMb: process.resourceUsage().maxRSS / 1024, mainCpuMs, cpuMs, probe }));
} finally {
  await core.close();
}
