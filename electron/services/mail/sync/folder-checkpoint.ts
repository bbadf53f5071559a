import type { FetchMessageObject, ImapFlow, MailboxObject } from 'imapflow';
import type { Db } from '../../../../db/database.ts';
import type { MailAccountsTable, MailFolderCheckpointsTable, MailFoldersTable } from '../../../../db/tables/mail.tables.ts';
import type { Clock } from '../../core/clock.ts';
import type { Logger } from '../../core/logger.ts';
import type { MailStores } from '../store/mail-stores.ts';
import type { MailParser } from '../store/parse-pool.ts';
import { insertMessages, storeContent, type FetchedMessage, type FolderContext, type PreparedMessage } from '../store/message-writer.ts';
import { ownAddressesOf } from './imap-connection.ts';
import { windowFloor } from './imap-search.ts';
import { checkpointOf, forgetFolderMail, insertCheckpoint, localCount, moveCheckpoint } from './imap-sync.queries.ts';
import { emptyFolderReport, type FolderReport, type SyncOptions, type SyncPhase } from './sync-report.ts';

/**
 * A folder's checkpoint: the UID range [low, high] that is complete locally, the floor the
 * backfill goes down to, and the bookkeeping of one pass over the folder (step 1 of the pass,
 * and the commit of each batch together with the checkpoint that covers it).
 */

const DAY = 86_400_000;

/** What every pass over a folder needs from the sync. */
export interface FolderSyncEnv {
  db: Db;
  clock: Clock;
  log: Logger;
  /** Messages per transaction for new mail: small, so the first of it shows soon. */
  batchSize: number;
  /** Messages per transaction for older mail (bulk): fewer commits, less rewriting of the same pages. */
  backfillBatchSize: number;
  stores: MailStores;
  /** Parses each fetched batch on a worker thread, the main thread free for the next fetch (parse-pool.ts). */
  parser: MailParser;
}

/** One pass over one opened folder, shared by its steps; `low` and `high` move as batches commit. */
export interface FolderPass {
  env: FolderSyncEnv;
  client: ImapFlow;
  account: MailAccountsTable;
  folder: MailFoldersTable;
  options: SyncOptions;
  report: FolderReport;
  context: FolderContext;
  mailbox: MailboxObject;
  /** UIDNEXT as of the SELECT. */
  uidNext: number;
  /** HIGHESTMODSEQ as of the SELECT; undefined without CONDSTORE. */
  modseq: bigint | undefined;
  /** The checkpoint as this pass found it (after a reset or a lowered floor). */
  cp: MailFolderCheckpointsTable;
  low: number;
  high: number;
  floor: number;
  progress(phase: SyncPhase, done: number, total: number): void;
}

/**
 * Step 1: the folder is open (read-only). A changed UIDVALIDITY empties it locally and starts
 * over; a folder seen for the first time gets a checkpoint with an empty range just below
 * UIDNEXT, so everything is backfill, newest first; otherwise the window's floor may move down.
 */
export async function beginPass(
  env: FolderSyncEnv,
  client: ImapFlow,
  account: MailAccountsTable,
  folder: MailFoldersTable,
  options: SyncOptions,
): Promise<FolderPass> {
  const { db, clock, log } = env;
  const report = emptyFolderReport(folder, null);
  const mailbox = client.mailbox as MailboxObject;
  const uidValidity = mailbox.uidValidity.toString();
  const uidNext = mailbox.uidNext;
  const modseq = mailbox.noModseq ? undefined : mailbox.highestModseq;
  const windowDays = options.windowDays === undefined ? account.sync_window_days : options.windowDays;

  let cp = await checkpointOf(db, { folderId: folder.id });
  if (cp && cp.uidvalidity !== uidValidity) {
    log.warn('mail.sync.uidValidityChanged', { accountId: account.id, folder: folder.path, was: cp.uidvalidity, now: uidValidity });
    const removed = await localCount(db, { folderId: folder.id });
    await forgetFolderMail(db, { folderId: folder.id });
    report.reset = true;
    report.removed += removed;
    cp = undefined;
  }

  const floorFor = async (): Promise<number> => (windowDays === null ? 1 : windowFloor(client, clock.now() - windowDays * DAY, uidNext));

  if (!cp) {
    const fresh: MailFolderCheckpointsTable = {
      folder_id: folder.id,
      uidvalidity: uidValidity,
      // Nothing stored yet: an empty range just below UIDNEXT, so everything is backfill, newest first.
      low_uid: uidNext,
      high_uid: uidNext - 1,
      floor_uid: await floorFor(),
      // Every message fetched from here on is at least as new as this modseq.
      highest_modseq: modseq !== undefined ? modseq.toString() : null,
      uid_next: uidNext,
      server_count: null,
      server_range_count: null,
      local_count: null,
      verified_at: null,
      repairs: 0,
      updated_at: clock.now(),
    };
    await insertCheckpoint(db, fresh);
    cp = fresh;
  } else {
    // The window slides with time and may have been widened (or set to "all mail"): the
    // floor only ever moves down, and the range is then backfilled further.
    const floor = await floorFor();
    if (floor < cp.floor_uid) {
      await moveCheckpoint(db, { folderId: folder.id, floor }, clock.now());
      cp = { ...cp, floor_uid: floor };
    }
  }
  return {
    env,
    client,
    account,
    folder,
    options,
    report,
    context: { folderId: folder.id, specialUse: folder.special_use, accountId: account.id, ownAddresses: ownAddressesOf(account) },
    mailbox,
    uidNext,
    modseq,
    cp,
    low: cp.low_uid,
    high: cp.high_uid,
    floor: cp.floor_uid,
    progress: (phase, done, total) => options.onProgress?.({ accountId: account.id, folderPath: folder.path, phase, done, total }),
  };
}

/** Parses fetched messages and puts their content in the stores, before any transaction. */
export async function prepareBatch(env: FolderSyncEnv, fetched: readonly FetchMessageObject[]): Promise<PreparedMessage[]> {
  const raws = fetched.map((m) => m.source ?? Buffer.alloc(0));
  const parsed = await env.parser.parse(raws);
  const items: FetchedMessage[] = [];
  for (const [i, m] of fetched.entries()) {
    const raw = raws[i]!;
    const internal = m.internalDate ? new Date(m.internalDate).getTime() : NaN;
    items.push({
      uid: m.uid,
      raw,
      parsed: parsed[i]!,
      receivedAt: Number.isFinite(internal) ? internal : null,
      flags: m.flags ? [...m.flags] : [],
      size: m.size ?? raw.length,
    });
  }
  return storeContent(env.stores, items);
}

/**
 * Stores a batch and moves the checkpoint over it in one transaction, so a crash or a killed
 * connection loses at most this batch and never leaves a gap or a duplicate.
 */
export async function commitBatch(pass: FolderPass, items: readonly PreparedMessage[], range: { low?: number; high?: number }): Promise<void> {
  const { db, clock } = pass.env;
  let added: string[] = [];
  await db.transaction().execute(async (trx) => {
    added = await insertMessages(trx, pass.context, items, clock.now());
    await moveCheckpoint(trx, { folderId: pass.folder.id, ...range }, clock.now());
  });
  pass.report.added += added.length;
}
