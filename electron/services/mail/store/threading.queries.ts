import type { DbOrTx } from '../../../../db/database.ts';
import type { MailThreadKeysTable, MailThreadsTable } from '../../../../db/tables/mail.tables.ts';

/** The statements of threading.ts: thread keys, thread rows, and the merge of two threads. */

/** The threads any of these Message-IDs already belong to in the account, oldest first (UUIDv7 ids sort by creation). */
export async function threadsOfMessageKeys(db: DbOrTx, input: { accountId: string; keys: readonly string[] }): Promise<Array<MailThreadKeysTable['thread_id']>> {
  const found = await db
    .selectFrom('mail_thread_keys')
    .select('thread_id')
    .distinct()
    .where('account_id', '=', input.accountId)
    .where('message_key', 'in', input.keys)
    .orderBy('thread_id')
    .execute();
  return found.map((f) => f.thread_id);
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
  await db.insertInto('mail_threads').values({ id: input.id, account_id: input.accountId, subject_key: input.subjectKey, created_at: now }).execute();
}

/** Records that these Message-IDs belong to the thread; keys already recorded keep their thread. */
export async function recordThreadKeys(db: DbOrTx, input: { accountId: string; keys: readonly string[]; threadId: string }): Promise<void> {
  await db
    .insertInto('mail_thread_keys')
    .values(input.keys.map((k) => ({ account_id: input.accountId, message_key: k, thread_id: input.threadId })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}
