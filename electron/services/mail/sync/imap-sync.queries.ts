import type { Db, DbOrTx } from '../../../../db/database.ts';
import type { MailFolderCheckpointsTable, MailFoldersTable, MailMessagesTable } from '../../../../db/tables/mail.tables.ts';

/**
 * The statements of the IMAP sync (imap-sync.ts and its steps): the folder list, the per-folder
 * checkpoints, local UIDs and counts, flag updates and the account's sync outcome. None of them
 * runs once per fetched message except the flag update of a message whose flags changed.
 */

/** How many UIDs go into one `IN` list. */
const UID_CHUNK = 500;

/* ---------- the account ---------- */

/** Why the last sync failed (JSON `{ step, message }`), for the account's error line. */
export async function recordSyncError(db: Db, input: { accountId: string; error: string }, now: number): Promise<void> {
  await db.updateTable('mail_accounts').set({ last_sync_error: input.error, updated_at: now }).where('id', '=', input.accountId).execute();
}

/** A pass ended: when, and the error of a folder that failed (null: none did). */
export async function recordSyncEnd(db: Db, input: { accountId: string; error: string | null }, now: number): Promise<void> {
  await db
    .updateTable('mail_accounts')
    .set({ last_sync_at: now, last_sync_error: input.error, updated_at: now })
    .where('id', '=', input.accountId)
    .execute();
}

/* ---------- folders ---------- */

export function folderRows(db: Db, input: { accountId: string }): Promise<MailFoldersTable[]> {
  return db.selectFrom('mail_folders').selectAll().where('account_id', '=', input.accountId).execute();
}

export function syncedFolderRows(db: Db, input: { accountId: string }): Promise<MailFoldersTable[]> {
  return db.selectFrom('mail_folders').selectAll().where('account_id', '=', input.accountId).where('sync_enabled', '=', 1).execute();
}

export type ListedFolder = Pick<MailFoldersTable, 'path' | 'name' | 'delimiter' | 'special_use' | 'subscribed'>;

/**
 * The server's folder list, applied in one transaction: new folders, changed names and roles,
 * and folders gone from the server (deleted or renamed there) removed with their messages.
 */
export async function applyFolderList(
  db: Db,
  input: { accountId: string; added: ReadonlyArray<ListedFolder & { id: string }>; changed: ReadonlyArray<ListedFolder & { id: string }>; goneIds: readonly string[] },
  now: number,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const f of input.added) {
      await trx
        .insertInto('mail_folders')
        .values({ ...f, account_id: input.accountId, sync_enabled: 1, created_at: now, updated_at: now })
        .execute();
    }
    for (const f of input.changed) {
      await trx
        .updateTable('mail_folders')
        .set({ special_use: f.special_use, name: f.name, subscribed: f.subscribed, updated_at: now })
        .where('id', '=', f.id)
        .execute();
    }
    if (input.goneIds.length > 0) await trx.deleteFrom('mail_folders').where('id', 'in', input.goneIds).execute();
  });
}

/* ---------- checkpoints ---------- */

export async function checkpointRows(db: Db, input: { folderIds: readonly string[] }): Promise<MailFolderCheckpointsTable[]> {
  if (input.folderIds.length === 0) return [];
  return db.selectFrom('mail_folder_checkpoints').selectAll().where('folder_id', 'in', input.folderIds).execute();
}

export function checkpointOf(db: Db, input: { folderId: string }): Promise<MailFolderCheckpointsTable | undefined> {
  return db.selectFrom('mail_folder_checkpoints').selectAll().where('folder_id', '=', input.folderId).executeTakeFirst();
}

export async function insertCheckpoint(db: Db, row: MailFolderCheckpointsTable): Promise<void> {
  await db.insertInto('mail_folder_checkpoints').values(row).execute();
}

/** Moves the complete range's ends (and the window's floor); inside a batch's transaction or alone. */
export async function moveCheckpoint(db: DbOrTx, input: { folderId: string; low?: number; high?: number; floor?: number }, now: number): Promise<void> {
  await db
    .updateTable('mail_folder_checkpoints')
    .set({
      ...(input.low !== undefined ? { low_uid: input.low } : {}),
      ...(input.high !== undefined ? { high_uid: input.high } : {}),
      ...(input.floor !== undefined ? { floor_uid: input.floor } : {}),
      updated_at: now,
    })
    .where('folder_id', '=', input.folderId)
    .execute();
}

export async function saveHighestModseq(db: Db, input: { folderId: string; modseq: string }): Promise<void> {
  await db.updateTable('mail_folder_checkpoints').set({ highest_modseq: input.modseq }).where('folder_id', '=', input.folderId).execute();
}

/** The server said nothing changed and the local count agrees: the folder counts as verified now. */
export async function markVerified(db: Db, input: { folderId: string }, now: number): Promise<void> {
  await db.updateTable('mail_folder_checkpoints').set({ verified_at: now }).where('folder_id', '=', input.folderId).execute();
}

/** The counts a pass ended with; `verified_at` moves only when they agree. */
export async function recordVerification(
  db: Db,
  input: { folderId: string; uidNext: number; serverCount: number; serverRangeCount: number; localCount: number; agree: boolean; repairs: number },
  now: number,
): Promise<void> {
  await db
    .updateTable('mail_folder_checkpoints')
    .set((eb) => ({
      uid_next: input.uidNext,
      server_count: input.serverCount,
      server_range_count: input.serverRangeCount,
      local_count: input.localCount,
      ...(input.agree ? { verified_at: now } : {}),
      repairs: eb('repairs', '+', input.repairs),
      updated_at: now,
    }))
    .where('folder_id', '=', input.folderId)
    .execute();
}

/** UIDVALIDITY changed: the folder's messages and checkpoint go, and it is fetched again. */
export async function forgetFolderMail(db: Db, input: { folderId: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('mail_messages').where('folder_id', '=', input.folderId).execute();
    await trx.deleteFrom('mail_folder_checkpoints').where('folder_id', '=', input.folderId).execute();
  });
}

/* ---------- messages of a folder ---------- */

export async function localUids(db: Db, input: { folderId: string }): Promise<number[]> {
  const rows = await db.selectFrom('mail_messages').select('uid').where('folder_id', '=', input.folderId).where('uid', 'is not', null).orderBy('uid').execute();
  return rows.flatMap((r) => (r.uid === null ? [] : [r.uid]));
}

export async function localCount(db: Db, input: { folderId: string }): Promise<number> {
  const row = await db
    .selectFrom('mail_messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('folder_id', '=', input.folderId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Removes messages gone from the server, a transaction per chunk so the database is never held long. */
export async function removeUids(db: Db, input: { folderId: string; uids: readonly number[] }): Promise<void> {
  for (let i = 0; i < input.uids.length; i += UID_CHUNK) {
    const chunk = input.uids.slice(i, i + UID_CHUNK);
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('mail_messages').where('folder_id', '=', input.folderId).where('uid', 'in', chunk).execute();
    });
  }
}

/** The stored flag lists of these UIDs, by UID. */
export async function storedFlags(db: Db, input: { folderId: string; uids: readonly number[] }): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (let i = 0; i < input.uids.length; i += UID_CHUNK) {
    const rows = await db
      .selectFrom('mail_messages')
      .select(['uid', 'flags'])
      .where('folder_id', '=', input.folderId)
      .where('uid', 'in', input.uids.slice(i, i + UID_CHUNK))
      .execute();
    for (const r of rows) if (r.uid !== null) out.set(r.uid, r.flags);
  }
  return out;
}

export type FlagColumns = Pick<MailMessagesTable, 'seen' | 'flagged' | 'answered' | 'draft' | 'flags'>;

export async function setMessageFlags(db: DbOrTx, input: { folderId: string; uid: number; columns: FlagColumns }, now: number): Promise<void> {
  await db
    .updateTable('mail_messages')
    .set({ ...input.columns, updated_at: now })
    .where('folder_id', '=', input.folderId)
    .where('uid', '=', input.uid)
    .execute();
}
