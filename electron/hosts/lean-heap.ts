import v8 from 'node:v8';

/**
 * V8 settings that keep a TradeFolio process near its live memory during bulk work (a mail
 * import, the first sync of a mailbox, an export). Left to its defaults V8 lets a busy isolate's
 * young generation grow to 3 × 16 MB and its old generation to several times what is live
 * before it collects, and ArrayBuffers (every raw message is one) are freed only then: the
 * CLI's import of the corpus peaked at 450–460 MB RSS with ~40 MB live on the main thread and
 * ~25 MB in the parse worker. With these two it peaked at 268–276 MB at the same CPU time
 * (12.9–13.4 s user + sys both ways), and 260–290 MB for a 100,000-message mbox (2026-12-02,
 * test/bench/RESULTS.md › Mail import).
 *
 * - `--semi-space-growth-factor=1`: the young generation stays at its starting size instead of
 *   doubling while much survives; scavenges are more frequent but each is smaller.
 * - `--heap-growing-percent=30`: the old generation is collected when it has grown 30 % past
 *   what the last full collection left, rather than by V8's own factor of up to 4.
 *
 * Given at run time rather than on the command line because neither the packaged Electron app
 * nor `npm run cli` controls its own command line; V8 reads both flags as it sizes its spaces,
 * so they take effect from the next collection on, and a worker thread made afterwards (the
 * parse worker) starts with them.
 */
export const LEAN_HEAP_FLAGS = ['--semi-space-growth-factor=1', '--heap-growing-percent=30'] as const;

export function useLeanHeap(): void {
  for (const flag of LEAN_HEAP_FLAGS) v8.setFlagsFromString(flag);
}
