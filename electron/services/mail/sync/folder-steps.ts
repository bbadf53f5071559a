import type { FetchMessageObject, ImapFlow } from 'imapflow';
import type { MailAccountsTable, MailFoldersTable } from '../../../../db/tables/mail.tables.ts';
import { withBulkWriteCache } from '../../platform/bulk-write.ts';
import { flagColumns } from '../store/message-writer.ts';
import { beginPass, commitBatch, prepareBatch, type FolderPass, type FolderSyncEnv } from './folder-checkpoint.ts';
import { batchesOf, countIn, fetchBatch, uidsIn } from './imap-search.ts';
import { localCount, localUids, moveCheckpoint, recordVerification, removeUids, saveHighestModseq, setMessageFlags, storedFlags } from './imap-sync.queries.ts';
import { pendingFlagUids } from './message-flags.queries.ts';
import type { FolderReport, SyncOptions } from './sync-report.ts';

/**
 * One pass over one folder, in five steps:
 *  1. open the folder read-only; a changed UIDVALIDITY empties it locally and starts over
 *     (folder-checkpoint.ts, beginPass);
 *  2. fetch mail above the complete range in ascending batches (new mail), then below it in
 *     descending batches down to the window's floor (the first sync is all backfill, so it runs
 *     newest first); a batch is at most `batchSize` messages and 16 MB of source, and commits
 *     together with the checkpoint that covers it;
 *  3. bring flags up to date: CONDSTORE `CHANGEDSINCE` the stored HIGHESTMODSEQ, else all flags;
 *  4. find deletions (and moves away) by comparing the server's count in the range with the
 *     local one, and only when they differ list the server's UIDs and remove the rest;
 *  5. verify: STATUS MESSAGES, the server's count in the range, the local count. Counts that
 *     still disagree are repaired from a full UID comparison, logged, and counted.
 */
export async function syncFolder(env: FolderSyncEnv, client: ImapFlow, account: MailAccountsTable, folder: MailFoldersTable, options: SyncOptions): Promise<FolderReport> {
  const lock = await client.getMailboxLock(folder.path, { readOnly: true });
  try {
    const pass = await beginPass(env, client, account, folder, options);
    await fetchNewMail(pass);
    await backfill(pass);
    pass.report.windowComplete = pass.low <= pass.floor;
    options.signal?.throwIfAborted();
    await updateFlags(pass);
    options.signal?.throwIfAborted();
    const counts = await removeDeleted(pass);
    await verifyCounts(pass, counts);
    return pass.report;
  } finally {
    lock.release();
  }
}

/** Step 2a: new mail above the range, oldest first so the range grows without holes. */
async function fetchNewMail(pass: FolderPass): Promise<void> {
  const { client, env, options, uidNext } = pass;
  if (uidNext - 1 <= pass.high) return;
  const fresh = await uidsIn(client, pass.high + 1, null);
  const slices = await batchesOf(client, fresh, env.batchSize);
  let done = 0;
  await inBulkWhenMany(env, slices, async () => {
    for await (const [i, uids, fetched] of fetchAhead(client, slices)) {
      options.signal?.throwIfAborted();
      const items = await prepareBatch(env, fetched);
      // The last batch also covers UIDs that were used and expunged: nothing lives there.
      pass.high = i === slices.length - 1 ? Math.max(uids.at(-1)!, uidNext - 1) : uids.at(-1)!;
      await commitBatch(pass, items, { high: pass.high });
      options.onCommitted?.();
      done += uids.length;
      pass.progress('new', done, fresh.length);
    }
  });
  if (fresh.length === 0) {
    pass.high = uidNext - 1;
    await moveCheckpoint(env.db, { folderId: pass.folder.id, high: pass.high }, env.clock.now());
  }
}

/**
 * Step 2b: the mail below the range down to the floor, newest first. Between batches it gives
 * way to a more urgent pass (SyncOptions.shouldYield): the checkpoint already covers every
 * committed batch, so the next pass goes on from there.
 */
async function backfill(pass: FolderPass): Promise<void> {
  const { client, env, options, floor } = pass;
  if (pass.low <= floor || options.backfill === false) return;
  const older = (await uidsIn(client, floor, pass.low - 1)).reverse();
  const slices = await batchesOf(client, older, env.backfillBatchSize);
  let done = 0;
  await inBulkWhenMany(env, slices, async () => {
    for await (const [i, uids, fetched] of fetchAhead(client, slices)) {
      options.signal?.throwIfAborted();
      if (i > 0 && options.shouldYield?.()) return;
      const items = await prepareBatch(env, fetched);
      pass.low = i === slices.length - 1 ? floor : uids.at(-1)!;
      await commitBatch(pass, items, { low: pass.low });
      options.onCommitted?.();
      done += uids.length;
      pass.progress('backfill', done, older.length);
    }
  });
  if (older.length === 0) {
    pass.low = floor;
    await moveCheckpoint(env.db, { folderId: pass.folder.id, low: pass.low }, env.clock.now());
  }
}

/**
 * More than one batch to write is bulk work (a first sync, a long absence): it runs with the
 * bulk page cache (platform/bulk-write.ts). A usual pass of a few new messages keeps the screens'
 * cache as it is.
 */
function inBulkWhenMany(env: FolderSyncEnv, slices: readonly number[][], work: () => Promise<void>): Promise<void> {
  return slices.length > 1 ? withBulkWriteCache(env.db, work) : work();
}

/**
 * Each slice's messages, with the next slice's fetch already under way while the caller parses
 * and writes this one: the network and the server work beside us instead of in turn.
 */
async function* fetchAhead(client: ImapFlow, slices: readonly number[][]): AsyncGenerator<[number, number[], FetchMessageObject[]]> {
  const start = (uids: readonly number[]) => {
    const p = fetchBatch(client, uids);
    // Handled here so a failure while the caller is busy is not an unhandled rejection; the await below still sees it.
    p.catch(() => {});
    return p;
  };
  let next = slices.length > 0 ? start(slices[0]!) : null;
  try {
    for (let i = 0; i < slices.length; i++) {
      const fetched = await next!;
      next = i + 1 < slices.length ? start(slices[i + 1]!) : null;
      yield [i, slices[i]!, fetched];
    }
  } finally {
    // Left early (aborted, or giving way): the fetch in flight ends before the connection is used again or parked.
    await next?.catch(() => {});
  }
}

/** Step 3: flags changed on the server since the stored HIGHESTMODSEQ (all of them without CONDSTORE). */
async function updateFlags(pass: FolderPass): Promise<void> {
  const { client, env, cp, modseq, low, high, folder, report } = pass;
  if (low > high) return;
  const { db, clock } = env;
  const stored = cp.highest_modseq !== null ? BigInt(cp.highest_modseq) : null;
  let changed: FetchMessageObject[] = [];
  let heldBack = 0;
  if (modseq !== undefined && stored !== null) {
    if (modseq > stored) changed = await client.fetchAll(`${low}:${high}`, { uid: true, flags: true }, { uid: true, changedSince: stored });
  } else {
    changed = await client.fetchAll(`${low}:${high}`, { uid: true, flags: true }, { uid: true });
  }
  if (changed.length > 0) {
    const current = await storedFlags(db, { folderId: folder.id, uids: changed.map((c) => c.uid) });
    await db.transaction().execute(async (trx) => {
      // A read / star change made here that the server has not been told yet wins over
      // what the server said (message-flags.ts); read in this transaction, so a change
      // committed before it is seen and one committed after it is not overwritten.
      const pending = await pendingFlagUids(trx, { folderId: folder.id });
      for (const m of changed) {
        const columns = flagColumns(m.flags ?? []);
        const was = current.get(m.uid);
        if (was === undefined || was === columns.flags) continue;
        if (pending.has(m.uid)) {
          heldBack++;
          continue;
        }
        await setMessageFlags(trx, { folderId: folder.id, uid: m.uid, columns }, clock.now());
        report.flagsUpdated++;
      }
    });
    pass.progress('flags', changed.length, changed.length);
  }
  // Server flags held back for a pending change must be read again next pass (the rest of
  // that message's flags may have changed elsewhere): the stored HIGHESTMODSEQ stays put.
  if (modseq !== undefined && heldBack === 0) await saveHighestModseq(db, { folderId: folder.id, modseq: modseq.toString() });
}

interface Counts {
  serverRange: number;
  local: number;
}

/** Makes the local range match the server's UIDs: removes what is gone, fetches what is missing. */
async function reconcile(pass: FolderPass): Promise<{ removed: number; missing: number }> {
  const { client, env, folder, low, high } = pass;
  const serverUids = await uidsIn(client, low, high);
  const local = await localUids(env.db, { folderId: folder.id });
  const onServer = new Set(serverUids);
  const here = new Set(local);
  const extra = local.filter((u) => !onServer.has(u));
  const missing = serverUids.filter((u) => !here.has(u));
  if (extra.length > 0) await removeUids(env.db, { folderId: folder.id, uids: extra });
  for (const uids of await batchesOf(client, missing, env.batchSize)) await commitBatch(pass, await prepareBatch(env, await fetchBatch(client, uids)), {});
  return { removed: extra.length, missing: missing.length };
}

async function countBoth(pass: FolderPass): Promise<Counts> {
  const { client, env, folder, low, high } = pass;
  return {
    serverRange: low <= high ? await countIn(client, low, high) : 0,
    local: await localCount(env.db, { folderId: folder.id }),
  };
}

/** Step 4: deletions and moves away, looked for only when the counts say something is gone. */
async function removeDeleted(pass: FolderPass): Promise<Counts> {
  const { report, env, account, folder } = pass;
  const counts = await countBoth(pass);
  if (counts.serverRange === counts.local) return counts;
  const r = await reconcile(pass);
  report.removed += r.removed;
  pass.progress('deletions', r.removed, r.removed);
  if (r.missing > 0) {
    report.repaired += r.missing;
    env.log.warn('mail.sync.gapRepaired', { accountId: account.id, folder: folder.path, missing: r.missing });
  }
  return countBoth(pass);
}

/** Step 5: the counts must agree, or they are repaired and logged; the outcome goes on the checkpoint. */
async function verifyCounts(pass: FolderPass, counts: Counts): Promise<void> {
  const { report, env, account, folder, mailbox } = pass;
  let { serverRange, local } = counts;
  if (serverRange !== local) {
    env.log.warn('mail.sync.countMismatch', { accountId: account.id, folder: folder.path, server: serverRange, local });
    const r = await reconcile(pass);
    report.removed += r.removed;
    report.repaired += r.removed + r.missing;
    ({ serverRange, local } = await countBoth(pass));
  }
  await recordVerification(
    env.db,
    {
      folderId: folder.id,
      // UIDNEXT as of the SELECT, not later: mail that arrived during this pass must make the
      // next pass open the folder (folder-list.ts, unchangedReport).
      uidNext: pass.uidNext,
      serverCount: mailbox.exists,
      serverRangeCount: serverRange,
      localCount: local,
      agree: serverRange === local,
      repairs: report.repaired,
    },
    env.clock.now(),
  );
  report.serverCount = mailbox.exists;
  report.serverRangeCount = serverRange;
  report.localCount = local;
  pass.progress('verify', local, serverRange);
}
