import type { Db, DbOrTx, Tx } from '../../../../db/database.ts';
import type { Flag } from '../../../../db/tables/tables.ts';
import type { FlagColumns } from './imap-sync.queries.ts';

/** The statements of message-flags.ts: read / star changes made here, and what the sync sends of them. */

/** The messages a `mail.setFlags` call names, with what deciding about the server needs. */
export function flagTargets(db: Tx, input: { ids: readonly string[] }) {
  return db
    .selectFrom('mail_messages as m')
    .innerJoin('mail_accounts as a', 'a.id', 'm.account_id')
    .innerJoin('mail_folders as f', 'f.id', 'm.folder_id')
    .select(['m.id', 'm.account_id', 'm.folder_id', 'm.uid', 'm.flags', 'a.kind', 'a.sync_enabled', 'f.path'])
    .where('m.id', 'in', input.ids)
    .execute();
}

export async function setFlagsOfMessage(db: Tx, input: { id: string; columns: FlagColumns }, now: number): Promise<void> {
  await db.updateTable('mail_messages').set({ ...input.columns, updated_at: now }).where('id', '=', input.id).execute();
}

/** Records the wanted flags for the server; a later change of the same message overrides what it names. */
export async function upsertFlagChange(db: Tx, input: { messageId: string; folderId: string; seen: Flag | null; flagged: Flag | null }, now: number): Promise<void> {
  const { seen, flagged } = input;
  await db
    .insertInto('mail_flag_changes')
    .values({ message_id: input.messageId, folder_id: input.folderId, seen, flagged, created_at: now, updated_at: now })
    .onConflict((oc) => oc.column('message_id').doUpdateSet({ ...(seen !== null ? { seen } : {}), ...(flagged !== null ? { flagged } : {}), updated_at: now }))
    .execute();
}

/** Folders of this account with changes the server has not been told; one query per sync pass. */
export async function foldersWithPendingFlags(db: Db, input: { accountId: string }): Promise<Set<string>> {
  const rows = await db
    .selectFrom('mail_flag_changes as p')
    .innerJoin('mail_folders as f', 'f.id', 'p.folder_id')
    .select('p.folder_id')
    .distinct()
    .where('f.account_id', '=', input.accountId)
    .execute();
  return new Set(rows.map((r) => r.folder_id));
}

/** UIDs of a folder's messages with a pending change, which the flag phase must not overwrite. */
export async function pendingFlagUids(db: DbOrTx, input: { folderId: string }): Promise<Set<number>> {
  const rows = await db
    .selectFrom('mail_flag_changes as p')
    .innerJoin('mail_messages as m', 'm.id', 'p.message_id')
    .select('m.uid')
    .where('p.folder_id', '=', input.folderId)
    .execute();
  return new Set(rows.flatMap((r) => (r.uid === null ? [] : [r.uid])));
}

export interface PendingFlagChange {
  message_id: string;
  seen: Flag | null;
  flagged: Flag | null;
  uid: number | null;
}

export function pendingFlagChanges(db: Db, input: { folderId: string }): Promise<PendingFlagChange[]> {
  return db
    .selectFrom('mail_flag_changes as p')
    .innerJoin('mail_messages as m', 'm.id', 'p.message_id')
    .select(['p.message_id', 'p.seen', 'p.flagged', 'm.uid'])
    .where('p.folder_id', '=', input.folderId)
    .execute();
}

/** Forgets the changes the server now has, each unless it was changed again meanwhile (that one waits). */
export async function forgetSentFlagChanges(db: Db, input: { sent: readonly PendingFlagChange[] }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const p of input.sent) {
      await trx.deleteFrom('mail_flag_changes').where('message_id', '=', p.message_id).where('seen', 'is', p.seen).where('flagged', 'is', p.flagged).execute();
    }
  });
}
