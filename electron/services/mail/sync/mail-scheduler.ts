import type { Clock } from '../../core/clock.ts';
import type { Logger } from '../../core/logger.ts';

/**
 * The scheduler's timers, injected with its Clock so a test drives both instead of sleeping.
 * `set` runs `fn` once after `ms` and returns what cancels it.
 */
export interface SchedulerTimers {
  set(fn: () => void, ms: number): () => void;
}

/** Node's timers, unref'd so they never keep a CLI process alive. */
export const systemTimers: SchedulerTimers = {
  set(fn, ms) {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return () => clearTimeout(t);
  },
};

export interface MailSchedulerDeps {
  /** Accounts that should be syncing now: IMAP, sync enabled, password known. */
  accounts(): Promise<string[]>;
  /** One sync run (coalesced by the caller); false when it failed and should be retried later. */
  sync(accountId: string, folders?: readonly string[]): Promise<boolean>;
  /** Holds an IDLE connection on the Inbox until it drops or `signal` aborts (imap-sync's watchInbox). */
  watch(accountId: string, onChange: () => void, signal: AbortSignal): Promise<void>;
  log: Logger;
  /** Says when a retry is due (retryAt). */
  clock: Clock;
  timers: SchedulerTimers;
  /** Full sync of every folder this often, besides what IDLE reports. Default 10 minutes. */
  intervalMs?: number;
  /** Reconnect delays grow from `baseMs` to `maxMs`. Default 15 s → 15 min. */
  backoff?: { baseMs: number; maxMs: number };
  /**
   * Quiet time after an IDLE notification before the Inbox sync, so a burst of mail is one run.
   * Default 100 ms: short, since new mail should show within 2 s (Dovecot itself waits 0.5 s
   * before it notifies) and runs coalesce anyway — a call while one runs queues at most one more.
   */
  debounceMs?: number;
  /** The server answers again after failures: the outbox can stop waiting for its own backoff. */
  onRecovered?: (accountId: string) => void;
  random?: () => number;
}

export interface MailScheduler {
  /** Starts runners for the accounts that should sync and stops the others; call after account edits. */
  refresh(): Promise<void>;
  /** Syncs this account now and resets its backoff (the user pressed "Sync now"). */
  poke(accountId: string): void;
  /** When the next attempt is due after failures, for the status line; null when connected. */
  retryAt(accountId: string): number | null;
  stop(): Promise<void>;
}

/**
 * Exponential backoff with ±25 % jitter, so many laptops coming back online after an outage
 * do not all hit the mail server in the same second.
 */
export function backoffDelay(failures: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const raw = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(raw * (0.75 + random() * 0.5));
}

interface Runner {
  failures: number;
  /** Cancels the pending cycle (interval or retry). */
  timer: (() => void) | null;
  retryAt: number | null;
  watcher: AbortController | null;
  /** Cancels the pending Inbox sync after an IDLE notification. */
  debounce: (() => void) | null;
  cycling: Promise<void> | null;
}

/**
 * Keeps mail flowing in the background: per account, a full sync at start and then every
 * `intervalMs`, an IDLE watcher on the Inbox that triggers an Inbox sync when the server reports
 * a change, and reconnects with exponential backoff when the server or the network is away.
 * Time comes from the injected clock and timers (systemTimers in production).
 */
export function createMailScheduler(deps: MailSchedulerDeps): MailScheduler {
  const intervalMs = deps.intervalMs ?? 10 * 60_000;
  const { baseMs, maxMs } = deps.backoff ?? { baseMs: 15_000, maxMs: 15 * 60_000 };
  const debounceMs = deps.debounceMs ?? 100;
  const runners = new Map<string, Runner>();
  let stopped = false;

  const later = (fn: () => void, ms: number) => deps.timers.set(fn, ms);

  function schedule(id: string, runner: Runner, ms: number, failed: boolean): void {
    runner.timer?.();
    runner.retryAt = failed ? deps.clock.now() + ms : null;
    runner.timer = later(() => {
      runner.timer = null;
      void cycle(id, runner);
    }, ms);
  }

  function cycle(id: string, runner: Runner): Promise<void> {
    if (runner.cycling) return runner.cycling;
    runner.cycling = (async () => {
      let ok = false;
      try {
        ok = await deps.sync(id);
      } catch (err) {
        deps.log.warn('mail.scheduler.syncFailed', { accountId: id, error: err instanceof Error ? err.message : String(err) });
      }
      if (stopped || runners.get(id) !== runner) return;
      if (ok) {
        if (runner.failures > 0) deps.onRecovered?.(id);
        runner.failures = 0;
        startWatcher(id, runner);
        schedule(id, runner, intervalMs, false);
      } else {
        runner.failures++;
        schedule(id, runner, backoffDelay(runner.failures, baseMs, maxMs, deps.random), true);
      }
    })().finally(() => {
      runner.cycling = null;
    });
    return runner.cycling;
  }

  function startWatcher(id: string, runner: Runner): void {
    if (runner.watcher) return;
    const controller = new AbortController();
    runner.watcher = controller;
    const onChange = () => {
      runner.debounce?.();
      runner.debounce = later(() => {
        runner.debounce = null;
        void deps.sync(id, ['INBOX']).catch(() => false);
      }, debounceMs);
    };
    deps
      .watch(id, onChange, controller.signal)
      .catch((err: unknown) => {
        deps.log.warn('mail.scheduler.watchFailed', { accountId: id, error: err instanceof Error ? err.message : String(err) });
      })
      .finally(() => {
        if (runner.watcher === controller) runner.watcher = null;
        if (stopped || controller.signal.aborted || runners.get(id) !== runner) return;
        // The IDLE connection dropped: after a pause, a full sync catches up on whatever it
        // missed and then opens a new watcher.
        runner.failures++;
        schedule(id, runner, backoffDelay(runner.failures, baseMs, maxMs, deps.random), true);
      });
  }

  function stopRunner(runner: Runner): void {
    runner.timer?.();
    runner.debounce?.();
    runner.watcher?.abort();
    runner.watcher = null;
  }

  return {
    async refresh() {
      if (stopped) return;
      const wanted = new Set(await deps.accounts());
      for (const [id, runner] of runners) {
        if (!wanted.has(id)) {
          stopRunner(runner);
          runners.delete(id);
        }
      }
      for (const id of wanted) {
        if (runners.has(id)) continue;
        const runner: Runner = { failures: 0, timer: null, retryAt: null, watcher: null, debounce: null, cycling: null };
        runners.set(id, runner);
        void cycle(id, runner);
      }
    },
    poke(accountId) {
      const runner = runners.get(accountId);
      if (!runner || stopped) return;
      runner.failures = 0;
      runner.timer?.();
      runner.timer = null;
      runner.retryAt = null;
      void cycle(accountId, runner);
    },
    retryAt: (accountId) => runners.get(accountId)?.retryAt ?? null,
    async stop() {
      stopped = true;
      const pending = [...runners.values()].map((r) => r.cycling);
      for (const runner of runners.values()) stopRunner(runner);
      runners.clear();
      await Promise.all(pending);
    },
  };
}
