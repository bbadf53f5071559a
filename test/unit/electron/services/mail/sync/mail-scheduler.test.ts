import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../../../../electron/services/core/logger.ts';
import { backoffDelay, createMailScheduler, type MailSchedulerDeps } from '../../../../../../electron/services/mail/sync/mail-scheduler.ts';
import { manualTimers, settle } from '../../../../../helpers/manual-timers.ts';

describe('reconnect backoff', () => {
  it('doubles from the base up to the cap', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4, 5, 6, 10].map((n) => backoffDelay(n, 15_000, 900_000, mid))).toEqual([15_000, 30_000, 60_000, 120_000, 240_000, 480_000, 900_000]);
  });

  it('spreads retries by ±25 % so clients do not return in lockstep', () => {
    expect(backoffDelay(3, 1_000, 60_000, () => 0)).toBe(3_000);
    expect(backoffDelay(3, 1_000, 60_000, () => 0.999_999)).toBe(5_000);
  });
});

const MINUTE = 60_000;

/**
 * A scheduler on a test clock, with an account whose sync answers `outcome` and an IDLE
 * watcher the test can notify or drop. Nothing sleeps: time moves by `advance`.
 */
function harness(outcome: { ok: boolean } = { ok: true }) {
  const t = manualTimers();
  const syncs: Array<{ at: number; folders: readonly string[] | undefined }> = [];
  const watchers: Array<{ notify: () => void; drop: () => void; signal: AbortSignal }> = [];
  const recovered: string[] = [];
  const deps: MailSchedulerDeps = {
    log: silentLogger,
    clock: t.clock,
    timers: t.timers,
    accounts: async () => ['acc'],
    sync: async (_id, folders) => {
      syncs.push({ at: t.clock.now(), folders });
      return outcome.ok;
    },
    watch: (_id, onChange, signal) =>
      new Promise<void>((resolve) => {
        watchers.push({ notify: onChange, drop: resolve, signal });
        signal.addEventListener('abort', () => resolve(), { once: true });
      }),
    intervalMs: 10 * MINUTE,
    backoff: { baseMs: 15_000, maxMs: 15 * MINUTE },
    debounceMs: 500,
    onRecovered: (id) => recovered.push(id),
    random: () => 0.5,
  };
  const scheduler = createMailScheduler(deps);
  const since = (start: number) => syncs.map((s) => ({ after: s.at - start, folders: s.folders }));
  return { t, syncs, watchers, recovered, scheduler, since };
}

describe('the mail scheduler on a test clock', () => {
  it('syncs at once, opens an IDLE watcher, and syncs every folder again each interval', async () => {
    const h = harness();
    const start = h.t.clock.now();
    await h.scheduler.refresh();
    await settle();
    expect(h.since(start)).toEqual([{ after: 0, folders: undefined }]);
    expect(h.watchers).toHaveLength(1);
    expect(h.scheduler.retryAt('acc')).toBeNull();

    await h.t.advance(10 * MINUTE - 1);
    expect(h.syncs).toHaveLength(1);
    await h.t.advance(1);
    await h.t.advance(10 * MINUTE);
    expect(h.since(start)).toEqual([
      { after: 0, folders: undefined },
      { after: 10 * MINUTE, folders: undefined },
      { after: 20 * MINUTE, folders: undefined },
    ]);
    // Still the one watcher: a successful pass does not open another.
    expect(h.watchers).toHaveLength(1);
    await h.scheduler.stop();
  });

  it('folds a burst of IDLE notifications into one Inbox sync after the quiet time', async () => {
    const h = harness();
    await h.scheduler.refresh();
    await settle();
    const start = h.t.clock.now();
    const watcher = h.watchers[0]!;
    watcher.notify();
    await h.t.advance(300);
    watcher.notify();
    await h.t.advance(300);
    watcher.notify();
    await h.t.advance(499);
    expect(h.syncs).toHaveLength(1);
    await h.t.advance(1);
    expect(h.since(start).slice(1)).toEqual([{ after: 1_100, folders: ['INBOX'] }]);
    await h.scheduler.stop();
  });

  it('retries a failing account with growing backoff, says when, and reports the recovery', async () => {
    const outcome = { ok: false };
    const h = harness(outcome);
    const start = h.t.clock.now();
    await h.scheduler.refresh();
    await settle();
    expect(h.watchers).toHaveLength(0);
    expect(h.scheduler.retryAt('acc')).toBe(start + 15_000);

    await h.t.advance(15_000);
    expect(h.scheduler.retryAt('acc')).toBe(start + 15_000 + 30_000);
    outcome.ok = true;
    await h.t.advance(30_000);
    expect(h.since(start).map((s) => s.after)).toEqual([0, 15_000, 45_000]);
    expect(h.recovered).toEqual(['acc']);
    expect(h.scheduler.retryAt('acc')).toBeNull();
    expect(h.watchers).toHaveLength(1);
    await h.scheduler.stop();
  });

  it('reconnects after the IDLE connection drops: a pause, a full sync, a new watcher', async () => {
    const h = harness();
    await h.scheduler.refresh();
    await settle();
    const dropped = h.t.clock.now();
    h.watchers[0]!.drop();
    await settle();
    expect(h.scheduler.retryAt('acc')).toBe(dropped + 15_000);
    await h.t.advance(15_000);
    expect(h.since(dropped).slice(1)).toEqual([{ after: 15_000, folders: undefined }]);
    expect(h.watchers).toHaveLength(2);
    expect(h.scheduler.retryAt('acc')).toBeNull();
    await h.scheduler.stop();
  });

  it('a poke syncs now and forgets the backoff; stop leaves no timer behind', async () => {
    const outcome = { ok: false };
    const h = harness(outcome);
    const start = h.t.clock.now();
    await h.scheduler.refresh();
    await h.t.advance(15_000);
    await h.t.advance(1_000);
    expect(h.scheduler.retryAt('acc')).toBe(start + 45_000);

    outcome.ok = true;
    h.scheduler.poke('acc');
    await settle();
    expect(h.since(start).map((s) => s.after)).toEqual([0, 15_000, 16_000]);
    expect(h.scheduler.retryAt('acc')).toBeNull();

    await h.scheduler.stop();
    expect(h.watchers.every((w) => w.signal.aborted)).toBe(true);
    expect(h.t.pendingCount()).toBe(0);
    await h.t.advance(60 * MINUTE);
    expect(h.syncs).toHaveLength(3);
  });
});
