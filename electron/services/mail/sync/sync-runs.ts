import type { IdInfoObject } from 'imapflow';
import type { Db } from '../../../../db/database.ts';
import type { mailCalls } from '../../../../shared/contract/mail.contract.ts';
import { fail } from '../../../../shared/contract/result.ts';
import type { z } from 'zod';
import type { Clock } from '../../core/clock.ts';
import type { DataEntity, Emit } from '../../core/events.ts';
import type { Logger } from '../../core/logger.ts';
import { parseJson } from '../../core/json-column.ts';
import { throttle } from '../../core/throttle.ts';
import { accountKind, syncedAccountIds } from '../accounts/accounts.queries.ts';
import type { FaultPoint } from '../../core/fault-point.ts';
import type { MailStores } from '../store/mail-stores.ts';
import type { MailParser } from '../store/parse-pool.ts';
import { backfillAutomated } from '../store/automated-backfill.ts';
import { createMailSync, MailSyncError, type FolderReport, type SyncReport } from './imap-sync.ts';
import { createMailScheduler, systemTimers, type MailScheduler, type MailSchedulerDeps } from './mail-scheduler.ts';
import { createPop3Sync } from './pop3-sync.ts';
import { folderStatusRows, syncedAccountRows } from './sync-status.queries.ts';

export interface SyncRunDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  emit: Emit;
  stores: MailStores;
  parser?: MailParser;
  /** An account's IMAP password, or null when this process has none. */
  password(accountId: string): string | null;
  clientInfo?: IdInfoObject;
  batchSize?: number;
  /** Test-only crash points of a POP3 pass (core/fault-point.ts). */
  faultPoint?: (point: FaultPoint) => void;
}

type SyncStatus = z.output<(typeof mailCalls)['mail.syncStatus']['output']>;
/** Told when every folder of a run has its mail from the window (the older mail may follow). */
type WindowDone = (folders: readonly FolderReport[]) => void;
/**
 * A pass that gave way resumes this long after the passes it gave way to: the screens read the
 * new mail first, without the backfill competing with them for this process.
 */
const RESUME_AFTER_MS = 1_000;
/** Two passes' folders as one pass: every folder either asked for, or all of them when either did. */
function widen(a: readonly string[] | undefined, b: readonly string[] | undefined): readonly string[] | undefined {
  return !a || !b ? undefined : [...new Set([...a, ...b])];
}
type QueuedRun = { folders: readonly string[] | undefined; quiet: boolean; windowDone: WindowDone[]; done: Promise<SyncReport | null> };

/**
 * Sync runs of the mail accounts: at most one per account at a time, the background scheduler
 * (IDLE on each Inbox, full passes on an interval, backoff), and the background read of older
 * mail's headers. Screens hear of new mail after each committed batch, not only when a run ends.
 */
export function createSyncRuns(deps: SyncRunDeps) {
  const { db, clock, log } = deps;
  const changed = (entities: DataEntity[]) => deps.emit('data.changed', { entities });
  // What both protocols' syncs are given: the same stores, parser, passwords and batch size.
  const common = {
    db,
    clock,
    log,
    stores: deps.stores,
    ...(deps.parser ? { parser: deps.parser } : {}),
    password: deps.password,
    ...(deps.batchSize ? { batchSize: deps.batchSize } : {}),
  };
  const sync = createMailSync({ ...common, ...(deps.clientInfo ? { clientInfo: deps.clientInfo } : {}) });
  /** POP3 accounts (pop3-sync.ts) run through the same queue, scheduler and events as IMAP ones. */
  const pop3 = createPop3Sync({ ...common, ...(deps.faultPoint ? { faultPoint: deps.faultPoint } : {}) });
  const syncAccount: typeof sync.syncAccount = async (id, options) =>
    (await accountKind(db, id)) === 'pop3' ? pop3.syncAccount(id, options) : sync.syncAccount(id, options);
  /** New mail committed by a sync that is still running; the screens refresh twice a second at most. */
  const batchCommitted = throttle(() => changed(['mailFolders', 'mailMessages', 'customers']), 500);
  /** `quiet`: a pass that only tells the server about read / star changes, not shown as syncing. */
  const running = new Map<string, { controller: AbortController; done: Promise<SyncReport | null>; quiet: boolean }>();
  const queued = new Map<string, QueuedRun>();
  /** Passes that gave way to one queued behind them, by account: they go on once it is done. */
  const resume = new Map<string, { folders: readonly string[] | undefined; quiet: boolean }>();
  /** Passes waiting RESUME_AFTER_MS to resume; `cancel` drops one (account removed, closing). */
  const resuming = new Map<string, { done: Promise<void>; cancel: () => void }>();
  let scheduler: MailScheduler | null = null;
  let closed = false;
  /** The background read of older mail's headers (automated-backfill.ts), once per process. */
  const backfillStop = new AbortController();
  let backfill: Promise<void> | null = null;

  /**
   * One sync run of an account. A call while a run is going queues exactly one follow-up run
   * (shared by every caller meanwhile), so a burst of IDLE notifications or clicks costs at most
   * one extra pass and no change the server reported is left unsynced.
   */
  function runSync(id: string, folders?: readonly string[], quiet = false): Promise<SyncReport | null> {
    return request(id, folders, quiet, []);
  }

  function request(id: string, folders: readonly string[] | undefined, quiet: boolean, windowDone: WindowDone[]): Promise<SyncReport | null> {
    const current = running.get(id);
    if (current) return queueAfter(id, current.done, folders, quiet, windowDone);
    return start(id, folders, quiet, windowDone);
  }

  function start(id: string, folders: readonly string[] | undefined, quiet: boolean, windowDone: WindowDone[]): Promise<SyncReport | null> {
    const controller = new AbortController();
    let yielded = false;
    // A pass over every folder covers whatever one that gave way left to do.
    if (folders === undefined) {
      resume.delete(id);
      resuming.get(id)?.cancel();
    }
    const done = syncAccount(id, {
        signal: controller.signal,
        onProgress: quiet ? () => {} : (p) => deps.emit('mail.syncProgress', p),
        onCommitted: batchCommitted,
        onWindowDone: (reports) => {
          for (const told of windowDone) told(reports);
        },
        // A backfill (minutes, or hours, on a first sync) gives way to any pass queued behind
        // it — new mail in the Inbox after an IDLE notification, read / star changes to send —
        // which then runs first; this pass resumes after it. A full pass too: the interval's
        // pass, queued during a long backfill, takes in every IDLE request made meanwhile, and
        // its first step per folder is the new mail.
        shouldYield: () => queued.has(id),
        olderInBackground: true,
        // A pass of some folders is for new mail (IDLE) or read / star changes, and should be
        // over in a moment: the older mail is for the pass over every folder, which follows.
        ...(folders ? { folders, backfill: false } : {}),
      })
      .then((report) => {
        yielded = report.yielded;
        if (report.yielded) {
          const was = resume.get(id);
          resume.set(id, was ? { folders: widen(was.folders, folders), quiet: was.quiet && quiet } : { folders, quiet });
        }
        return report;
      })
      .catch((err: unknown) => {
        if (!controller.signal.aborted) {
          log.warn('mail.sync.failed', { accountId: id, step: err instanceof MailSyncError ? err.step : 'unknown', error: err instanceof Error ? err.message : String(err) });
        }
        return null;
      })
      .finally(() => {
        running.delete(id);
        // A pass that gave way is followed at once by the one it gave way to, whose end announces
        // everything: two announcements a moment apart would make open screens read all twice.
        if (!yielded || closed) {
          batchCommitted.cancel();
          changed(['mailAccounts', 'mailFolders', 'mailMessages', 'customers']);
        }
        // The passes it gave way to are done: the one that yielded goes on from its checkpoints.
        const resumed = queued.has(id) || closed ? undefined : resume.get(id);
        if (resumed) {
          resume.delete(id);
          resumeLater(id, resumed.folders, resumed.quiet);
        }
      });
    running.set(id, { controller, done, quiet });
    return done;
  }

  function queueAfter(id: string, current: Promise<unknown>, folders: readonly string[] | undefined, quiet: boolean, windowDone: WindowDone[]): Promise<SyncReport | null> {
    const next = queued.get(id);
    if (next) {
      // A queued pass widens to every folder asked for meanwhile (all of them when a full pass is).
      next.folders = widen(next.folders, folders);
      next.quiet &&= quiet;
      next.windowDone.push(...windowDone);
      return next.done;
    }
    const entry: QueuedRun = { folders, quiet, windowDone: [...windowDone], done: Promise.resolve(null) };
    entry.done = current.then(() => {
      // Dropped meanwhile (the account is being removed): nothing to run.
      if (queued.get(id) !== entry) return null;
      queued.delete(id);
      return closed ? null : start(id, entry.folders, entry.quiet, entry.windowDone);
    });
    queued.set(id, entry);
    return entry.done;
  }

  /**
   * The scheduler's sync: true once every folder has its recent mail and none failed. It does
   * not wait for the older mail, so the IDLE watcher is up (and new mail shows) during a first
   * sync's long backfill, which gives way to the Inbox passes it triggers.
   */
  function schedulerSync(id: string, folders?: readonly string[]): Promise<boolean> {
    const ok = (reports: readonly FolderReport[]) => reports.every((f) => f.error === null);
    return new Promise((resolve) => {
      request(id, folders, false, [(reports) => resolve(ok(reports))]).then(
        (report) => resolve(report !== null && ok(report.folders)),
        () => resolve(false),
      );
    });
  }

  /** Starts a background sync of these accounts (all enabled IMAP accounts when none given). */
  async function syncNow(accountId?: string | null): Promise<string[]> {
    const ids = await syncedAccountIds(db, { accountId: accountId ?? null });
    if (accountId && ids.length === 0) fail('notFound', 'errors.mailAccountNotFound', { id: accountId });
    const started: string[] = [];
    for (const id of ids) {
      // A quiet pass (read / star changes) does not stand in for the sync asked for: it queues.
      if (running.get(id)?.quiet === false) continue;
      // With the scheduler on, a manual sync also resets the account's backoff.
      if (scheduler) scheduler.poke(id);
      else void runSync(id);
      started.push(id);
    }
    return started;
  }

  function resumeLater(id: string, folders: readonly string[] | undefined, quiet: boolean): void {
    resuming.get(id)?.cancel();
    let cancel = () => {};
    const waited = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(true), RESUME_AFTER_MS);
      timer.unref?.();
      cancel = () => {
        clearTimeout(timer);
        resolve(false);
      };
    });
    const done = waited.then((go) => {
      if (resuming.get(id)?.done === done) resuming.delete(id);
      if (go && !closed) void runSync(id, folders, quiet);
    });
    resuming.set(id, { done, cancel });
  }

  async function whenIdle(): Promise<void> {
    while (running.size > 0 || resuming.size > 0) {
      await Promise.all([...[...running.values()].map((r) => r.done), ...[...resuming.values()].map((r) => r.done)]);
    }
  }

  const startBackfill = () => {
    backfill ??= backfillAutomated(db, deps.stores.raw, {
      now: () => clock.now(),
      signal: backfillStop.signal,
      onMarked: () => changed(['mailMessages']),
    }).then(
      (marked) => {
        if (marked > 0) log.info('mail.automatedBackfill.done', { marked });
      },
      (err: unknown) => log.warn('mail.automatedBackfill.failed', { error: err instanceof Error ? err.message : String(err) }),
    );
  };

  async function syncStatus(): Promise<SyncStatus> {
    const [accounts, folders] = await Promise.all([syncedAccountRows(db), folderStatusRows(db)]);
    return accounts.map((a) => {
      const error = parseJson<{ step: string; message: string } | null>(a.last_sync_error, null);
      return {
        accountId: a.id,
        // A pass about to resume (RESUME_AFTER_MS) is still syncing, not a flicker of idle.
        state: running.get(a.id)?.quiet === false || resuming.has(a.id) ? 'syncing' : a.sync_enabled === 0 ? 'disabled' : error ? (error.step === 'connect' ? 'offline' : 'error') : 'idle',
        lastSyncAt: a.last_sync_at,
        lastSyncError: error,
        retryAt: scheduler?.retryAt(a.id) ?? null,
        folders: folders
          .filter((f) => f.account_id === a.id)
          .map((f) => ({
            id: f.id,
            accountId: f.account_id,
            path: f.path,
            name: f.name,
            specialUse: f.special_use,
            syncEnabled: f.sync_enabled === 1,
            unread: Number(f.unread ?? 0),
            localCount: Number(f.local_count ?? 0),
            serverCount: f.server_count,
            serverRangeCount: f.server_range_count,
            windowComplete: f.low_uid !== null && f.floor_uid !== null && f.low_uid <= f.floor_uid,
            verifiedAt: f.verified_at,
          })),
      };
    });
  }

  /** The scheduler re-reads which accounts to keep in sync; a failure is logged, not thrown at the caller. */
  const refreshScheduler = () => {
    void scheduler?.refresh().catch((err: unknown) => log.warn('mail.scheduler.refreshFailed', { error: err instanceof Error ? err.message : String(err) }));
  };

  return {
    sync,
    runSync,
    syncNow,
    syncStatus,
    /** Resolves when no sync is running (tests, shutdown). */
    whenIdle,
    /**
     * Tells the server about read / star changes: a pass of those folders (message-flags.ts);
     * skipped without a password. Quiet: opening a message should not make the account look busy.
     */
    pushFlags(accountId: string, folderPaths: readonly string[]): void {
      // Only IMAP accounts get here (message-flags.ts): POP3 and archives keep read / star locally.
      if (!closed && deps.password(accountId) !== null) void runSync(accountId, folderPaths, true);
    },
    /** Stops the account's run and drops its queued one (the account is being removed). */
    async stop(accountId: string): Promise<void> {
      queued.delete(accountId);
      resume.delete(accountId);
      resuming.get(accountId)?.cancel();
      const run = running.get(accountId);
      if (run) {
        run.controller.abort();
        await run.done;
      }
      sync.releaseConnection(accountId);
    },
    /** The account list or its settings changed: the scheduler re-reads which accounts to keep in sync. */
    accountsChanged(pokeAccountId?: string): void {
      refreshScheduler();
      // New settings or a new password deserve a try now, not after the backoff.
      if (pokeAccountId) scheduler?.poke(pokeAccountId);
    },
    /**
     * Background sync for the hosts: every enabled account syncs now, keeps an IDLE watcher on
     * its Inbox, syncs fully every `intervalMs`, and reconnects with backoff.
     */
    startScheduler(options: Pick<MailSchedulerDeps, 'intervalMs' | 'backoff' | 'debounceMs' | 'onRecovered'> = {}): void {
      if (scheduler || closed) return;
      scheduler = createMailScheduler({
        ...options,
        log,
        clock,
        timers: systemTimers,
        accounts: async () => (await syncedAccountIds(db, { accountId: null })).filter((id) => deps.password(id) !== null),
        sync: schedulerSync,
        // POP3 has no IDLE: its new mail comes with the interval's pass, so its "watcher" only waits to be stopped.
        watch: async (id, onChange, signal) => ((await accountKind(db, id)) === 'pop3' ? untilAborted(signal) : sync.watchInbox(id, onChange, signal)),
      });
      refreshScheduler();
      startBackfill();
    },
    /** Stops the scheduler, aborts running syncs and waits for them to stop. */
    async close(): Promise<void> {
      closed = true;
      batchCommitted.cancel();
      const stopping = scheduler?.stop();
      backfillStop.abort();
      for (const r of running.values()) r.controller.abort();
      for (const r of resuming.values()) r.cancel();
      await whenIdle();
      sync.releaseConnection();
      await stopping;
      await backfill;
    },
  };
}

export type SyncRuns = ReturnType<typeof createSyncRuns>;

function untilAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}
