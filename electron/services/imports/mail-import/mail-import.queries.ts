import { CompiledQuery, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { DbOrTx } from '../../../../db/database.ts';
import type { ImportBatchesTable, ImportProblemsTable } from '../../../../db/tables/imports.tables.ts';
import type { SpecialUse } from '../../../../shared/domain/mail-enums.ts';

/** The statements of the mail import: batches, their problems, archive accounts and folders, and the duplicate check. */

export type ImportBatchRow = Selectable<ImportBatchesTable>;

/** A new import, running in this process from the start of its source. */
export async function insertImportBatch(
  db: DbOrTx,
  input: Pick<ImportBatchesTable, 'id' | 'kind' | 'source_path' | 'source_kind' | 'owner_id' | 'account_id'> & Partial<Pick<Insertable<ImportBatchesTable>, 'own_addresses' | 'options'>>,
  now: number,
): Promise<void> {
  await db
    .insertInto('import_batches')
    .values({ ...input, status: 'running', runner_pid: process.pid, checkpoint: null, bytes_total: null, error: null, started_at: now, updated_at: now, finished_at: null })
    .execute();
}

export async function importBatch(db: DbOrTx, id: string): Promise<ImportBatchRow | undefined> {
  return db.selectFrom('import_batches').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function importBatches(db: DbOrTx, limit: number): Promise<ImportBatchRow[]> {
  return db.selectFrom('import_batches').selectAll().orderBy('started_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** The newest import of this path that did not finish: the one a new start resumes. */
export async function unfinishedBatchOf(db: DbOrTx, sourcePath: string, kind: ImportBatchRow['kind']): Promise<ImportBatchRow | undefined> {
  return db
    .selectFrom('import_batches')
    .selectAll()
    .where('source_path', '=', sourcePath)
    .where('kind', '=', kind)
    .where('status', 'in', ['running', 'interrupted', 'cancelled'])
    .orderBy('started_at', 'desc')
    .executeTakeFirst();
}

export async function updateImportBatch(db: DbOrTx, id: string, changes: Updateable<ImportBatchesTable>): Promise<void> {
  await db.updateTable('import_batches').set(changes).where('id', '=', id).execute();
}

export async function runningBatches(db: DbOrTx): Promise<Array<{ id: string; runner_pid: number | null }>> {
  return db.selectFrom('import_batches').select(['id', 'runner_pid']).where('status', '=', 'running').execute();
}

export async function markInterrupted(db: DbOrTx, ids: readonly string[], now: number): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('import_batches').set({ status: 'interrupted', runner_pid: null, updated_at: now }).where('id', 'in', ids).where('status', '=', 'running').execute();
}

/** Adds a committed batch's counts and moves the checkpoint, in the caller's transaction with the messages. */
export async function advanceImportBatch(
  db: DbOrTx,
  input: { id: string; checkpoint: string; items: number; bytesDone: number; imported: number; duplicates: number; problems: number },
  now: number,
): Promise<void> {
  await db
    .updateTable('import_batches')
    .set((eb) => ({
      checkpoint: input.checkpoint,
      items_done: eb('items_done', '+', input.items),
      bytes_done: input.bytesDone,
      imported: eb('imported', '+', input.imported),
      duplicates: eb('duplicates', '+', input.duplicates),
      problems: eb('problems', '+', input.problems),
      updated_at: now,
    }))
    .where('id', '=', input.id)
    .execute();
}

export async function insertImportProblems(db: DbOrTx, batchId: string, rows: ReadonlyArray<Omit<ImportProblemsTable, 'batch_id' | 'seq'>>): Promise<void> {
  if (rows.length === 0) return;
  const last = await db.selectFrom('import_problems').select((eb) => eb.fn.max('seq').as('seq')).where('batch_id', '=', batchId).executeTakeFirst();
  const first = (last?.seq ?? 0) + 1;
  await db
    .insertInto('import_problems')
    .values(rows.map((r, i) => ({ batch_id: batchId, seq: first + i, ...r })))
    .execute();
}

export async function importProblems(db: DbOrTx, input: { id: string; offset: number; limit: number }): Promise<{ total: number; rows: ImportProblemsTable[] }> {
  const total = await db.selectFrom('import_problems').select((eb) => eb.fn.countAll<number>().as('n')).where('batch_id', '=', input.id).executeTakeFirstOrThrow();
  const rows = await db.selectFrom('import_problems').selectAll().where('batch_id', '=', input.id).orderBy('seq').offset(input.offset).limit(input.limit).execute();
  return { total: total.n, rows };
}

export async function insertArchiveAccount(db: DbOrTx, input: { id: string; name: string; email: string; ownerId: string | null; aliases: readonly string[] }, now: number): Promise<void> {
  await db
    .insertInto('mail_accounts')
    .values({
      id: input.id,
      kind: 'archive',
      name: input.name,
      email: input.email,
      aliases: JSON.stringify(input.aliases),
      owner_id: input.ownerId,
      sync_enabled: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export async function deleteAccount(db: DbOrTx, id: string): Promise<void> {
  await db.deleteFrom('mail_accounts').where('id', '=', id).execute();
}

export async function ownerEmail(db: DbOrTx, ownerId: string): Promise<{ name: string; email: string | null } | undefined> {
  return db.selectFrom('owners').select(['name', 'email']).where('id', '=', ownerId).executeTakeFirst();
}

export async function accountFolders(db: DbOrTx, accountId: string): Promise<Array<{ id: string; path: string; special_use: SpecialUse | null }>> {
  return db.selectFrom('mail_folders').select(['id', 'path', 'special_use']).where('account_id', '=', accountId).execute();
}

export async function insertArchiveFolder(
  db: DbOrTx,
  input: { id: string; accountId: string; path: string; name: string; specialUse: SpecialUse | null },
  now: number,
): Promise<void> {
  await db
    .insertInto('mail_folders')
    .values({
      id: input.id,
      account_id: input.accountId,
      path: input.path,
      name: input.name,
      delimiter: '/',
      special_use: input.specialUse,
      subscribed: 1,
      sync_enabled: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

/** Fixed texts (prepared once, see message-insert.queries.ts); json_each keeps one text whatever the count. */
const STORED_RAW = 'SELECT DISTINCT raw_sha256 AS sha FROM mail_messages WHERE raw_sha256 IN (SELECT value FROM json_each(?))';
const STORED_MESSAGE_IDS =
  'SELECT message_id AS messageId, date_at AS dateAt, from_address AS fromAddress FROM mail_messages WHERE message_id IN (SELECT value FROM json_each(?))';

/** Which of these raw sources are stored already, in any account. */
export async function storedRawShas(db: DbOrTx, shas: readonly string[]): Promise<Set<string>> {
  if (shas.length === 0) return new Set();
  const { rows } = await db.executeQuery<{ sha: string }>(CompiledQuery.raw(STORED_RAW, [JSON.stringify(shas)]));
  return new Set(rows.map((r) => r.sha));
}

/** Stored messages with any of these Message-IDs, in any account: their date and sender tell a copy from a reuse. */
export async function storedByMessageId(db: DbOrTx, messageIds: readonly string[]): Promise<Array<{ messageId: string; dateAt: number; fromAddress: string | null }>> {
  if (messageIds.length === 0) return [];
  const { rows } = await db.executeQuery<{ messageId: string; dateAt: number; fromAddress: string | null }>(
    CompiledQuery.raw(STORED_MESSAGE_IDS, [JSON.stringify(messageIds)]),
  );
  return rows;
}
