import type { DbOrTx } from '../../../../db/database.ts';
import type { MailOutboxTable } from '../../../../db/tables/mail.tables.ts';
import type { OutboxStatus } from '../../../../shared/domain/mail-enums.ts';
import type { StoredError } from './outbox-rows.ts';
import { markQuoteMailed } from './quote-mailed.queries.ts';

/**
 * The outbox table's SQL: one row per mail to send, and its state changes. Every change is one
 * UPDATE guarded by the status it expects (`WHERE status = 'queued'` to claim, `'sending'` to
 * finish), so two workers, a retry click and a cancel can never both win: a mail is handed to
 * the SMTP server only by the one worker whose claim changed the row. The worker's choice of
 * what is due (pacing, waking) is in outbox-due.queries.ts.
 */

/** What a status filter may narrow the outbox list to (mail.listOutbox). */
export interface OutboxScope {
  accountId?: string | null | undefined;
  batchId?: string | null | undefined;
  customerId?: string | null | undefined;
}

const EDITABLE: OutboxStatus[] = ['queued', 'failed'];

export async function outboxRow(db: DbOrTx, id: string): Promise<MailOutboxTable | undefined> {
  return db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts one queued row (inside the caller's transaction). */
export async function insertOutboxRow(db: DbOrTx, row: MailOutboxTable): Promise<void> {
  await db.insertInto('mail_outbox').values(row).execute();
}

/** queued → sending, counting the attempt. False when someone else changed the row first. */
export async function claim(db: DbOrTx, id: string, now: number): Promise<boolean> {
  const res = await db
    .updateTable('mail_outbox')
    .set((eb) => ({ status: 'sending', attempts: eb('attempts', '+', 1), last_attempt_at: now, updated_at: now }))
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .where('next_attempt_at', '<=', now)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Remembers the MIME built at the first attempt, so every retry sends the same bytes. */
export async function setRawSha(db: DbOrTx, id: string, sha256: string, now: number): Promise<void> {
  await db.updateTable('mail_outbox').set({ raw_sha256: sha256, updated_at: now }).where('id', '=', id).execute();
}

/** sending → sent. `warning` keeps a partial rejection visible; `copied` when the server files its own copy (Gmail). */
export async function markSent(db: DbOrTx, id: string, now: number, warning: StoredError | null, copied: boolean): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({ status: 'sent', sent_at: now, last_error: warning ? JSON.stringify(warning) : null, updated_at: now, ...(copied ? { sent_copy_at: now } : {}) })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .execute();
  await markQuoteMailed(db, id, now);
}

/** sending → queued again at `retryAt` (network trouble, 4xx), or → failed with the server's reason. */
export async function markAttemptFailed(db: DbOrTx, id: string, now: number, error: StoredError, retryAt: number | null): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({
      status: retryAt === null ? 'failed' : 'queued',
      last_error: JSON.stringify(error),
      ...(retryAt === null ? {} : { next_attempt_at: retryAt }),
      updated_at: now,
    })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .execute();
}

/** Moves every queued row of the account that would go before `retryAt` to `retryAt`. */
export async function postponeAccount(db: DbOrTx, accountId: string, retryAt: number, now: number): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({ next_attempt_at: retryAt, updated_at: now })
    .where('account_id', '=', accountId)
    .where('status', '=', 'queued')
    .where('next_attempt_at', '<', retryAt)
    .execute();
}

/** sending → sent for a row found in the Sent folder after a crash. */
export async function markFoundSent(db: DbOrTx, row: Pick<MailOutboxTable, 'id' | 'last_attempt_at'>, now: number): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({ status: 'sent', sent_at: row.last_attempt_at ?? now, sent_copy_at: now, last_error: null, updated_at: now })
    .where('id', '=', row.id)
    .where('status', '=', 'sending')
    .execute();
  await markQuoteMailed(db, row.id, row.last_attempt_at ?? now);
}

/** Rows in 'sending' whose attempt began before `before` (or never recorded one). */
export async function sendingSince(db: DbOrTx, before: number): Promise<MailOutboxTable[]> {
  return db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('status', '=', 'sending')
    .where((eb) => eb.or([eb('last_attempt_at', 'is', null), eb('last_attempt_at', '<', before)]))
    .execute();
}

/** Sent rows with no Sent copy yet, sent at or after `since`, oldest first. */
export async function sentWithoutCopy(db: DbOrTx, since: number): Promise<MailOutboxTable[]> {
  return db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('status', '=', 'sent')
    .where('sent_copy_at', 'is', null)
    .where('sent_at', '>=', since)
    .orderBy('sent_at')
    .execute();
}

export async function markCopied(db: DbOrTx, id: string, now: number): Promise<void> {
  await db.updateTable('mail_outbox').set({ sent_copy_at: now, updated_at: now }).where('id', '=', id).execute();
}

/** queued/failed → queued, due now (the retry button). */
export async function requeue(db: DbOrTx, id: string, now: number): Promise<void> {
  await db.updateTable('mail_outbox').set({ status: 'queued', next_attempt_at: now, updated_at: now }).where('id', '=', id).where('status', 'in', EDITABLE).execute();
}

/** Deletes a queued or failed row (cancel); the number deleted. */
export async function deleteEditable(db: DbOrTx, id: string): Promise<number> {
  const res = await db.deleteFrom('mail_outbox').where('id', '=', id).where('status', 'in', EDITABLE).executeTakeFirst();
  return Number(res.numDeletedRows);
}

/** Deletes a batch's rows not yet sent; what is being sent right now finishes. */
export async function deleteUnsentOfBatch(db: DbOrTx, batchId: string): Promise<number> {
  const res = await db.deleteFrom('mail_outbox').where('batch_id', '=', batchId).where('status', 'in', EDITABLE).executeTakeFirst();
  return Number(res.numDeletedRows);
}

function scoped(db: DbOrTx, scope: OutboxScope) {
  let q = db.selectFrom('mail_outbox');
  if (scope.accountId) q = q.where('account_id', '=', scope.accountId);
  if (scope.batchId) q = q.where('batch_id', '=', scope.batchId);
  if (scope.customerId) q = q.where('customer_id', '=', scope.customerId);
  return q;
}

/** Outbox entries per status within the scope, for tabs and a badge. */
export async function outboxCounts(db: DbOrTx, scope: OutboxScope): Promise<Record<OutboxStatus, number>> {
  const rows = await scoped(db, scope)
    .select((eb) => ['status', eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  const counts: Record<OutboxStatus, number> = { queued: 0, sending: 0, sent: 0, failed: 0 };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

/** One page of the outbox within the scope and statuses (all when none), newest first, and how many match. */
export async function outboxPage(
  db: DbOrTx,
  query: OutboxScope & { statuses?: readonly OutboxStatus[] | null | undefined; offset: number; limit: number },
): Promise<{ total: number; rows: MailOutboxTable[] }> {
  const base = scoped(db, query);
  const filtered = query.statuses && query.statuses.length > 0 ? base.where('status', 'in', [...query.statuses]) : base;
  const total = await filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await filtered.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit).offset(query.offset).execute();
  return { total: Number(total.n), rows };
}
