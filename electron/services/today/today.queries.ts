import { sql } from 'kysely';
import type { Db, DbOrTx } from '../../../db/database.ts';
import type { TodayItem } from '../../../shared/contract/today.contract.ts';
import { TODAY_COUNT_CAP, type TodayKind } from '../../../shared/domain/today-kinds.ts';
import { countUpTo } from '../core/count-up-to.queries.ts';
import { addWorkingDays, type ReplyWait } from '../../../shared/domain/working-days.ts';
import { lcDeadlinesQuery, paymentsDueQuery } from '../payments/payments.queries.ts';
import { overdueCustomers } from '../reminders/reminder.queries.ts';
import { waitingCustomers } from '../reminders/waiting-for-reply.query.ts';
import { listReminders as sampleReminders } from '../samples/sample-shipment.queries.ts';

/** One kind's part of Today: how many are due, and the first `limit` of them. */
export interface SectionRows {
  total: number;
  rows: TodayItem[];
}

/** What every section query is asked: due before `until`, of this owner (all when null), at most `limit` rows; `now` says what is overdue. */
export interface SectionQuery {
  until: number;
  now: number;
  ownerId: string | null;
  limit: number;
}

export function itemKey(kind: TodayKind, recordId: string, dueAt: number): string {
  return `${kind}:${recordId}:${dueAt}`;
}

const DAY = 86_400_000;

export function todayItem(fields: Omit<TodayItem, 'key' | 'overdue' | 'daysOverdue' | 'labelKey'> & { labelKey?: string | null }, now: number): TodayItem {
  return { labelKey: null, ...fields, key: itemKey(fields.kind, fields.recordId, fields.dueAt), overdue: fields.dueAt < now, daysOverdue: Math.max(0, Math.floor((now - fields.dueAt) / DAY)) };
}

/** "Not snoozed past `now`" for a row whose record id is `column`. */
export function notSnoozed(kind: TodayKind, column: string, now: number) {
  return sql<boolean>`NOT EXISTS (SELECT 1 FROM today_snoozes z WHERE z.kind = ${kind} AND z.record_id = ${sql.ref(column)} AND z.until > ${now})`;
}

/** The record ids of this kind snoozed past `now`: for the sections computed in JS. */
export async function snoozedIds(db: Db, kind: TodayKind, now: number): Promise<Set<string>> {
  const rows = await db.selectFrom('today_snoozes').select('record_id').where('kind', '=', kind).where('until', '>', now).execute();
  return new Set(rows.map((r) => r.record_id));
}

/** A customer's primary (else first) live contact. */
function primaryContact(customerColumn: string) {
  return sql<string | null>`(SELECT ct.id FROM contacts ct WHERE ct.customer_id = ${sql.ref(customerColumn)} AND ct.deleted_at IS NULL
    ORDER BY ct.is_primary DESC, ct.created_at LIMIT 1)`;
}

/**
 * Sent quotes (their newest revision) whose follow-up date has come, through quotes_follow_up in
 * date order. The unary `+` keeps SQLite off quotes_status_valid and customers_deleted: without
 * statistics it takes an equality for selective, walks every sent quote (or live customer) and
 * sorts them — 106 ms at 100,000 quotes, against well under 1 ms this way. Exported so a test can
 * EXPLAIN it.
 */
export function quoteFollowUpsQuery(db: Db, q: Pick<SectionQuery, 'until' | 'ownerId'>) {
  let base = db
    .selectFrom('quotes as q')
    .innerJoin('customers as c', 'c.id', 'q.customer_id')
    .where('q.follow_up_at', 'is not', null)
    .where('q.follow_up_at', '<=', q.until)
    .where('q.deleted_at', 'is', null)
    .where(sql<boolean>`+q.status = 'sent' AND +q.superseded_by_id IS NULL AND +c.deleted_at IS NULL`);
  if (q.ownerId) base = base.where('q.owner_id', '=', q.ownerId);
  return base;
}

export async function quoteFollowUps(db: Db, q: SectionQuery): Promise<SectionRows> {
  const base = quoteFollowUpsQuery(db, q);
  const [total, rows] = await Promise.all([
    countUpTo(db, base, TODAY_COUNT_CAP),
    base
      .select(['q.id', 'q.number', 'q.follow_up_at', 'c.id as customer_id', 'c.name as customer_name', 'q.contact_id'])
      .orderBy('q.follow_up_at')
      .orderBy('q.id')
      .limit(q.limit)
      .execute(),
  ]);
  return {
    total,
    rows: rows.map((r) =>
      todayItem({ kind: 'quoteFollowUp', recordId: r.id, title: r.number, detail: null, customerId: r.customer_id, customerName: r.customer_name, quoteId: r.id, dueAt: r.follow_up_at!, contactId: r.contact_id }, q.now),
    ),
  };
}

/** Delivered shipments without feedback whose follow-up date has come (the samples room's own query). */
export async function sampleFeedback(db: Db, q: SectionQuery): Promise<SectionRows> {
  const { total, rows } = await sampleReminders(db, { ownerId: q.ownerId, offset: 0, limit: q.limit }, q.until);
  return {
    total,
    rows: rows.map((r) =>
      todayItem(
        { kind: 'sampleFeedback', recordId: r.id, title: r.itemsSummary, detail: r.trackingNumber, customerId: r.customerId, customerName: r.customerName, quoteId: null, dueAt: r.followUpAt ?? r.deliveredAt ?? r.createdAt, contactId: null },
        q.now,
      ),
    ),
  };
}

/**
 * Customers whose mail has waited for our reply past the working days in Settings, longest
 * waiting first. A row stands for the customer's latest unanswered message; a snooze hides that
 * message, so a newer one from the same customer shows again.
 */
export async function waitingForReply(db: Db, q: SectionQuery, wait: ReplyWait): Promise<SectionRows> {
  const snoozed = await snoozedIds(db, 'waitingForReply', q.now);
  const all = (await waitingCustomers(db, q.until, wait, q.ownerId)).filter((w) => !snoozed.has(w.latest.id));
  const page = all.slice(0, q.limit);
  if (page.length === 0) return { total: all.length, rows: [] };
  const names = await db.selectFrom('customers').select(['id', 'name']).where('id', 'in', page.map((w) => w.customerId)).execute();
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  return {
    total: all.length,
    rows: page.map((w) =>
      todayItem(
        {
          kind: 'waitingForReply',
          recordId: w.latest.id,
          title: w.latest.subject ?? '',
          detail: w.latest.from?.name || w.latest.from?.address || null,
          customerId: w.customerId,
          customerName: nameOf.get(w.customerId) ?? null,
          quoteId: null,
          dueAt: addWorkingDays(w.since, wait.days, wait.calendar),
          contactId: null,
        },
        q.now,
      ),
    ),
  };
}

/** Customers overdue for contact by their grade's interval, most overdue first (through customers_due). */
export async function notContacted(db: Db, q: SectionQuery): Promise<SectionRows> {
  const base = overdueCustomers(db, q.until, q.ownerId).where(notSnoozed('notContacted', 'c.id', q.now));
  const [total, rows] = await Promise.all([
    countUpTo(db, base, TODAY_COUNT_CAP),
    base.select(['c.id', 'c.name', 'c.code', 'c.due_at', primaryContact('c.id').as('contact_id')]).orderBy('c.due_at').orderBy('c.rid').limit(q.limit).execute(),
  ]);
  return {
    total,
    rows: rows.map((r) => todayItem({ kind: 'notContacted', recordId: r.id, title: r.name, detail: r.code, customerId: r.id, customerName: r.name, quoteId: null, dueAt: r.due_at!, contactId: r.contact_id }, q.now)),
  };
}

/** Remembers a snooze of a kind Today keeps itself (shared/domain/today-kinds.ts). */
export async function putSnooze(db: DbOrTx, kind: TodayKind, recordId: string, until: number, now: number): Promise<void> {
  await db
    .insertInto('today_snoozes')
    .values({ kind, record_id: recordId, until, created_at: now })
    .onConflict((oc) => oc.columns(['kind', 'record_id']).doUpdateSet({ until, created_at: now }))
    .execute();
}

/** The keys among `keys` not notified yet, now marked notified (in the caller's transaction). */
export async function claimUnnotified(db: DbOrTx, keys: readonly string[], now: number): Promise<Set<string>> {
  const claimed = new Set<string>();
  for (const key of keys) {
    const r = await db.insertInto('today_notified').values({ item_key: key, notified_at: now }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
    if (Number(r.numInsertedOrUpdatedRows ?? 0) > 0) claimed.add(key);
  }
  return claimed;
}

/** How many of these payments are due before `until` (Today's snoozed ones, to take off its total). */
export async function countPaymentsDueAmong(db: Db, input: { until: number; ownerId: string | null }, ids: readonly string[]): Promise<number> {
  const row = await paymentsDueQuery(db, input).where('p.id', 'in', ids).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** How many deadlines of these L/Cs fall before `until` (an L/C has up to two). */
export async function countLcDeadlinesAmong(db: Db, input: { until: number; ownerId: string | null }, ids: readonly string[]): Promise<number> {
  const row = await db.selectFrom(lcDeadlinesQuery(db, input).as('d')).where('d.id', 'in', ids).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
