import type { DbOrTx } from '../../../../db/database.ts';
import { batchInterval } from '../../../../shared/domain/mail-outbox.ts';

/**
 * What the outbox worker may send and when it must wake: queued rows whose time has come,
 * honouring each batch's pace. The pace is measured from the batch's last attempt stored in
 * the database, so it survives a restart.
 */

/** Accounts with at least one queued row due at `now`. */
export async function accountsWithDueMail(db: DbOrTx, now: number): Promise<string[]> {
  const rows = await db.selectFrom('mail_outbox').select('account_id').distinct().where('status', '=', 'queued').where('next_attempt_at', '<=', now).execute();
  return rows.map((r) => r.account_id);
}

/** When each of these batches may send its next mail: the last attempt plus the batch interval. */
export async function batchAllowedAt(db: DbOrTx, batchIds: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (batchIds.length === 0) return out;
  const rows = await db
    .selectFrom('mail_send_batches as b')
    .leftJoin('mail_outbox as o', 'o.batch_id', 'b.id')
    .select((eb) => ['b.id', 'b.rate_per_minute', eb.fn.max('o.last_attempt_at').as('last')])
    .where('b.id', 'in', [...batchIds])
    .groupBy('b.id')
    .execute();
  for (const r of rows) out.set(r.id, r.last === null ? 0 : Number(r.last) + batchInterval(r.rate_per_minute));
  return out;
}

const batchesOf = (rows: ReadonlyArray<{ batch_id: string | null }>) => [...new Set(rows.map((r) => r.batch_id).filter((b): b is string => b !== null))];

/** The next row of this account that may go at `now`, honouring batch pacing; null when none. */
export async function nextDueRow(db: DbOrTx, accountId: string, now: number): Promise<string | null> {
  const candidates = await db
    .selectFrom('mail_outbox')
    .select(['id', 'batch_id'])
    .where('account_id', '=', accountId)
    .where('status', '=', 'queued')
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .orderBy('created_at')
    .limit(200)
    .execute();
  const allowed = await batchAllowedAt(db, batchesOf(candidates));
  return candidates.find((c) => c.batch_id === null || (allowed.get(c.batch_id) ?? 0) <= now)?.id ?? null;
}

/** When the next queued row becomes sendable (its time and its batch's pace), or null when none waits. */
export async function nextWakeAt(db: DbOrTx): Promise<number | null> {
  const rows = await db
    .selectFrom('mail_outbox')
    .select((eb) => ['batch_id', eb.fn.min('next_attempt_at').as('first')])
    .where('status', '=', 'queued')
    .groupBy('batch_id')
    .execute();
  if (rows.length === 0) return null;
  const allowed = await batchAllowedAt(db, batchesOf(rows));
  let wake = Infinity;
  for (const r of rows) wake = Math.min(wake, Math.max(Number(r.first), r.batch_id ? (allowed.get(r.batch_id) ?? 0) : 0));
  return Number.isFinite(wake) ? wake : null;
}
