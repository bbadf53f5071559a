import { sql } from 'kysely';
import type { Db } from '../../../db/database.ts';
import type { WaitingRow } from '../../../shared/contract/search.contract.ts';
import { addWorkingDays, DAY_MS, daysOffWithin, workingDaysBetween, type ReplyWait } from '../../../shared/domain/working-days.ts';
import { selectCustomerRows, toCustomerRow } from '../customers/customer-rows.queries.ts';
import { liveCustomer } from '../customers/live-customer.queries.ts';

/**
 * "Waiting for our reply" (issue 4, point 7): a customer's inbound mail (filed under the
 * customer) is waiting while neither an outbound message filed under that customer nor an
 * outbound message in the same thread was sent after it; it is overdue once it has waited the
 * configured working days (Mon–Fri less the days off, plus working weekends; see
 * shared/domain/working-days.ts).
 *
 * A mail stays on the list for WAITING_WINDOW_DAYS after it became overdue. Older unanswered
 * mail is left to "Not contacted", which the customer reaches by its grade's interval; the
 * window also bounds the work to recent mail instead of every inbound message ever filed.
 */
export const WAITING_WINDOW_DAYS = 30;

/** Inbound mail received between `from` and `until` with no later reply; exported so a test can EXPLAIN it. */
export function unansweredQuery(db: Db, from: number, until: number, ownerId?: string | null) {
  // Literal direction terms: SQLite only picks a partial index whose WHERE the query repeats.
  let q = db
    .selectFrom('mail_message_customers as l')
    .innerJoin('customers as c', 'c.id', 'l.customer_id')
    .innerJoin('mail_messages as m', 'm.id', 'l.message_id')
    .select(['l.customer_id', 'l.date_at', 'm.id', 'm.thread_id', 'm.subject', 'm.from_name', 'm.from_address'])
    .where(sql<boolean>`l.direction = 'inbound'`)
    .where('l.date_at', '>=', from)
    .where('l.date_at', '<=', until)
    .where(liveCustomer)
    .where(
      sql<boolean>`NOT EXISTS (SELECT 1 FROM mail_message_customers o
        WHERE o.customer_id = l.customer_id AND o.direction = 'outbound' AND o.date_at > l.date_at)`,
    )
    .where(
      sql<boolean>`(m.thread_id IS NULL OR NOT EXISTS (SELECT 1 FROM mail_messages r
        WHERE r.thread_id = m.thread_id AND r.date_at > l.date_at AND r.direction = 'outbound'))`,
    );
  if (ownerId) q = q.where('c.owner_id', '=', ownerId);
  return q.orderBy('l.date_at');
}

export interface Waiting {
  customerId: string;
  since: number;
  messages: number;
  latest: WaitingRow['latest'];
}

/** Customers with overdue unanswered mail, longest waiting first. */
export async function waitingCustomers(db: Db, now: number, wait: ReplyWait, ownerId?: string | null): Promise<Waiting[]> {
  const { days, calendar } = wait;
  // N working days span at least N calendar days, and at most N + 2 per started week, plus the
  // days off among them (counted generously: every one in the window the query looks at).
  const weekends = (days + 2 * Math.ceil(days / 5) + 2) * DAY_MS;
  const span = weekends + daysOffWithin(calendar, now, weekends / DAY_MS + WAITING_WINDOW_DAYS + calendar.daysOff.length) * DAY_MS;
  // A working weekend can make N working days shorter than N calendar days.
  const latest = now - Math.max(0, days - calendar.workingWeekends.length) * DAY_MS;
  const rows = await unansweredQuery(db, now - span - WAITING_WINDOW_DAYS * DAY_MS, latest, ownerId).execute();
  const byCustomer = new Map<string, Waiting>();
  for (const r of rows) {
    const due = addWorkingDays(r.date_at, days, calendar);
    if (due > now || due < now - WAITING_WINDOW_DAYS * DAY_MS) continue;
    const latest = { id: r.id, threadId: r.thread_id, subject: r.subject, from: r.from_address ? { name: r.from_name, address: r.from_address } : null, dateAt: r.date_at };
    const w = byCustomer.get(r.customer_id);
    // Rows come oldest first: the first is "since", the last is the latest.
    if (!w) byCustomer.set(r.customer_id, { customerId: r.customer_id, since: r.date_at, messages: 1, latest });
    else {
      w.messages++;
      w.latest = latest;
    }
  }
  return [...byCustomer.values()];
}

export async function countWaiting(db: Db, now: number, wait: ReplyWait): Promise<number> {
  return (await waitingCustomers(db, now, wait)).length;
}

export async function listWaiting(
  db: Db,
  q: { now: number; wait: ReplyWait; offset: number; limit: number; ownerId?: string | null },
): Promise<{ total: number; rows: WaitingRow[] }> {
  const all = await waitingCustomers(db, q.now, q.wait, q.ownerId);
  const page = all.slice(q.offset, q.offset + q.limit);
  if (page.length === 0) return { total: all.length, rows: [] };
  const customers = await selectCustomerRows(db).where('c.id', 'in', page.map((w) => w.customerId)).execute();
  const byId = new Map(customers.map((c) => [c.id, c]));
  return {
    total: all.length,
    rows: page.flatMap((w) => {
      const c = byId.get(w.customerId);
      if (!c) return [];
      return [{ ...toCustomerRow(c), waitingSince: w.since, workingDays: workingDaysBetween(w.since, q.now, q.wait.calendar), messages: w.messages, latest: w.latest }];
    }),
  };
}
