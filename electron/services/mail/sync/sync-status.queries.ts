import type { Db } from '../../../../db/database.ts';
import type { MailAccountsTable } from '../../../../db/tables/mail.tables.ts';

export function syncedAccountRows(db: Db): Promise<MailAccountsTable[]> {
  return db.selectFrom('mail_accounts').selectAll().where('kind', 'in', ['imap', 'pop3']).orderBy('created_at').execute();
}

/** Every folder with its checkpoint and local counts (all messages, unread ones). */
export function folderStatusRows(db: Db) {
  return db
    .selectFrom('mail_folders as f')
    .leftJoin('mail_folder_checkpoints as c', 'c.folder_id', 'f.id')
    .select((eb) => [
      'f.id',
      'f.account_id',
      'f.path',
      'f.name',
      'f.special_use',
      'f.sync_enabled',
      'c.server_count',
      'c.server_range_count',
      'c.verified_at',
      'c.low_uid',
      'c.floor_uid',
      eb.selectFrom('mail_messages as m').select((e) => e.fn.countAll<number>().as('n')).whereRef('m.folder_id', '=', 'f.id').as('local_count'),
      eb.selectFrom('mail_messages as m').select((e) => e.fn.countAll<number>().as('n')).whereRef('m.folder_id', '=', 'f.id').where('m.seen', '=', 0).as('unread'),
    ])
    .orderBy('f.path')
    .execute();
}
