import type { Db } from '../../../../db/database.ts';
import type { MailAccountsTable, MailFoldersTable } from '../../../../db/tables/mail.tables.ts';
import type { Clock } from '../../core/clock.ts';
import type { FaultPoint } from '../../core/fault-point.ts';
import type { Logger } from '../../core/logger.ts';
import { accountRowById } from '../accounts/accounts.queries.ts';
import type { MailStores } from '../store/mail-stores.ts';
import { insertMessages, storeContent, type FetchedMessage, type FolderContext } from '../store/message-writer.ts';
import { inThreadParser, type MailParser } from '../store/parse-pool.ts';
import { errorText, ownAddressesOf } from './imap-connection.ts';
import { localCount, recordSyncEnd, recordSyncError } from './imap-sync.queries.ts';
import { openPop3, Pop3Error, type Pop3Listing, type Pop3Session } from './pop3-client.ts';
import { knownUidls, markDeletedFromServer, markPresence, pop3Inbox, recordPop3Status, recordUidls, type KnownUidl } from './pop3-sync.queries.ts';
import { emptyFolderReport, MailSyncError, type FolderReport, type SyncFailureStep, type SyncOptions, type SyncReport } from './sync-report.ts';

const DAY = 86_400_000;
/**
 * Messages downloaded per transaction. POP3 fetches one message per round trip, so a batch is
 * mostly network time; 50 keeps the first mail on screen within a moment, like IMAP's new mail.
 */
const DEFAULT_BATCH_SIZE = 50;
/** At most this much message source is held in memory per batch (parsed, then written, then dropped). */
const MAX_BATCH_BYTES = 32 * 1024 * 1024;

export interface Pop3SyncDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  stores: MailStores;
  parser?: MailParser;
  /** The account's password (from the SecretStore); null when none is stored. */
  password(accountId: string): Promise<string | null> | string | null;
  batchSize?: number;
  /** Test-only crash points: `pop3:content-stored:<batch>` and `pop3:committed:<batch>` (core/fault-point.ts). */
  faultPoint?: (point: FaultPoint) => void;
  /** Per-reply timeout; default 30 s. */
  timeoutMs?: number;
}

export const isPop3Account = (a: MailAccountsTable | undefined): a is MailAccountsTable =>
  a !== undefined && a.kind === 'pop3' && !!a.imap_host && !!a.imap_port && !!a.imap_user;

/** The failure steps of a POP3 pass; 'connect' makes the account show as offline, the others as an error. */
const STEP_OF: Record<Pop3Error['kind'], SyncFailureStep> = { connect: 'connect', tls: 'connect', login: 'login', uidl: 'uidl', protocol: 'folder' };

/** The UIDLs whose messages may leave the server now: all downloaded ones, or those older than the account's days. */
export function deletable(account: Pick<MailAccountsTable, 'pop3_leave_on_server' | 'pop3_delete_after_days'>, known: KnownUidl, now: number): boolean {
  if (known.deleted_from_server_at !== null) return false;
  if (account.pop3_leave_on_server === 0) return true;
  const days = account.pop3_delete_after_days;
  return days !== null && known.first_seen_at <= now - days * DAY;
}

/**
 * POP3 sync of one account into its Inbox folder (issue 14 point 7), for mailboxes without IMAP.
 *
 * A pass: log in, STAT and UIDL, download the messages whose UIDL was never seen (RETR), in
 * batches stored through the same writer as IMAP mail (threading, filing to customers, search)
 * with their UIDLs in the same transaction — so a crash or a kill at any point neither loses a
 * message nor stores one twice: the next pass downloads exactly what was not committed. Then
 * DELE what the account's settings let go (everything downloaded without "leave on server",
 * else what was downloaded more than N days ago, if set) and QUIT, which is when the server
 * deletes. POP3 has no flags, folders or IDLE: messages arrive unread, and the scheduler's
 * periodic pass is how new mail comes in.
 */
export function createPop3Sync(deps: Pop3SyncDeps) {
  const { db, clock, log } = deps;
  const batchSize = Math.max(1, deps.batchSize ?? DEFAULT_BATCH_SIZE);
  const parser = deps.parser ?? inThreadParser;
  const faultPoint = deps.faultPoint ?? (() => {});

  async function connect(account: MailAccountsTable, options: SyncOptions): Promise<Pop3Session> {
    const password = await deps.password(account.id);
    if (password === null) throw new MailSyncError('password', account.id, 'no password stored for this account');
    const server = { host: account.imap_host!, port: account.imap_port!, security: account.imap_security ?? 'tls', user: account.imap_user! };
    try {
      return await openPop3(server, password, { ...(options.signal ? { signal: options.signal } : {}), ...(deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}) });
    } catch (err) {
      throw asSyncError(err, account.id);
    }
  }

  /** Downloads and stores `wanted` batch by batch; returns how many messages were added. */
  async function download(session: Pop3Session, account: MailAccountsTable, folder: MailFoldersTable, wanted: readonly Pop3Listing[], options: SyncOptions): Promise<number> {
    const context: FolderContext = { folderId: folder.id, specialUse: 'inbox', accountId: account.id, ownAddresses: ownAddressesOf(account) };
    const progress = (done: number) => options.onProgress?.({ accountId: account.id, folderPath: folder.path, phase: 'new', done, total: wanted.length });
    let added = 0;
    let batch = 0;
    progress(0);
    for (let i = 0; i < wanted.length; ) {
      options.signal?.throwIfAborted();
      const slice: Pop3Listing[] = [];
      const raws: Buffer[] = [];
      let bytes = 0;
      // A batch ends at batchSize messages or MAX_BATCH_BYTES of source, so a run of big attachments stays in bounds.
      while (i < wanted.length && slice.length < batchSize && bytes < MAX_BATCH_BYTES) {
        const m = wanted[i++]!;
        const raw = await session.retr(m.n);
        slice.push(m);
        raws.push(raw);
        bytes += raw.length;
      }
      const parsed = await parser.parse(raws);
      // No INTERNALDATE in POP3: the Date header stands for the arrival (as for imported mail).
      const fetched: FetchedMessage[] = raws.map((raw, k) => ({ uid: null, raw, parsed: parsed[k]!, receivedAt: null, flags: [] }));
      const prepared = storeContent(deps.stores, fetched);
      batch++;
      faultPoint(`pop3:content-stored:${batch}`);
      await db.transaction().execute(async (trx) => {
        // uid is null for every item, so the writer stores each one and returns ids in order.
        const ids = await insertMessages(trx, context, prepared, clock.now());
        await recordUidls(trx, { accountId: account.id, rows: slice.map((m, k) => ({ uidl: m.uidl, messageId: ids[k]! })) }, clock.now());
        added += ids.length;
      });
      faultPoint(`pop3:committed:${batch}`);
      options.onCommitted?.();
      progress(i);
    }
    return added;
  }

  /** DELE what may go, then QUIT; the deletions count only if QUIT says +OK. Returns the UIDLs deleted. */
  async function deleteAndQuit(session: Pop3Session, account: MailAccountsTable, folder: MailFoldersTable, listing: readonly Pop3Listing[], options: SyncOptions): Promise<number> {
    const known = await knownUidls(db, { accountId: account.id });
    const now = clock.now();
    const going = listing.filter((m) => {
      const k = known.get(m.uidl);
      return k !== undefined && deletable(account, k, now);
    });
    for (const [i, m] of going.entries()) {
      options.signal?.throwIfAborted();
      await session.dele(m.n);
      options.onProgress?.({ accountId: account.id, folderPath: folder.path, phase: 'deletions', done: i + 1, total: going.length });
    }
    const committed = await session.quit();
    if (going.length === 0) return 0;
    if (!committed) {
      // The server keeps every message when QUIT fails; the next pass tries again.
      log.warn('mail.pop3.quitFailed', { accountId: account.id, deletions: going.length });
      return 0;
    }
    await markDeletedFromServer(db, { accountId: account.id, uidls: going.map((m) => m.uidl) }, clock.now());
    return going.length;
  }

  async function pass(session: Pop3Session, account: MailAccountsTable, folder: MailFoldersTable, options: SyncOptions): Promise<FolderReport> {
    const report = emptyFolderReport(folder, null);
    options.onProgress?.({ accountId: account.id, folderPath: null, phase: 'folders', done: 0, total: 0 });
    const { count } = await session.stat();
    const listing = uniqueListing(await session.uidl());
    if (listing.length !== count) log.warn('mail.pop3.countMismatch', { accountId: account.id, stat: count, uidl: listing.length });
    const known = await knownUidls(db, { accountId: account.id });
    const listed = new Set(listing.map((m) => m.uidl));
    await markPresence(
      db,
      {
        accountId: account.id,
        gone: [...known.values()].filter((k) => k.gone_at === null && !listed.has(k.uidl)).map((k) => k.uidl),
        back: [...known.values()].filter((k) => k.gone_at !== null && k.deleted_from_server_at === null && listed.has(k.uidl)).map((k) => k.uidl),
      },
      clock.now(),
    );
    const wanted = listing.filter((m) => !known.has(m.uidl));
    report.added = await download(session, account, folder, wanted, options);
    const deleted = await deleteAndQuit(session, account, folder, listing, options);
    const local = await localCount(db, { folderId: folder.id });
    report.serverCount = listing.length - deleted;
    report.localCount = local;
    report.serverRangeCount = local;
    report.windowComplete = true;
    await recordPop3Status(db, { folderId: folder.id, serverCount: report.serverCount, localCount: local, complete: true }, clock.now());
    options.onProgress?.({ accountId: account.id, folderPath: folder.path, phase: 'verify', done: local, total: local });
    return report;
  }

  /**
   * One POP3 pass over an account. Throws MailSyncError (recorded on the account like IMAP's)
   * when the server cannot be reached ('connect'), refuses the login ('login'), has no UIDL
   * ('uidl') or the pass is aborted.
   */
  async function syncAccount(accountId: string, options: SyncOptions = {}): Promise<SyncReport> {
    const startedAt = clock.now();
    const account = await accountRowById(db, accountId);
    if (!isPop3Account(account)) throw new MailSyncError('account', accountId, 'no such POP3 account');
    options.onProgress?.({ accountId, folderPath: null, phase: 'connect', done: 0, total: 0 });
    let session: Pop3Session | null = null;
    let report: FolderReport;
    try {
      session = await connect(account, options);
      const folder = await pop3Inbox(db, { accountId }, clock.now());
      report = await pass(session, account, folder, options);
    } catch (err) {
      // Dropped without QUIT: the server forgets any DELE of this session.
      session?.close();
      const failure = options.signal?.aborted ? err : asSyncError(err, accountId);
      const step = failure instanceof MailSyncError ? failure.step : 'folder';
      await recordSyncError(db, { accountId, error: JSON.stringify({ step, message: errorText(failure) }) }, clock.now());
      throw failure;
    }
    await recordSyncEnd(db, { accountId, error: null }, clock.now());
    options.onWindowDone?.([report]);
    options.onProgress?.({ accountId, folderPath: null, phase: 'done', done: 1, total: 1 });
    return { accountId, startedAt, finishedAt: clock.now(), folders: [report], yielded: false };
  }

  return { syncAccount };
}

function asSyncError(err: unknown, accountId: string): MailSyncError {
  if (err instanceof MailSyncError) return err;
  if (err instanceof Pop3Error) return new MailSyncError(STEP_OF[err.kind], accountId, err.message, { cause: err });
  return new MailSyncError('folder', accountId, errorText(err), { cause: err });
}

/** A UIDL listed twice (a broken server) is downloaded once: the first listing wins. */
function uniqueListing(listing: readonly Pop3Listing[]): Pop3Listing[] {
  const seen = new Set<string>();
  return listing.filter((m) => !seen.has(m.uidl) && seen.add(m.uidl));
}

export type Pop3Sync = ReturnType<typeof createPop3Sync>;
