import type { Db } from '../../../../db/database.ts';
import type { Emit } from '../../core/events.ts';
import type { ImapFlow } from 'imapflow';
import type { z } from 'zod';
import type { Flag } from '../../../../db/tables/tables.ts';
import type { mailCalls } from '../../../../shared/contract/mail.contract.ts';
import type { Clock } from '../../core/clock.ts';
import { parseJson } from '../../core/json-column.ts';
import { flagColumns } from '../store/message-writer.ts';
import { flagTargets, forgetSentFlagChanges, pendingFlagChanges, setFlagsOfMessage, upsertFlagChange } from './message-flags.queries.ts';

/**
 * Read / unread and star (`mail.setFlags`), local first.
 *
 * The handler changes the message rows in one transaction, so unread counts drop before the
 * call returns, and records the wanted flags in mail_flag_changes (migration 0004). Telling
 * the server is a sync pass of the folders concerned: the sync (imap-sync.ts) sends a folder's
 * pending changes (UID STORE) right after connecting and before it reads the server's flags,
 * and its flag phase (folder-steps.ts) leaves messages alone that still have a pending change.
 * So:
 *  - online, the server has the flag within one short pass;
 *  - offline (or the pass fails), the rows wait, and the next successful sync — the scheduler's
 *    retry, or any later one — sends them first; the server's older state never flips the
 *    local change back;
 *  - the sync runs one pass per account at a time (sync-runs.ts runSync), so no second
 *    connection can race it: a change made during a pass stays pending (skipped by that pass's
 *    flag phase) and is sent by the follow-up pass the handler asked for.
 * A change on another device still comes in: once nothing is pending for a message, the
 * server's flags win as before.
 */

type Calls = typeof mailCalls;
type SetFlagsInput = z.output<Calls['mail.setFlags']['input']>;
type SetFlagsOutput = z.output<Calls['mail.setFlags']['output']>;

export interface MessageFlagDeps {
  db: Db;
  clock: Clock;
  emit: Emit;
  /** Starts a sync pass of these folders (paths) of the account, which sends the pending changes. */
  push(accountId: string, folderPaths: readonly string[]): void;
}

const SEEN = '\\Seen';
const FLAGGED = '\\Flagged';
/** UIDs per STORE command: keeps the command line well under servers' limits. */
const STORE_CHUNK = 500;

/** A message's IMAP flags after the change; pure, for tests. */
export function applyFlagChange(flags: readonly string[], change: { seen?: boolean | undefined; flagged?: boolean | undefined }): string[] {
  const out = new Set(flags);
  const set = (flag: string, on: boolean | undefined) => {
    if (on === true) out.add(flag);
    else if (on === false) out.delete(flag);
  };
  set(SEEN, change.seen);
  set(FLAGGED, change.flagged);
  return [...out];
}

/** The stored flag list; unreadable is empty: the change still applies, the next sync rewrites the rest. */
function parseFlags(json: string): string[] {
  const v = parseJson<unknown>(json, []);
  return Array.isArray(v) ? v.filter((f): f is string => typeof f === 'string') : [];
}

const toFlag = (on: boolean | undefined): Flag | null => (on === undefined ? null : on ? 1 : 0);

export function createMessageFlagHandlers(deps: MessageFlagDeps): { 'mail.setFlags': (input: SetFlagsInput) => Promise<SetFlagsOutput> } {
  const { db, clock } = deps;
  return {
    'mail.setFlags': async (input) => {
      const ids = [...new Set(input.ids)];
      const now = clock.now();
      const seen = toFlag(input.seen);
      const flagged = toFlag(input.flagged);
      const rows = await db.transaction().execute(async (trx) => {
        const found = await flagTargets(trx, { ids });
        for (const r of found) {
          const columns = flagColumns(applyFlagChange(parseFlags(r.flags), input));
          if (columns.flags !== r.flags) await setFlagsOfMessage(trx, { id: r.id, columns }, now);
          // Imported archive mail has no server to tell. A pending row is written even when the
          // local flags did not change: the server may differ (changed elsewhere since the last
          // sync), and what the user asked for is what it should end up with.
          if (r.kind !== 'imap' || r.uid === null) continue;
          await upsertFlagChange(trx, { messageId: r.id, folderId: r.folder_id, seen, flagged }, now);
        }
        return found;
      });
      deps.emit('data.changed', { entities: ['mailMessages', 'mailFolders'] });
      // Accounts whose sync is off keep their changes pending until it is turned on again.
      const byAccount = new Map<string, Set<string>>();
      for (const r of rows) {
        if (r.kind !== 'imap' || r.uid === null || r.sync_enabled !== 1) continue;
        byAccount.set(r.account_id, (byAccount.get(r.account_id) ?? new Set()).add(r.path));
      }
      for (const [accountId, paths] of byAccount) deps.push(accountId, [...paths]);
      return { count: rows.length };
    },
  };
}

/* ---------- the sync's side ---------- */

export interface StoreCommand {
  flag: string;
  add: boolean;
  uids: number[];
}

/** The STORE commands for pending changes: one per flag and direction, UIDs ascending; pure, for tests. */
export function storeCommands(pending: ReadonlyArray<{ uid: number; seen: Flag | null; flagged: Flag | null }>): StoreCommand[] {
  const out: StoreCommand[] = [];
  for (const [flag, key] of [
    [SEEN, 'seen'],
    [FLAGGED, 'flagged'],
  ] as const) {
    for (const add of [true, false]) {
      const uids = pending.filter((p) => p[key] === (add ? 1 : 0)).map((p) => p.uid);
      if (uids.length > 0) out.push({ flag, add, uids: uids.sort((a, b) => a - b) });
    }
  }
  return out;
}

/**
 * Stores a folder's pending changes on the server (the folder opened read-write, UID STORE;
 * UIDs gone from the server are ignored by it), then forgets each change unless it was changed
 * again meanwhile — that newer one waits for the next pass. Returns how many were sent.
 */
export async function pushPendingFlags(client: ImapFlow, db: Db, folder: { id: string; path: string }): Promise<number> {
  const pending = await pendingFlagChanges(db, { folderId: folder.id });
  const sendable = pending.flatMap((p) => (p.uid === null ? [] : [{ ...p, uid: p.uid }]));
  if (sendable.length === 0) return 0;
  const lock = await client.getMailboxLock(folder.path);
  try {
    for (const command of storeCommands(sendable)) {
      for (let i = 0; i < command.uids.length; i += STORE_CHUNK) {
        const set = command.uids.slice(i, i + STORE_CHUNK).join(',');
        if (command.add) await client.messageFlagsAdd(set, [command.flag], { uid: true });
        else await client.messageFlagsRemove(set, [command.flag], { uid: true });
      }
    }
  } finally {
    lock.release();
  }
  await forgetSentFlagChanges(db, { sent: pending });
  return sendable.length;
}
