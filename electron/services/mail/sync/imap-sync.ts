import type { Db } from '../../../../db/database.ts';
import type { FetchMessageObject, IdInfoObject, ImapFlow, ListResponse, MailboxObject, StatusObject } from 'imapflow';
import type { MailAccountsTable, MailFolderCheckpointsTable, MailFoldersTable } from '../../../../db/tables/mail.tables.ts';
import type { SpecialUse } from '../../../../shared/domain/mail-enums.ts';
import type { Clock } from '../../core/clock.ts';
import { newId } from '../../core/ids.ts';
import type { Logger } from '../../core/logger.ts';
import { mailStores } from '../store/attachment-store.ts';
import { connectImap, DEFAULT_CLIENT_INFO, errorText, ownAddressesOf } from './imap-connection.ts';
import { parseMail } from '../store/mail-parse.ts';
import { foldersWithPendingFlags, pendingFlagUids, pushPendingFlags } from './message-flags.ts';
import { flagColumns, insertMessages, storeContent, type FolderContext, type PreparedMessage } from '../store/message-writer.ts';

const DAY = 86_400_000;
const DEFAULT_BATCH_SIZE = 50;
/** A batch also ends at this many bytes of message source, so a run of big attachments cannot exhaust memory. */
const MAX_BATCH_BYTES = 16 * 1024 * 1024;

export interface MailSyncDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  dataDir: string;
  /** The account's password (from the SecretStore); null when none is stored. */
  password(accountId: string): Promise<string | null> | string | null;
  /** Sent with the IMAP ID command; NetEase (163/126) and others refuse clients that send none. */
  clientInfo?: IdInfoObject;
  /** Messages fetched and committed per transaction. */
  batchSize?: number;
}

export type SyncPhase = 'connect' | 'folders' | 'new' | 'backfill' | 'flags' | 'deletions' | 'verify' | 'done';

export interface SyncProgress {
  accountId: string;
  folderPath: string | null;
  phase: SyncPhase;
  /** Messages handled in this phase so far, and how many there are. */
  done: number;
  total: number;
}

export interface SyncOptions {
  signal?: AbortSignal;
  onProgress?: (progress: SyncProgress) => void;
  /** Overrides the account's window for this pass; null = all mail (the background catch-up). */
  windowDays?: number | null;
  /** Only these folder paths. */
  folders?: readonly string[];
  /**
   * After every folder has its mail from the window, go on with the older mail in the same
   * connection (the "last 12 months first, the rest in the background" of the first sync).
   */
  olderInBackground?: boolean;
  /**
   * After each batch of messages is committed: open screens show new mail while a long sync
   * (a first sync, the background catch-up of older mail) goes on, not only when it ends.
   */
  onCommitted?: () => void;
}

export interface FolderReport {
  path: string;
  specialUse: SpecialUse | null;
  added: number;
  removed: number;
  flagsUpdated: number;
  /** UIDVALIDITY changed: the folder was emptied and fetched again. */
  reset: boolean;
  /** Messages missing locally or left over locally that the count check found and fixed. */
  repaired: number;
  /** STATUS MESSAGES. */
  serverCount: number;
  /** Server messages inside the synced UID range; equals localCount when the folder is in sync. */
  serverRangeCount: number;
  localCount: number;
  /** Everything inside the sync window is here (backfill finished). */
  windowComplete: boolean;
  /** The server's STATUS matched the last verified pass, so the folder was not opened. */
  skipped: boolean;
  error: string | null;
}

export interface SyncReport {
  accountId: string;
  startedAt: number;
  finishedAt: number;
  folders: FolderReport[];
}

export type SyncFailureStep = 'account' | 'password' | 'connect' | 'folders' | 'folder';

/** Why a sync stopped; `step` says where, for the account's error line and "test connection". */
export class MailSyncError extends Error {
  readonly step: SyncFailureStep;
  readonly accountId: string;
  constructor(step: SyncFailureStep, accountId: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MailSyncError';
    this.step = step;
    this.accountId = accountId;
  }
}

const SPECIAL_USE_MAP: Record<string, SpecialUse> = {
  '\\inbox': 'inbox',
  '\\sent': 'sent',
  '\\drafts': 'drafts',
  '\\trash': 'trash',
  '\\junk': 'junk',
  '\\archive': 'archive',
  '\\all': 'all',
  '\\flagged': 'flagged',
};

/** Inbox first, then what the user wrote, then the rest; Trash and Junk last. */
const FOLDER_ORDER: Record<string, number> = { inbox: 0, sent: 1, archive: 2, drafts: 3, all: 4, flagged: 5, trash: 8, junk: 9 };

function emptyFolderReport(folder: MailFoldersTable, error: string | null): FolderReport {
  return {
    path: folder.path,
    specialUse: folder.special_use,
    added: 0,
    removed: 0,
    flagsUpdated: 0,
    reset: false,
    repaired: 0,
    serverCount: 0,
    serverRangeCount: 0,
    localCount: 0,
    windowComplete: false,
    skipped: false,
    error,
  };
}

/** The role of a listed folder from its SPECIAL-USE flag (INBOX by name). */
export function specialUseOf(entry: Pick<ListResponse, 'path' | 'specialUse'>): SpecialUse | null {
  if (entry.path.toUpperCase() === 'INBOX') return 'inbox';
  return entry.specialUse ? (SPECIAL_USE_MAP[entry.specialUse.toLowerCase()] ?? null) : null;
}

/** `[1,2,3,7,9,10]` → `1:3,7,9:10`. */
export function toSequenceSet(uids: readonly number[]): string {
  const sorted = [...new Set(uids)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}:${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** `1:3,7` → `[1,2,3,7]`. */
export function fromSequenceSet(set: string | undefined): number[] {
  if (!set) return [];
  const out: number[] = [];
  for (const part of set.split(',')) {
    const [a, b] = part.split(':').map(Number);
    if (a === undefined || !Number.isFinite(a)) continue;
    if (b === undefined) out.push(a);
    else for (let u = Math.min(a, b); u <= Math.max(a, b); u++) out.push(u);
  }
  return out;
}

/**
 * IMAP sync of one account into the local database.
 *
 * Per folder, a checkpoint row says which UID range is complete locally (see
 * MailFolderCheckpointsTable). A pass:
 *  1. opens the folder read-only; a changed UIDVALIDITY empties it locally and starts over;
 *  2. fetches mail above the range in ascending batches (new mail), then below it in
 *     descending batches down to the window's floor (the first sync is all backfill, so it
 *     runs newest first); a batch is at most `batchSize` messages and 16 MB of source, and
 *     commits together with the checkpoint that covers it,
 *     so a crash or a killed connection loses at most one batch of work and never leaves a
 *     gap or a duplicate;
 *  3. brings flags up to date: CONDSTORE `CHANGEDSINCE` the stored HIGHESTMODSEQ, else all flags;
 *  4. finds deletions (and moves away) by comparing the server's count in the range with the
 *     local one, and only when they differ lists the server's UIDs and removes the rest;
 *  5. verifies: STATUS MESSAGES, the server's count in the range, the local count. Counts that
 *     still disagree are repaired from a full UID comparison, logged, and counted.
 * "Synced" therefore means that the counts agree. With `olderInBackground`, once every folder
 * has its recent mail, a second round lowers each folder's floor to the first UID and
 * backfills the older mail the same way.
 */
export function createMailSync(deps: MailSyncDeps) {
  const { db, clock, log } = deps;
  const batchSize = Math.max(1, deps.batchSize ?? DEFAULT_BATCH_SIZE);
  const stores = mailStores(deps.dataDir);
  const clientInfo = deps.clientInfo ?? DEFAULT_CLIENT_INFO;

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
   * With LIST-STATUS and CONDSTORE one command tells, per folder, whether anything at all changed
   * since the last verified pass (same UIDVALIDITY, UIDNEXT, message count and HIGHESTMODSEQ), so
   * an incremental sync with nothing new opens no folder.
   */
  const canSkipUnchanged = (client: ImapFlow) => client.capabilities.has('LIST-STATUS') && client.capabilities.has('CONDSTORE');

  async function syncFolders(client: ImapFlow, account: MailAccountsTable): Promise<{ folders: MailFoldersTable[]; status: Map<string, StatusObject> }> {
    let listed: ListResponse[];
    try {
      listed = await client.list(canSkipUnchanged(client) ? { statusQuery: { messages: true, uidNext: true, uidValidity: true, highestModseq: true } } : {});
    } catch (err) {
      throw new MailSyncError('folders', account.id, errorText(err), { cause: err });
    }
    const now = clock.now();
    const selectable = listed.filter((f) => !f.flags.has('\\Noselect') && !f.flags.has('\\NonExistent'));
    const existing = await db.selectFrom('mail_folders').selectAll().where('account_id', '=', account.id).execute();
    const byPath = new Map(existing.map((f) => [f.path, f]));
    await db.transaction().execute(async (trx) => {
      for (const entry of selectable) {
        const specialUse = specialUseOf(entry);
        const known = byPath.get(entry.path);
        if (!known) {
          await trx
            .insertInto('mail_folders')
            .values({
              id: newId(),
              account_id: account.id,
              path: entry.path,
              name: entry.name,
              delimiter: entry.delimiter ?? null,
              special_use: specialUse,
              subscribed: entry.subscribed ? 1 : 0,
              sync_enabled: 1,
              created_at: now,
              updated_at: now,
            })
            .execute();
        } else if (known.special_use !== specialUse || known.name !== entry.name || known.subscribed !== (entry.subscribed ? 1 : 0)) {
          await trx
            .updateTable('mail_folders')
            .set({ special_use: specialUse, name: entry.name, subscribed: entry.subscribed ? 1 : 0, updated_at: now })
            .where('id', '=', known.id)
            .execute();
        }
      }
      // A folder deleted or renamed on the server goes here too, with its messages.
      const gone = existing.filter((f) => !selectable.some((s) => s.path === f.path)).map((f) => f.id);
      if (gone.length > 0) await trx.deleteFrom('mail_folders').where('id', 'in', gone).execute();
    });
    const folders = await db.selectFrom('mail_folders').selectAll().where('account_id', '=', account.id).where('sync_enabled', '=', 1).execute();
    const status = new Map<string, StatusObject>();
    for (const entry of selectable) if (entry.status) status.set(entry.path, entry.status);
    return {
      status,
      folders: folders.sort((a, b) => (FOLDER_ORDER[a.special_use ?? ''] ?? 6) - (FOLDER_ORDER[b.special_use ?? ''] ?? 6) || a.path.localeCompare(b.path)),
    };
  }

  /* ---------- small IMAP helpers; all UIDs ---------- */

  function hasEsearch(client: ImapFlow): boolean {
    return client.capabilities.has('ESEARCH');
  }

  /** UIDs in [from, to] (to = null: up to the highest), ascending. */
  async function uidsIn(client: ImapFlow, from: number, to: number | null): Promise<number[]> {
    if (to !== null && to < from) return [];
    const range = `${from}:${to ?? '*'}`;
    let uids: number[];
    if (hasEsearch(client)) {
      const r = await client.search({ uid: range }, { uid: true, returnOptions: ['ALL'] });
      uids = fromSequenceSet(r && typeof r === 'object' && !Array.isArray(r) ? r.all : undefined);
    } else {
      const r = await client.search({ uid: range }, { uid: true });
      uids = Array.isArray(r) ? r : [];
    }
    // "n:*" always includes the highest UID, even below n.
    return uids.filter((u) => u >= from && (to === null || u <= to)).sort((a, b) => a - b);
  }

  async function countIn(client: ImapFlow, from: number, to: number): Promise<number> {
    if (to < from) return 0;
    if (hasEsearch(client)) {
      const r = await client.search({ uid: `${from}:${to}` }, { uid: true, returnOptions: ['COUNT'] });
      if (r && typeof r === 'object' && !Array.isArray(r)) return r.count ?? 0;
    }
    return (await uidsIn(client, from, to)).length;
  }

  /** Lowest UID that arrived on or after `since`; uidNext when none did. */
  async function windowFloor(client: ImapFlow, since: number, uidNext: number): Promise<number> {
    const date = new Date(since);
    if (hasEsearch(client)) {
      const r = await client.search({ since: date }, { uid: true, returnOptions: ['MIN'] });
      if (r && typeof r === 'object' && !Array.isArray(r)) return r.min ?? uidNext;
    }
    const r = await client.search({ since: date }, { uid: true });
    return Array.isArray(r) && r.length > 0 ? Math.min(...r) : uidNext;
  }

  /**
   * Consecutive slices of `uids` (in the order given) of at most batchSize messages and
   * MAX_BATCH_BYTES bytes (by RFC822.SIZE, fetched for all of them in one command), so the
   * checkpoint can move past each slice as it commits.
   */
  async function batches(client: ImapFlow, uids: readonly number[]): Promise<number[][]> {
    if (uids.length === 0) return [];
    const sizes = new Map<number, number>();
    for (const m of await client.fetchAll(toSequenceSet(uids), { uid: true, size: true }, { uid: true })) sizes.set(m.uid, m.size ?? 0);
    const out: number[][] = [];
    let current: number[] = [];
    let bytes = 0;
    for (const uid of uids) {
      const size = sizes.get(uid) ?? 0;
      if (current.length > 0 && (current.length >= batchSize || bytes + size > MAX_BATCH_BYTES)) {
        out.push(current);
        current = [];
        bytes = 0;
      }
      current.push(uid);
      bytes += size;
    }
    out.push(current);
    return out;
  }

  async function fetchBatch(client: ImapFlow, uids: readonly number[]): Promise<FetchMessageObject[]> {
    if (uids.length === 0) return [];
    const fetched = await client.fetchAll(toSequenceSet(uids), { uid: true, flags: true, internalDate: true, size: true, source: true }, { uid: true });
    // The server answers in UID order; store in the order asked (newest first when backfilling).
    const rank = new Map(uids.map((u, i) => [u, i]));
    return fetched.sort((a, b) => (rank.get(a.uid) ?? 0) - (rank.get(b.uid) ?? 0));
  }

  async function prepare(fetched: readonly FetchMessageObject[]): Promise<PreparedMessage[]> {
    const out: PreparedMessage[] = [];
    for (const m of fetched) {
      const raw = m.source ?? Buffer.alloc(0);
      const parsed = await parseMail(raw);
      const internal = m.internalDate ? new Date(m.internalDate).getTime() : NaN;
      out.push(
        storeContent(stores, {
          uid: m.uid,
          raw,
          parsed,
          receivedAt: Number.isFinite(internal) ? internal : null,
          flags: m.flags ? [...m.flags] : [],
          size: m.size ?? raw.length,
        }),
      );
    }
    return out;
  }

  async function localUids(folderId: string): Promise<number[]> {
    const rows = await db.selectFrom('mail_messages').select('uid').where('folder_id', '=', folderId).where('uid', 'is not', null).orderBy('uid').execute();
    return rows.map((r) => r.uid!);
  }

  async function localCount(folderId: string): Promise<number> {
    const row = await db
      .selectFrom('mail_messages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('folder_id', '=', folderId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async function removeUids(folderId: string, uids: readonly number[]): Promise<void> {
    for (let i = 0; i < uids.length; i += 500) {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('mail_messages').where('folder_id', '=', folderId).where('uid', 'in', uids.slice(i, i + 500)).execute();
      });
    }
  }

  /* ---------- one folder ---------- */

  async function syncFolder(
    client: ImapFlow,
    account: MailAccountsTable,
    folder: MailFoldersTable,
    options: SyncOptions,
  ): Promise<FolderReport> {
    const report = emptyFolderReport(folder, null);
    const progress = (phase: SyncPhase, done: number, total: number) =>
      options.onProgress?.({ accountId: account.id, folderPath: folder.path, phase, done, total });
    const context: FolderContext = { folderId: folder.id, specialUse: folder.special_use, accountId: account.id, ownAddresses: ownAddressesOf(account) };

    const lock = await client.getMailboxLock(folder.path, { readOnly: true });
    try {
      const mailbox = client.mailbox as MailboxObject;
      const uidValidity = mailbox.uidValidity.toString();
      const uidNext = mailbox.uidNext;
      const modseq = mailbox.noModseq ? undefined : mailbox.highestModseq;
      const windowDays = options.windowDays === undefined ? account.sync_window_days : options.windowDays;

      let cp = await db.selectFrom('mail_folder_checkpoints').selectAll().where('folder_id', '=', folder.id).executeTakeFirst();
      if (cp && cp.uidvalidity !== uidValidity) {
        log.warn('mail.sync.uidValidityChanged', { accountId: account.id, folder: folder.path, was: cp.uidvalidity, now: uidValidity });
        const removed = await localCount(folder.id);
        await db.transaction().execute(async (trx) => {
          await trx.deleteFrom('mail_messages').where('folder_id', '=', folder.id).execute();
          await trx.deleteFrom('mail_folder_checkpoints').where('folder_id', '=', folder.id).execute();
        });
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
        await db.insertInto('mail_folder_checkpoints').values(fresh).execute();
        cp = fresh;
      } else {
        // The window slides with time and may have been widened (or set to "all mail"): the
        // floor only ever moves down, and the range is then backfilled further.
        const floor = await floorFor();
        if (floor < cp.floor_uid) {
          await db.updateTable('mail_folder_checkpoints').set({ floor_uid: floor, updated_at: clock.now() }).where('folder_id', '=', folder.id).execute();
          cp = { ...cp, floor_uid: floor };
        }
      }
      let { low_uid: low, high_uid: high } = cp;
      const floor = cp.floor_uid;

      const commit = async (items: PreparedMessage[], range: { low?: number; high?: number }) => {
        let added: string[] = [];
        await db.transaction().execute(async (trx) => {
          added = await insertMessages(trx, context, items, clock.now());
          await trx
            .updateTable('mail_folder_checkpoints')
            .set({ ...(range.low !== undefined ? { low_uid: range.low } : {}), ...(range.high !== undefined ? { high_uid: range.high } : {}), updated_at: clock.now() })
            .where('folder_id', '=', folder.id)
            .execute();
        });
        report.added += added.length;
      };

      // New mail above the range, oldest first so the range grows without holes.
      if (uidNext - 1 > high) {
        const fresh = await uidsIn(client, high + 1, null);
        const slices = await batches(client, fresh);
        let done = 0;
        for (const [i, uids] of slices.entries()) {
          options.signal?.throwIfAborted();
          const items = await prepare(await fetchBatch(client, uids));
          const isLast = i === slices.length - 1;
          // The last batch also covers UIDs that were used and expunged: nothing lives there.
          high = isLast ? Math.max(uids.at(-1)!, uidNext - 1) : uids.at(-1)!;
          await commit(items, { high });
          options.onCommitted?.();
          done += uids.length;
          progress('new', done, fresh.length);
        }
        if (fresh.length === 0) {
          high = uidNext - 1;
          await db.updateTable('mail_folder_checkpoints').set({ high_uid: high, updated_at: clock.now() }).where('folder_id', '=', folder.id).execute();
        }
      }

      // Backfill below the range down to the floor, newest first.
      if (low > floor) {
        const older = (await uidsIn(client, floor, low - 1)).reverse();
        const slices = await batches(client, older);
        let done = 0;
        for (const [i, uids] of slices.entries()) {
          options.signal?.throwIfAborted();
          const items = await prepare(await fetchBatch(client, uids));
          low = i === slices.length - 1 ? floor : uids.at(-1)!;
          await commit(items, { low });
          options.onCommitted?.();
          done += uids.length;
          progress('backfill', done, older.length);
        }
        if (older.length === 0) {
          low = floor;
          await db.updateTable('mail_folder_checkpoints').set({ low_uid: low, updated_at: clock.now() }).where('folder_id', '=', folder.id).execute();
        }
      }
      report.windowComplete = low <= floor;
      options.signal?.throwIfAborted();

      // Flags.
      if (low <= high) {
        const stored = cp.highest_modseq !== null ? BigInt(cp.highest_modseq) : null;
        let changed: FetchMessageObject[] = [];
        let heldBack = 0;
        if (modseq !== undefined && stored !== null) {
          if (modseq > stored) changed = await client.fetchAll(`${low}:${high}`, { uid: true, flags: true }, { uid: true, changedSince: stored });
        } else {
          changed = await client.fetchAll(`${low}:${high}`, { uid: true, flags: true }, { uid: true });
        }
        if (changed.length > 0) {
          const current = new Map<number, string>();
          for (let i = 0; i < changed.length; i += 500) {
            const rows = await db
              .selectFrom('mail_messages')
              .select(['uid', 'flags'])
              .where('folder_id', '=', folder.id)
              .where('uid', 'in', changed.slice(i, i + 500).map((c) => c.uid))
              .execute();
            for (const r of rows) current.set(r.uid!, r.flags);
          }
          await db.transaction().execute(async (trx) => {
            // A read / star change made here that the server has not been told yet wins over
            // what the server said (message-flags.ts); read in this transaction, so a change
            // committed before it is seen and one committed after it is not overwritten.
            const pending = await pendingFlagUids(trx, folder.id);
            for (const m of changed) {
              const columns = flagColumns(m.flags ?? []);
              const was = current.get(m.uid);
              if (was === undefined || was === columns.flags) continue;
              if (pending.has(m.uid)) {
                heldBack++;
                continue;
              }
              await trx.updateTable('mail_messages').set({ ...columns, updated_at: clock.now() }).where('folder_id', '=', folder.id).where('uid', '=', m.uid).execute();
              report.flagsUpdated++;
            }
          });
          progress('flags', changed.length, changed.length);
        }
        // Server flags held back for a pending change must be read again next pass (the rest of
        // that message's flags may have changed elsewhere): the stored HIGHESTMODSEQ stays put.
        if (modseq !== undefined && heldBack === 0) {
          await db.updateTable('mail_folder_checkpoints').set({ highest_modseq: modseq.toString() }).where('folder_id', '=', folder.id).execute();
        }
      }
      options.signal?.throwIfAborted();

      // Deletions and moves away: only when the counts say something is gone.
      const reconcile = async (): Promise<{ removed: number; missing: number }> => {
        const serverUids = await uidsIn(client, low, high);
        const local = await localUids(folder.id);
        const onServer = new Set(serverUids);
        const here = new Set(local);
        const extra = local.filter((u) => !onServer.has(u));
        const missing = serverUids.filter((u) => !here.has(u));
        if (extra.length > 0) await removeUids(folder.id, extra);
        for (const uids of await batches(client, missing)) await commit(await prepare(await fetchBatch(client, uids)), {});
        return { removed: extra.length, missing: missing.length };
      };
      let serverRange = low <= high ? await countIn(client, low, high) : 0;
      let local = await localCount(folder.id);
      if (serverRange !== local) {
        const r = await reconcile();
        report.removed += r.removed;
        progress('deletions', r.removed, r.removed);
        if (r.missing > 0) {
          report.repaired += r.missing;
          log.warn('mail.sync.gapRepaired', { accountId: account.id, folder: folder.path, missing: r.missing });
        }
        serverRange = low <= high ? await countIn(client, low, high) : 0;
        local = await localCount(folder.id);
      }

      // Verify: counts must agree, or we repair and say so.
      if (serverRange !== local) {
        log.warn('mail.sync.countMismatch', { accountId: account.id, folder: folder.path, server: serverRange, local });
        const r = await reconcile();
        report.removed += r.removed;
        report.repaired += r.removed + r.missing;
        serverRange = low <= high ? await countIn(client, low, high) : 0;
        local = await localCount(folder.id);
      }
      const agree = serverRange === local;
      await db
        .updateTable('mail_folder_checkpoints')
        .set((eb) => ({
          // UIDNEXT as of the SELECT, not later: mail that arrived during this pass must make the
          // next pass open the folder (see unchangedReport).
          uid_next: uidNext,
          server_count: mailbox.exists,
          server_range_count: serverRange,
          local_count: local,
          ...(agree ? { verified_at: clock.now() } : {}),
          repairs: eb('repairs', '+', report.repaired),
          updated_at: clock.now(),
        }))
        .where('folder_id', '=', folder.id)
        .execute();
      report.serverCount = mailbox.exists;
      report.serverRangeCount = serverRange;
      report.localCount = local;
      progress('verify', local, serverRange);
      return report;
    } finally {
      lock.release();
    }
  }

  /**
   * The report of a folder the server says is exactly as it was at its last verified pass, or
   * null when it must be opened: any difference in UIDVALIDITY, UIDNEXT, message count or
   * HIGHESTMODSEQ (new mail, expunges, flag changes), an unfinished backfill, or counts that
   * did not agree last time.
   */
  function unchangedReport(folder: MailFoldersTable, cp: MailFolderCheckpointsTable | undefined, st: StatusObject | undefined): FolderReport | null {
    if (!cp || !st || cp.verified_at === null || cp.highest_modseq === null || st.highestModseq === undefined) return null;
    if (st.uidValidity === undefined || st.uidValidity.toString() !== cp.uidvalidity) return null;
    if (st.uidNext !== cp.uid_next || st.messages !== cp.server_count || BigInt(cp.highest_modseq) !== st.highestModseq) return null;
    if (cp.low_uid > cp.floor_uid || cp.server_range_count === null || cp.server_range_count !== cp.local_count) return null;
    return {
      ...emptyFolderReport(folder, null),
      serverCount: cp.server_count ?? 0,
      serverRangeCount: cp.server_range_count,
      localCount: cp.local_count ?? 0,
      windowComplete: true,
      skipped: true,
    };
  }

  /**
   * One sync pass over an account: folder list, then every folder. Throws MailSyncError when
   * the account cannot be reached or the pass is aborted; a folder that fails while the
   * connection stays usable is reported and the others still sync.
   */
  async function syncAccount(accountId: string, options: SyncOptions = {}): Promise<SyncReport> {
    const startedAt = clock.now();
    const account = await db.selectFrom('mail_accounts').selectAll().where('id', '=', accountId).executeTakeFirst();
    if (!account || account.kind !== 'imap' || !account.imap_host || !account.imap_port || !account.imap_user) {
      throw new MailSyncError('account', accountId, 'no such IMAP account');
    }
    const recordError = async (err: unknown) => {
      const step = err instanceof MailSyncError ? err.step : 'folder';
      await db
        .updateTable('mail_accounts')
        .set({ last_sync_error: JSON.stringify({ step, message: errorText(err) }), updated_at: clock.now() })
        .where('id', '=', accountId)
        .execute();
    };

    options.onProgress?.({ accountId, folderPath: null, phase: 'connect', done: 0, total: 0 });
    let client: ImapFlow;
    try {
      client = await connect(account);
    } catch (err) {
      await recordError(err);
      throw err;
    }
    const folders: FolderReport[] = [];
    try {
      options.onProgress?.({ accountId, folderPath: null, phase: 'folders', done: 0, total: 0 });
      const { folders: all, status } = await syncFolders(client, account);
      const wanted = options.folders ? all.filter((f) => options.folders!.includes(f.path)) : all;
      const checkpoints = new Map(
        (await db.selectFrom('mail_folder_checkpoints').selectAll().where('folder_id', 'in', wanted.length ? wanted.map((f) => f.id) : [''] ).execute()).map((c) => [c.folder_id, c]),
      );
      // Read / star changes made here go to the server before its flags are read (message-flags.ts).
      const pendingFlags = await foldersWithPendingFlags(db, accountId);
      const runFolder = async (folder: MailFoldersTable, passOptions: SyncOptions): Promise<FolderReport> => {
        options.signal?.throwIfAborted();
        if (pendingFlags.delete(folder.id)) {
          try {
            await pushPendingFlags(client, db, folder);
          } catch (err) {
            if (options.signal?.aborted || !client.usable) throw err;
            // The changes stay pending for the next pass; the folder still syncs (and keeps them).
            log.warn('mail.sync.flagPushFailed', { accountId, folder: folder.path, error: errorText(err) });
          }
        }
        const unchanged = passOptions.windowDays === undefined ? unchangedReport(folder, checkpoints.get(folder.id), status.get(folder.path)) : null;
        // The local side is checked too: a message lost here (a bug, a bad restore) must be refetched.
        if (unchanged && (await localCount(folder.id)) === unchanged.localCount) {
          await db.updateTable('mail_folder_checkpoints').set({ verified_at: clock.now() }).where('folder_id', '=', folder.id).execute();
          options.onProgress?.({ accountId, folderPath: folder.path, phase: 'verify', done: unchanged.localCount, total: unchanged.serverRangeCount });
          return unchanged;
        }
        try {
          return await syncFolder(client, account, folder, passOptions);
        } catch (err) {
          if (options.signal?.aborted || !client.usable) throw err;
          log.warn('mail.sync.folderFailed', { accountId, folder: folder.path, error: errorText(err) });
          return emptyFolderReport(folder, errorText(err));
        }
      };
      for (const folder of wanted) folders.push(await runFolder(folder, options));

      // Then the mail older than the window, folder by folder, once every folder has its recent mail.
      const windowed = options.windowDays === undefined ? account.sync_window_days !== null : options.windowDays !== null;
      if (options.olderInBackground && windowed) {
        const floors = await db.selectFrom('mail_folder_checkpoints').select(['folder_id', 'floor_uid']).where('folder_id', 'in', wanted.map((f) => f.id)).execute();
        const pending = new Set(floors.filter((c) => c.floor_uid > 1).map((c) => c.folder_id));
        for (const folder of wanted.filter((f) => pending.has(f.id))) {
          const older = await runFolder(folder, { ...options, windowDays: null });
          const i = folders.findIndex((f) => f.path === folder.path);
          const first = folders[i]!;
          folders[i] = { ...older, added: first.added + older.added, removed: first.removed + older.removed, flagsUpdated: first.flagsUpdated + older.flagsUpdated, repaired: first.repaired + older.repaired, reset: first.reset || older.reset };
        }
      }
      await client.logout().catch(() => client.close());
    } catch (err) {
      client.close();
      const failure = err instanceof MailSyncError || options.signal?.aborted ? err : new MailSyncError('folder', accountId, errorText(err), { cause: err });
      await recordError(failure);
      throw failure;
    }
    const failed = folders.find((f) => f.error);
    await db
      .updateTable('mail_accounts')
      .set({
        last_sync_at: clock.now(),
        last_sync_error: failed ? JSON.stringify({ step: 'folder', message: `${failed.path}: ${failed.error}` }) : null,
        updated_at: clock.now(),
      })
      .where('id', '=', accountId)
      .execute();
    const report = { accountId, startedAt, finishedAt: clock.now(), folders };
    options.onProgress?.({ accountId, folderPath: null, phase: 'done', done: folders.length, total: folders.length });
    return report;
  }

  /**
   * Keeps one connection on the Inbox in IDLE and calls `onChange` when the server reports new,
   * expunged or re-flagged mail. Resolves when the connection ends — the server closed it, the
   * network dropped, or `signal` aborted — so the caller decides when to reconnect.
   */
  async function watchInbox(accountId: string, onChange: () => void, signal: AbortSignal): Promise<void> {
    const account = await db.selectFrom('mail_accounts').selectAll().where('id', '=', accountId).executeTakeFirst();
    if (!account || account.kind !== 'imap' || !account.imap_host || !account.imap_port || !account.imap_user) {
      throw new MailSyncError('account', accountId, 'no such IMAP account');
    }
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

  return { syncAccount, watchInbox };
}

export type MailSync = ReturnType<typeof createMailSync>;
