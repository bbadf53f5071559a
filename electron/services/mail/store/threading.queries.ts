import { CompiledQuery } from 'kysely';
import type { DbOrTx } from '../../../../db/database.ts';
import type { MailThreadKeysTable, MailThreadsTable } from '../../../../db/tables/mail.tables.ts';

/**
 * The statements of threading.ts: thread keys, thread rows, and the merge of two threads. The
 * three that run for every stored message are fixed texts, prepared once (why:
 * message-insert.queries.ts); the rare ones use the query builder.
 */

// json_each keeps it one text whatever the number of keys.
const THREADS_OF_KEYS =
  'SELECT DISTINCT thread_id FROM mail_thread_keys WHERE account_id = ? AND message_key IN (SELECT value FROM json_each(?)) ORDER BY thread_id';
const INSERT_THREAD = 'INSERT INTO mail_threads (id, account_id, subject_key, created_at) VALUES (?, ?, ?, ?)';
const RECORD_THREAD_KEY = 'INSERT INTO mail_thread_keys (account_id, message_key, thread_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING';

/** The threads any of these Message-IDs already belong to in the account, oldest first (UUIDv7 ids sort by creation). */
export async function threadsOfMessageKeys(db: DbOrTx, input: { accountId: string; keys: readonly string[] }): Promise<Array<MailThreadKeysTable['thread_id']>> {
  const { rows } = await db.executeQuery<Pick<MailThreadKeysTable, 'thread_id'>>(CompiledQuery.raw(THREADS_OF_KEYS, [input.accountId, JSON.stringify(input.keys)]));
  return rows.map((f) => f.thread_id);
}

/** Moves the messages and keys of the `others` threads into `threadId` and deletes those threads. */
export async function mergeThreadsInto(db: DbOrTx, input: { threadId: string; others: readonly string[] }): Promise<void> {
  await db.updateTable('mail_messages').set({ thread_id: input.threadId }).where('thread_id', 'in', input.others).execute();
  await db.updateTable('mail_thread_keys').set({ thread_id: input.threadId }).where('thread_id', 'in', input.others).execute();
  await db.deleteFrom('mail_threads').where('id', 'in', input.others).execute();
}

/** Of the threads with this subject key, the one with the latest message dated within [from, to]; null when none. */
export async function threadWithSubjectBetween(
  db: DbOrTx,
  input: { accountId: string; subjectKey: string; from: number; to: number },
): Promise<MailThreadsTable['id'] | null> {
  const candidate = await db
    .selectFrom('mail_threads as t')
    .innerJoin('mail_messages as m', 'm.thread_id', 't.id')
    .select('t.id')
    .where('t.account_id', '=', input.accountId)
    .where('t.subject_key', '=', input.subjectKey)
    .where('m.date_at', '>=', input.from)
    .where('m.date_at', '<=', input.to)
    .orderBy('m.date_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return candidate?.id ?? null;
}

export async function insertThread(db: DbOrTx, input: { id: string; accountId: string; subjectKey: string }, now: number): Promise<void> {
  await db.executeQuery(CompiledQuery.raw(INSERT_THREAD, [input.id, input.accountId, input.subjectKey, now]));
}

/** Records that these Message-IDs belong to the thread; keys already recorded keep their thread. */
export async function recordThreadKeys(db: DbOrTx, input: { accountId: string; keys: readonly string[]; threadId: string }): Promise<void> {
  for (const key of input.keys) await db.executeQuery(CompiledQuery.raw(RECORD_THREAD_KEY, [input.accountId, key, input.threadId]));
}
