import type { Db } from '../../../db/database.ts';
import type { EventPayload } from '../../../shared/contract/contract.ts';
import { formatMoneyE4 } from '../../../shared/domain/money.ts';
import { reminderUntil } from '../../../shared/domain/payment-deadlines.ts';
import { TODAY_COUNT_CAP, type TodayKind } from '../../../shared/domain/today-kinds.ts';
import { readReminderDays } from '../payments/payment-records.ts';
import { letterOfCreditDeadlines, paymentsDue } from '../payments/payments.queries.ts';
import { tasksDue } from '../tasks/tasks.queries.ts';
import { countLcDeadlinesAmong, countPaymentsDueAmong, snoozedIds, todayItem, type SectionQuery, type SectionRows } from './today.queries.ts';

type Entity = EventPayload<'data.changed'>['entities'][number];

const ENTITY: Record<TodayKind, Entity> = {
  task: 'tasks',
  appointment: 'tasks',
  payment: 'payments',
  letterOfCredit: 'payments',
  quoteFollowUp: 'quotes',
  sampleFeedback: 'samples',
  waitingForReply: 'mailMessages',
  notContacted: 'customers',
};

/**
 * What Today asks of the tasks and payments rooms for its one-click actions: their own writes
 * (a completed task writes its timeline entry and next occurrence; a received payment keeps its
 * first record), injected so Today never writes their tables itself.
 */
export interface TodayActions {
  completeTask(id: string): unknown;
  moveTask(id: string, dueAt: number): unknown;
  receivePayment(id: string): unknown;
}

/**
 * Rows of a room's due-query less the ones snoozed in Today: the query's first `limit + snoozed`
 * rows hold at least `limit` that are not (or all there are), and the count of due-and-snoozed
 * rows comes from the same query narrowed to the snoozed ids, so the total stays exact.
 */
async function lessSnoozed<R extends { id: string }>(
  db: Db,
  kind: TodayKind,
  q: SectionQuery,
  fetch: (limit: number) => Promise<{ total: number; rows: R[] }>,
  countDueAmong: (ids: string[]) => Promise<number>,
): Promise<{ total: number; rows: R[] }> {
  const snoozed = await snoozedIds(db, kind, q.now);
  const { total, rows } = await fetch(q.limit + snoozed.size);
  if (snoozed.size === 0) return { total, rows };
  return { total: total - (await countDueAmong([...snoozed])), rows: rows.filter((r) => !snoozed.has(r.id)).slice(0, q.limit) };
}

async function taskSection(db: Db, kind: 'task' | 'appointment', q: SectionQuery): Promise<SectionRows> {
  const { total, rows } = await tasksDue(db, { until: q.until, ownerId: q.ownerId, kind, limit: q.limit, countCap: TODAY_COUNT_CAP }, q.now);
  return {
    total,
    rows: rows.map((r) =>
      todayItem({ kind, recordId: r.id, title: r.title, detail: r.place, customerId: r.customerId, customerName: r.customerName, quoteId: null, dueAt: r.dueAt, contactId: r.contactId }, q.now),
    ),
  };
}

/**
 * Payments due within Settings' reminder days, and L/C deadlines within theirs (default 15), show
 * before their day, as "due soon" (exactly N days ahead included, as on the customer folder);
 * overdue ones until they are received or closed.
 */
async function paymentSection(db: Db, q: SectionQuery): Promise<SectionRows> {
  const input = { until: Math.max(q.until, reminderUntil(q.now, (await readReminderDays(db)).payment)), ownerId: q.ownerId };
  const { total, rows } = await lessSnoozed(
    db,
    'payment',
    q,
    (limit) => paymentsDue(db, { ...input, limit, countCap: TODAY_COUNT_CAP }, q.now),
    (ids) => countPaymentsDueAmong(db, input, ids),
  );
  return {
    total,
    rows: rows.map((r) =>
      todayItem(
        {
          kind: 'payment',
          recordId: r.id,
          labelKey: `payments.labels.${r.label}`,
          title: `${r.currency} ${formatMoneyE4(r.amountE4)}`,
          detail: r.quoteNumber,
          customerId: r.customerId,
          customerName: r.customerName,
          quoteId: r.quoteId,
          dueAt: r.dueAt,
          contactId: null,
        },
        q.now,
      ),
    ),
  };
}

async function letterOfCreditSection(db: Db, q: SectionQuery): Promise<SectionRows> {
  const input = { until: Math.max(q.until, reminderUntil(q.now, (await readReminderDays(db)).letterOfCredit)), ownerId: q.ownerId };
  const { total, rows } = await lessSnoozed(
    db,
    'letterOfCredit',
    q,
    (limit) => letterOfCreditDeadlines(db, { ...input, limit, countCap: TODAY_COUNT_CAP }, q.now),
    (ids) => countLcDeadlinesAmong(db, input, ids),
  );
  return {
    total,
    rows: rows.map((r) =>
      todayItem(
        {
          kind: 'letterOfCredit',
          recordId: r.id,
          labelKey: `payments.deadlines.${r.deadline}`,
          title: r.number,
          detail: [r.issuingBank, r.quoteNumber].filter(Boolean).join(' · '),
          customerId: r.customerId,
          customerName: r.customerName,
          quoteId: r.quoteId,
          dueAt: r.deadlineAt,
          contactId: null,
        },
        q.now,
      ),
    ),
  };
}

/**
 * The sections other rooms own (tasks, payments, letters of credit): each room's own due-query
 * behind one shape, so that Today's service reads like a list of kinds.
 */
export function todaySources(db: Db, actions: TodayActions) {
  return {
    entityOf: (kind: TodayKind): Entity => ENTITY[kind],
    section: async (kind: TodayKind, q: SectionQuery): Promise<SectionRows> => {
      if (kind === 'task' || kind === 'appointment') return taskSection(db, kind, q);
      if (kind === 'payment') return paymentSection(db, q);
      if (kind === 'letterOfCredit') return letterOfCreditSection(db, q);
      return { total: 0, rows: [] };
    },
    /** A task's snooze moves its due date (its own rule: the series moves with it). */
    snooze: async (kind: TodayKind, recordId: string, until: number): Promise<number> => {
      if (kind !== 'task' && kind !== 'appointment') return 0;
      await actions.moveTask(recordId, until);
      return 1;
    },
    canComplete: (kind: TodayKind): boolean => kind === 'task' || kind === 'appointment' || kind === 'payment',
    complete: async (kind: TodayKind, recordId: string): Promise<number> => {
      if (kind === 'payment') await actions.receivePayment(recordId);
      else await actions.completeTask(recordId);
      return 1;
    },
  };
}
