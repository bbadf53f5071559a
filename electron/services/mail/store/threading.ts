import type { DbOrTx } from '../../../../db/database.ts';
import { isReplySubject, subjectKey } from '../../../../shared/domain/mail-message.ts';
import { newId } from '../../core/ids.ts';


export interface ThreadInput {
  accountId: string;
  messageId: string | null;
  inReplyTo: string | null;
  references: readonly string[];
  subject: string | null;
  dateAt: number;
}

const DAY = 86_400_000;
/** A reply whose references are all unknown joins a thread with the same subject only this recent. */
const SUBJECT_FALLBACK_WINDOW = 90 * DAY;

/**
 * Finds or makes the thread of a message, by Message-ID / In-Reply-To / References (the
 * subject as a fallback for replies whose references lead nowhere we know).
 *
 * Every id a message names — its own and those it references — is recorded for the account
 * in mail_thread_keys, so a reply that arrives before its parent (other folder, other sync
 * order) still meets it: whichever comes second finds the first's key. When one message
 * links two threads, they are merged into the older one.
 */
export async function assignThread(db: DbOrTx, input: ThreadInput, now: number): Promise<string> {
  const keys = [...new Set([input.messageId, input.inReplyTo, ...input.references].filter((k): k is string => !!k))];
  const key = subjectKey(input.subject);
  let threadId: string | null = null;

  if (keys.length > 0) {
    const found = await db
      .selectFrom('mail_thread_keys')
      .select('thread_id')
      .distinct()
      .where('account_id', '=', input.accountId)
      .where('message_key', 'in', keys)
      .orderBy('thread_id')
      .execute();
    const threadIds = found.map((f) => f.thread_id);
    if (threadIds.length > 0) {
      // UUIDv7 ids sort by creation: keep the oldest thread.
      threadId = threadIds[0]!;
      const others = threadIds.slice(1);
      if (others.length > 0) {
        await db.updateTable('mail_messages').set({ thread_id: threadId }).where('thread_id', 'in', others).execute();
        await db.updateTable('mail_thread_keys').set({ thread_id: threadId }).where('thread_id', 'in', others).execute();
        await db.deleteFrom('mail_threads').where('id', 'in', others).execute();
      }
    }
  }

  const isReply = input.inReplyTo !== null || input.references.length > 0 || isReplySubject(input.subject);
  if (threadId === null && key && isReply) {
    const candidate = await db
      .selectFrom('mail_threads as t')
      .innerJoin('mail_messages as m', 'm.thread_id', 't.id')
      .select('t.id')
      .where('t.account_id', '=', input.accountId)
      .where('t.subject_key', '=', key)
      .where('m.date_at', '>=', input.dateAt - SUBJECT_FALLBACK_WINDOW)
      .where('m.date_at', '<=', input.dateAt + SUBJECT_FALLBACK_WINDOW)
      .orderBy('m.date_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    threadId = candidate?.id ?? null;
  }

  if (threadId === null) {
    threadId = newId();
    await db.insertInto('mail_threads').values({ id: threadId, account_id: input.accountId, subject_key: key, created_at: now }).execute();
  }
  if (keys.length > 0) {
    await db
      .insertInto('mail_thread_keys')
      .values(keys.map((k) => ({ account_id: input.accountId, message_key: k, thread_id: threadId })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  return threadId;
}
