import type { Db, DbOrTx } from '../../../../db/database.ts';
import type { MailFoldersTable, MailPop3UidlsTable } from '../../../../db/tables/mail.tables.ts';
import { newId } from '../../core/ids.ts';

/**
 * The statements of the POP3 sync (pop3-sync.ts): the account's one Inbox folder and its
 * status row, and the UIDLs downloaded so far — the whole sync state POP3 allows.
 */

/** A POP3 mailbox has one folder, shown as the Inbox. */
export const POP3_INBOX = 'INBOX';
/** The checkpoint row's uidvalidity for a POP3 Inbox: no UID range applies (low 1 > high 0). */
const POP3_CHECKPOINT = 'pop3';
const CHUNK = 500;

/** The account's Inbox folder with its status row, created on the first sync. */
export async function pop3Inbox(db: Db, input: { accountId: string }, now: number): Promise<MailFoldersTable> {
  const found = await db.selectFrom('mail_folders').selectAll().where('account_id', '=', input.accountId).where('path', '=', POP3_INBOX).executeTakeFirst();
  if (found) return found;
  const folder: MailFoldersTable = {
    id: newId(),
    account_id: input.accountId,
    path: POP3_INBOX,
    name: 'Inbox',
    delimiter: null,
    special_use: 'inbox',
    subscribed: 1,
    sync_enabled: 1,
    created_at: now,
    updated_at: now,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('mail_folders').values(folder).execute();
    // The folder list and the status screen read this row; an empty UID range means "complete".
    await trx
      .insertInto('mail_folder_checkpoints')
      .values({ folder_id: folder.id, uidvalidity: POP3_CHECKPOINT, low_uid: 1, high_uid: 0, floor_uid: 1, highest_modseq: null, uid_next: null, server_count: null, server_range_count: null, local_count: null, verified_at: null, repairs: 0, updated_at: now })
      .execute();
  });
  return folder;
}

export type KnownUidl = Pick<MailPop3UidlsTable, 'uidl' | 'first_seen_at' | 'deleted_from_server_at' | 'gone_at'>;

/** Every UIDL the account has downloaded, by UIDL. */
export async function knownUidls(db: Db, input: { accountId: string }): Promise<Map<string, KnownUidl>> {
  const rows = await db
    .selectFrom('mail_pop3_uidls')
    .select(['uidl', 'first_seen_at', 'deleted_from_server_at', 'gone_at'])
    .where('account_id', '=', input.accountId)
    .execute();
  return new Map(rows.map((r) => [r.uidl, r]));
}

/** Records downloaded messages' UIDLs; called inside the transaction that stores the messages. */
export async function recordUidls(trx: DbOrTx, input: { accountId: string; rows: ReadonlyArray<{ uidl: string; messageId: string }> }, now: number): Promise<void> {
  for (let i = 0; i < input.rows.length; i += CHUNK) {
    const slice = input.rows.slice(i, i + CHUNK);
    await trx
      .insertInto('mail_pop3_uidls')
      .values(slice.map((r) => ({ account_id: input.accountId, uidl: r.uidl, message_id: r.messageId, first_seen_at: now, deleted_from_server_at: null, gone_at: null })))
      .execute();
  }
}

/** The server's list this pass: known UIDLs it lacks are marked gone, those it lists again are not. */
export async function markPresence(db: Db, input: { accountId: string; gone: readonly string[]; back: readonly string[] }, now: number): Promise<void> {
  if (input.gone.length === 0 && input.back.length === 0) return;
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < input.gone.length; i += CHUNK) {
      await trx
        .updateTable('mail_pop3_uidls')
        .set({ gone_at: now })
        .where('account_id', '=', input.accountId)
        .where('uidl', 'in', input.gone.slice(i, i + CHUNK))
        .execute();
    }
    for (let i = 0; i < input.back.length; i += CHUNK) {
      await trx
        .updateTable('mail_pop3_uidls')
        .set({ gone_at: null })
        .where('account_id', '=', input.accountId)
        .where('uidl', 'in', input.back.slice(i, i + CHUNK))
        .execute();
    }
  });
}

/** The server committed our DELEs (its QUIT said +OK). */
export async function markDeletedFromServer(db: Db, input: { accountId: string; uidls: readonly string[] }, now: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < input.uidls.length; i += CHUNK) {
      await trx
        .updateTable('mail_pop3_uidls')
        .set({ deleted_from_server_at: now, gone_at: now })
        .where('account_id', '=', input.accountId)
        .where('uidl', 'in', input.uidls.slice(i, i + CHUNK))
        .execute();
    }
  });
}

/** The Inbox's status row after a pass: the server's count and ours, verified when nothing was left to fetch. */
export async function recordPop3Status(db: Db, input: { folderId: string; serverCount: number; localCount: number; complete: boolean }, now: number): Promise<void> {
  await db
    .updateTable('mail_folder_checkpoints')
    .set({
      server_count: input.serverCount,
      // POP3 has no UID range: the "range" is what was downloaded, equal to the local count once nothing is missing.
      server_range_count: input.complete ? input.localCount : null,
      local_count: input.localCount,
      verified_at: input.complete ? now : null,
      updated_at: now,
    })
    .where('folder_id', '=', input.folderId)
    .execute();
}
