import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/**
 * A child process per setting (V8 flags are process-wide and stay set): a workload like an
 * import's — objects that live a while (a batch in flight) among much short-lived garbage —
 * and the largest heap V8 reserved for it, which is what shows in the process's RSS.
 */
const WORKLOAD = `
const lean = process.argv[1] === 'lean';
if (lean) (await import(${JSON.stringify(new URL('../../../../electron/hosts/lean-heap.ts', import.meta.url).pathname)})).useLeanHeap();
const batch = new Array(4000);
let peak = 0;
for (let i = 0; i < 400000; i++) {
  batch[i % batch.length] = { id: i, text: 'message ' + i, parts: Array.from({ length: 40 }, (_, k) => k * i) };
  if (i % 1000 === 0) peak = Math.max(peak, process.memoryUsage().heapTotal);
}
console.log(peak);
`;

function peakHeapMb(setting: 'lean' | 'default'): number {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', WORKLOAD, setting], { encoding: 'utf8' });
  return Number(out.trim()) / 2 ** 20;
}

describe('useLeanHeap', () => {
  it('keeps the heap V8 reserves for a busy workload well below the default', () => {
    const lean = peakHeapMb('lean');
    const plain = peakHeapMb('default');
    // Measured 2026-12-02: ~23 MB lean against ~75 MB by default.
    expect(lean).toBeLessThan(plain * 0.6);
  });
});
