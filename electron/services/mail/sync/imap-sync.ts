import type { IdInfoObject, ImapFlow, StatusObject } from 'imapflow';
import type { Db } from '../../../../db/database.ts';
import type { MailAccountsTable, MailFolderCheckpointsTable, MailFoldersTable } from '../../../../db/tables/mail.tables.ts';
import type { Clock } from '../../core/clock.ts';
import type { Logger } from '../../core/logger.ts';
import { accountRowById } from '../accounts/accounts.queries.ts';
import type { MailStores } from '../store/mail-stores.ts';
import { inThreadParser, type MailParser } from '../store/parse-pool.ts';
import type { FolderSyncEnv } from './folder-checkpoint.ts';
import { listFolders, unchangedReport } from './folder-list.ts';
import { syncFolder } from './folder-steps.ts';
import { connectImap, DEFAULT_CLIENT_INFO, errorText } from './imap-connection.ts';
import { checkpointRows, localCount, markVerified, recordSyncEnd, recordSyncError } from './imap-sync.queries.ts';
import { pushPendingFlags } from './message-flags.ts';
import { foldersWithPendingFlags } from './message-flags.queries.ts';
import { emptyFolderReport, MailSyncError, type FolderReport, type SyncOptions, type SyncReport } from './sync-report.ts';

export { MailSyncError } from './sync-report.ts';
export type { FolderReport, SyncFailureStep, SyncOptions, SyncPhase, SyncProgress, SyncReport } from './sync-report.ts';

const DEFAULT_BATCH_SIZE = 50;
/**
 * Older mail is written 200 messages per transaction: writing 10,000 messages in batches of 200
 * rather than 50 wrote 447 MiB instead of ~600 MiB and took ~30 % less database time
 * (2026-12-02, test/bench/RESULTS.md › Mail store); a transaction of 200 holds the database
 * for ~0.1 s, which a screen's query waits at most.
 */
const DEFAULT_BACKFILL_BATCH_SIZE = 200;
/** How long a pass that gave way keeps its connection for the pass it gave way to. */
const PARK_MS = 5_000;

export interface MailSyncDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  stores: MailStores;
  /** Default: parsing in this thread (tests); the mail service gives its worker (parse-pool.ts). */
  parser?: MailParser;
  /** The account's password (from the SecretStore); null when none is stored. */
  password(accountId: string): Promise<string | null> | string | null;
  /** Sent with the IMAP ID command; NetEase (163/126) and others refuse clients that send none. */
  clientInfo?: IdInfoObject;
  /** Messages fetched and committed per transaction. */
  batchSize?: number;
}

/** What one account's pass shares across its folders. */
interface AccountPass {
  client: ImapFlow;
  account: MailAccountsTable;
  options: SyncOptions;
  status: Map<string, StatusObject>;
  checkpoints: Map<string, MailFolderCheckpointsTable>;
  /** Folders with read / star changes still to send; each is sent once per pass. */
  pendingFlags: Set<string>;
}

const isImapAccount = (a: MailAccountsTable | undefined): a is MailAccountsTable =>
  a !== undefined && a.kind === 'imap' && !!a.imap_host && !!a.imap_port && !!a.imap_user;

/**
 * IMAP sync of one account into the local database.
 *
 * Per folder, a checkpoint row says which UID range is complete locally (see
 * MailFolderCheckpointsTable), and a pass over the folder runs the five steps of
 * folder-steps.ts: open (a changed UIDVALIDITY starts over), new mail and backfill in batches
 * that commit with their checkpoint, flags, deletions, and a count check that repairs what
 * disagrees. "Synced" therefore means that the counts agree. With `olderInBackground`, once
 * every folder has its recent mail, a second round lowers each folder's floor to the first UID
 * and backfills the older mail the same way.
 */
export function createMailSync(deps: MailSyncDeps) {
  const { db, clock, log } = deps;
  const env: FolderSyncEnv = {
    db,
    clock,
    log,
    batchSize: Math.max(1, deps.batchSize ?? DEFAULT_BATCH_SIZE),
    // A batch size given (tests, the app core's option) applies to both.
    backfillBatchSize: Math.max(1, deps.batchSize ?? DEFAULT_BACKFILL_BATCH_SIZE),
    stores: deps.stores,
    parser: deps.parser ?? inThreadParser,
  };
  const clientInfo = deps.clientInfo ?? DEFAULT_CLIENT_INFO;
  /**
   * A pass that gave way leaves its logged-in connection here for the pass it gave way to,
   * which starts at once: a login costs a quarter of a second or more of the 2 s in which new
   * mail should show. Unused, it is logged out after PARK_MS.
   */
  const parked = new Map<string, { client: ImapFlow; timer: ReturnType<typeof setTimeout> }>();

  function unpark(accountId: string): ImapFlow | null {
    const p = parked.get(accountId);
    if (!p) return null;
    parked.delete(accountId);
    clearTimeout(p.timer);
    if (p.client.usable) return p.client;
    p.client.close();
    return null;
  }

  function park(accountId: string, client: ImapFlow): void {
    unpark(accountId)?.close();
    const timer = setTimeout(() => void unpark(accountId)?.logout().catch(() => client.close()), PARK_MS);
    timer.unref?.();
    parked.set(accountId, { client, timer });
  }

  async function imapAccount(accountId: string): Promise<MailAccountsTable> {
    const account = await accountRowById(db, accountId);
    if (!isImapAccount(account)) throw new MailSyncError('account', accountId, 'no such IMAP account');
    return account;
  }

  async function connect(account: MailAccountsTable, idle = false): Promise<ImapFlow> {
    const pass = await deps.password(account.id);
    if (pass === null) throw new MailSyncError('password', account.id, 'no password stored for this account');
    try {
      return await connectImap(account, pass, { clientInfo, log, errorEvent: 'mail.imap.error', idle });
    } catch (err) {
      throw new MailSyncError('connect', account.id, errorText(err), { cause: err });
    }
  }

  /**
   * One folder of an account's pass: its pending read / star changes go to the server first
   * (message-flags.ts); a folder the server reports unchanged is not opened. A folder that fails
   * while the connection stays usable is reported and the others still sync.
   */
  async function runFolder(p: AccountPass, folder: MailFoldersTable, passOptions: SyncOptions): Promise<FolderReport> {
    const { client, account, options } = p;
    options.signal?.throwIfAborted();
    if (p.pendingFlags.delete(folder.id)) {
      try {
        await pushPendingFlags(client, db, folder);
      } catch (err) {
        if (options.signal?.aborted || !client.usable) throw err;
        // The changes stay pending for the next pass; the folder still syncs (and keeps them).
        log.warn('mail.sync.flagPushFailed', { accountId: account.id, folder: folder.path, error: errorText(err) });
      }
    }
    const unchanged = passOptions.windowDays === undefined ? unchangedReport(folder, p.checkpoints.get(folder.id), p.status.get(folder.path)) : null;
    // The local side is checked too: a message lost here (a bug, a bad restore) must be refetched.
    if (unchanged && (await localCount(db, { folderId: folder.id })) === unchanged.localCount) {
      await markVerified(db, { folderId: folder.id }, clock.now());
      options.onProgress?.({ accountId: account.id, folderPath: folder.path, phase: 'verify', done: unchanged.localCount, total: unchanged.serverRangeCount });
      return unchanged;
    }
    try {
      return await syncFolder(env, client, account, folder, passOptions);
    } catch (err) {
      if (options.signal?.aborted || !client.usable) throw err;
      log.warn('mail.sync.folderFailed', { accountId: account.id, folder: folder.path, error: errorText(err) });
      return emptyFolderReport(folder, errorText(err));
    }
  }

  /**
   * Every folder, then (with `olderInBackground`) the mail older than the window, folder by
   * folder. Returns whether it stopped early for a more urgent pass (SyncOptions.shouldYield).
   */
  async function runFolders(p: AccountPass, wanted: readonly MailFoldersTable[], reports: FolderReport[]): Promise<boolean> {
    const { account } = p;
    // Once a check says yield, the pass stops at the next one too: it ends as soon as it can.
    let yielded = false;
    const shouldYield = () => (yielded ||= p.options.shouldYield?.() === true);
    const options: SyncOptions = { ...p.options, shouldYield };
    for (const [i, folder] of wanted.entries()) {
      // Never before the first folder: each pass gets something done, however busy the queue.
      if (i > 0 && shouldYield()) return true;
      reports.push(await runFolder(p, folder, options));
    }
    if (yielded) return true;
    options.onWindowDone?.(reports);
    const windowed = options.windowDays === undefined ? account.sync_window_days !== null : options.windowDays !== null;
    if (!options.olderInBackground || !windowed || options.backfill === false) return false;
    const floors = await checkpointRows(db, { folderIds: wanted.map((f) => f.id) });
    const pending = new Set(floors.filter((c) => c.floor_uid > 1).map((c) => c.folder_id));
    for (const folder of wanted.filter((f) => pending.has(f.id))) {
      if (shouldYield()) return true;
      const older = await runFolder(p, folder, { ...options, windowDays: null });
      const i = reports.findIndex((f) => f.path === folder.path);
      const first = reports[i]!;
      reports[i] = {
        ...older,
        added: first.added + older.added,
        removed: first.removed + older.removed,
        flagsUpdated: first.flagsUpdated + older.flagsUpdated,
        repaired: first.repaired + older.repaired,
        reset: first.reset || older.reset,
      };
    }
    return yielded;
  }

  /**
   * One sync pass over an account: folder list, then every folder. Throws MailSyncError when
   * the account cannot be reached or the pass is aborted; a folder that fails while the
   * connection stays usable is reported and the others still sync.
   */
  async function syncAccount(accountId: string, options: SyncOptions = {}): Promise<SyncReport> {
    const startedAt = clock.now();
    const account = await imapAccount(accountId);
    const recordError = (err: unknown) =>
      recordSyncError(db, { accountId, error: JSON.stringify({ step: err instanceof MailSyncError ? err.step : 'folder', message: errorText(err) }) }, clock.now());

    options.onProgress?.({ accountId, folderPath: null, phase: 'connect', done: 0, total: 0 });
    let client: ImapFlow;
    try {
      client = unpark(accountId) ?? (await connect(account));
    } catch (err) {
      await recordError(err);
      throw err;
    }
    const folders: FolderReport[] = [];
    let yielded: boolean;
    try {
      options.onProgress?.({ accountId, folderPath: null, phase: 'folders', done: 0, total: 0 });
      const { folders: all, status } = await listFolders(client, db, accountId, clock.now());
      const wanted = options.folders ? all.filter((f) => options.folders!.includes(f.path)) : all;
      const checkpoints = new Map((await checkpointRows(db, { folderIds: wanted.map((f) => f.id) })).map((c) => [c.folder_id, c]));
      // Read / star changes made here go to the server before its flags are read (message-flags.ts).
      const pendingFlags = await foldersWithPendingFlags(db, { accountId });
      yielded = await runFolders({ client, account, options, status, checkpoints, pendingFlags }, wanted, folders);
      // Parked with no folder selected, so the next pass selects afresh (a stale UIDNEXT would hide new mail).
      if (yielded && (await client.mailboxClose().then(() => true, () => false))) {
        park(accountId, client);
      } else {
        await client.logout().catch(() => client.close());
      }
    } catch (err) {
      client.close();
      const failure = err instanceof MailSyncError || options.signal?.aborted ? err : new MailSyncError('folder', accountId, errorText(err), { cause: err });
      await recordError(failure);
      throw failure;
    }
    const failed = folders.find((f) => f.error);
    await recordSyncEnd(db, { accountId, error: failed ? JSON.stringify({ step: 'folder', message: `${failed.path}: ${failed.error}` }) : null }, clock.now());
    const report: SyncReport = { accountId, startedAt, finishedAt: clock.now(), folders, yielded };
    options.onProgress?.({ accountId, folderPath: null, phase: 'done', done: folders.length, total: folders.length });
    return report;
  }

  /**
   * Keeps one connection on the Inbox in IDLE and calls `onChange` when the server reports new,
   * expunged or re-flagged mail. Resolves when the connection ends — the server closed it, the
   * network dropped, or `signal` aborted — so the caller decides when to reconnect.
   */
  async function watchInbox(accountId: string, onChange: () => void, signal: AbortSignal): Promise<void> {
    const account = await imapAccount(accountId);
    signal.throwIfAborted();
    const client = await connect(account, true);
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    const stop = () => void client.logout().catch(() => client.close());
    signal.addEventListener('abort', stop, { once: true });
    try {
      client.on('exists', onChange);
      client.on('expunge', onChange);
      client.on('flags', onChange);
      await client.mailboxOpen('INBOX', { readOnly: true });
      // Mail that arrived between the last sync and this connection raised no event: catch up once.
      onChange();
      await closed;
    } catch (err) {
      client.close();
      throw new MailSyncError('connect', accountId, errorText(err), { cause: err });
    } finally {
      signal.removeEventListener('abort', stop);
    }
  }

  return {
    syncAccount,
    watchInbox,
    /** Logs out a connection left for a following pass (the account is removed, the app closes). */
    releaseConnection(accountId?: string): void {
      for (const id of accountId ? [accountId] : [...parked.keys()]) {
        const client = unpark(id);
        void client?.logout().catch(() => client.close());
      }
    },
  };
}

export type MailSync = ReturnType<typeof createMailSync>;
