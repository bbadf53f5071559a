import type { DbOrTx } from '../../../../db/database.ts';
import { isReplySubject, subjectKey } from '../../../../shared/domain/mail-message.ts';
import { newId } from '../../core/ids.ts';
import { insertThread, mergeThreadsInto, recordThreadKeys, threadsOfMessageKeys, threadWithSubjectBetween } from './threading.queries.ts';


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
    const threadIds = await threadsOfMessageKeys(db, { accountId: input.accountId, keys });
    if (threadIds.length > 0) {
      // UUIDv7 ids sort by creation: keep the oldest thread.
      threadId = threadIds[0]!;
      const others = threadIds.slice(1);
      if (others.length > 0) await mergeThreadsInto(db, { threadId, others });
    }
  }

  const isReply = input.inReplyTo !== null || input.references.length > 0 || isReplySubject(input.subject);
  if (threadId === null && key && isReply) {
    threadId = await threadWithSubjectBetween(db, {
      accountId: input.accountId,
      subjectKey: key,
      from: input.dateAt - SUBJECT_FALLBACK_WINDOW,
      to: input.dateAt + SUBJECT_FALLBACK_WINDOW,
    });
  }

  if (threadId === null) {
    threadId = newId();
    await insertThread(db, { id: threadId, accountId: input.accountId, subjectKey: key }, now);
  }
  if (keys.length > 0) await recordThreadKeys(db, { accountId: input.accountId, keys, threadId });
  return threadId;
}
