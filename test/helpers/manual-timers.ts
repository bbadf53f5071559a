import { fixedClock } from '../../electron/services/core/clock.ts';
import type { SchedulerTimers } from '../../electron/services/mail/sync/mail-scheduler.ts';

/** Lets every promise chain that is ready run (a macrotask turn), without waiting on any clock. */
export const settle = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
};

/**
 * A clock and timers that move only when the test says so: `advance(ms)` runs every timer that
 * falls due, in order, with the clock at its due time, letting promises settle after each.
 */
export function manualTimers(start = Date.UTC(2026, 0, 5, 9, 0, 0)) {
  const clock = fixedClock(start);
  let seq = 0;
  const pending = new Map<number, { at: number; fn: () => void }>();
  const timers: SchedulerTimers = {
    set(fn, ms) {
      const id = seq++;
      pending.set(id, { at: clock.now() + ms, fn });
      return () => pending.delete(id);
    },
  };
  return {
    clock,
    timers,
    /** Timers waiting, for asserting that nothing is left running. */
    pendingCount: () => pending.size,
    async advance(ms: number): Promise<void> {
      const end = clock.now() + ms;
      await settle();
      for (;;) {
        const next = [...pending.entries()].sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
        if (!next || next[1].at > end) break;
        pending.delete(next[0]);
        clock.set(next[1].at);
        next[1].fn();
        await settle();
      }
      clock.set(end);
    },
  };
}
