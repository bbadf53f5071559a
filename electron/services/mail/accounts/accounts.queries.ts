import type { Db } from '../../../../db/database.ts';
import type { MailAccountsTable } from '../../../../db/tables/mail.tables.ts';
import type { Flag } from '../../../../db/tables/tables.ts';

type AccountColumns = Omit<MailAccountsTable, 'id' | 'kind' | 'last_sync_at' | 'last_sync_error' | 'created_at' | 'updated_at' | 'pop3_leave_on_server' | 'pop3_delete_after_days'> & {
  /** POP3 only (migration 0019); an IMAP account keeps the defaults. */
  pop3_leave_on_server: Flag;
  pop3_delete_after_days: number | null;
};

export function listAccountRows(db: Db): Promise<MailAccountsTable[]> {
  return db.selectFrom('mail_accounts').selectAll().orderBy('created_at').execute();
}

export function accountRowById(db: Db, id: string): Promise<MailAccountsTable | undefined> {
  return db.selectFrom('mail_accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Whether another account (not `exceptId`) already uses this address. */
export async function emailTaken(db: Db, input: { email: string; exceptId: string | null }): Promise<boolean> {
  let q = db.selectFrom('mail_accounts').select('id').where('email', '=', input.email);
  if (input.exceptId) q = q.where('id', '!=', input.exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

/** A new IMAP or POP3 account (the incoming server in the imap_* columns for both). */
export async function insertMailAccount(db: Db, input: { id: string; kind: 'imap' | 'pop3'; columns: AccountColumns }, now: number): Promise<void> {
  await db
    .insertInto('mail_accounts')
    .values({ id: input.id, kind: input.kind, ...input.columns, last_sync_at: null, last_sync_error: null, created_at: now, updated_at: now })
    .execute();
}

/** Saves an account's settings; a changed sync window also forgets which folders were verified. */
export async function updateAccount(db: Db, input: { id: string; kind: 'imap' | 'pop3'; columns: AccountColumns; windowChanged: boolean }, now: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // The kind is kept: switching a mailbox between IMAP and POP3 would leave the other's folders and state behind.
    await trx.updateTable('mail_accounts').set({ ...input.columns, updated_at: now }).where('id', '=', input.id).where('kind', '=', input.kind).execute();
    if (input.windowChanged) {
      // A wider window means older mail to fetch: no folder may be skipped as unchanged.
      await trx
        .updateTable('mail_folder_checkpoints')
        .set({ verified_at: null })
        .where('folder_id', 'in', trx.selectFrom('mail_folders').select('id').where('account_id', '=', input.id))
        .execute();
    }
  });
}

/** An account's kind, or undefined when there is no such account. */
export async function accountKind(db: Db, id: string): Promise<MailAccountsTable['kind'] | undefined> {
  return (await db.selectFrom('mail_accounts').select('kind').where('id', '=', id).executeTakeFirst())?.kind;
}

/**
 * Cascades to folders, checkpoints, messages and their filing links (last contact is recomputed
 * by trigger). Attachment files stay until the store is swept.
 */
export async function deleteAccount(db: Db, id: string): Promise<number> {
  const res = await db.deleteFrom('mail_accounts').where('id', '=', id).executeTakeFirst();
  return Number(res.numDeletedRows);
}

/** Accounts to sync (IMAP and POP3; archives never): this one (if it syncs), or every enabled one. */
export async function syncedAccountIds(db: Db, input: { accountId: string | null }): Promise<string[]> {
  let q = db.selectFrom('mail_accounts').select('id').where('kind', 'in', ['imap', 'pop3']);
  q = input.accountId ? q.where('id', '=', input.accountId) : q.where('sync_enabled', '=', 1);
  return (await q.execute()).map((r) => r.id);
}
