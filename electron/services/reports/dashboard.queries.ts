import type { Db } from '../../../db/database.ts';
import type { DashboardCount, DashboardOverdueRow } from '../../../shared/contract/reports.contract.ts';
import { overdueCustomers } from '../reminders/reminder.queries.ts';
import { quoteFollowUpsQuery } from '../today/today.queries.ts';
import { monthFormatter } from './report-months.ts';
import type { ReportWindow } from './reports.queries.ts';

/**
 * The home dashboard's reads (issue 14 point 5). Counts of live customers are grouped in SQL, one
 * GROUP BY per chart (each one pass over customers, or over the owner's rows through its index);
 * months are bucketed in JS by the reports' month formatter, for the same reason as the reports.
 */

type Dimension = 'grade' | 'stage' | 'country' | 'source';

/** Countries beyond this many are summed into one "other" bar (key '*'). */
const TOP_COUNTRIES = 10;

function liveCustomers(db: Db, ownerId: string | undefined) {
  let q = db.selectFrom('customers as c').where('c.deleted_at', 'is', null).where('c.merged_into_id', 'is', null);
  if (ownerId) q = q.where('c.owner_id', '=', ownerId);
  return q;
}

/** Live customers per value of `dimension`, largest first; null key: none recorded. */
export async function customersBy(db: Db, dimension: Dimension, ownerId: string | undefined): Promise<DashboardCount[]> {
  const rows = await liveCustomers(db, ownerId)
    .select([`c.${dimension} as key`, (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(`c.${dimension}`)
    .execute();
  const counts = rows.map((r) => ({ key: r.key as string | null, count: Number(r.n) })).sort((a, b) => b.count - a.count || (a.key ?? '').localeCompare(b.key ?? ''));
  if (dimension !== 'country' || counts.length <= TOP_COUNTRIES + 1) return counts;
  const other = counts.slice(TOP_COUNTRIES).reduce((sum, r) => sum + r.count, 0);
  return [...counts.slice(0, TOP_COUNTRIES), { key: '*', count: other }];
}

/** Customers created in the window, per source and month of creation. */
export async function newCustomersBySource(db: Db, window: ReportWindow, ownerId: string | undefined): Promise<Array<{ month: string; source: string | null; count: number }>> {
  const rows = await liveCustomers(db, ownerId)
    .where('c.created_at', '>=', window.from)
    .where('c.created_at', '<=', window.to)
    .select(['c.source', 'c.created_at'])
    .execute();
  const monthOf = monthFormatter(window.timeZone);
  const counts = new Map<string, { month: string; source: string | null; count: number }>();
  for (const r of rows) {
    const month = monthOf(r.created_at);
    const key = `${month}\u0000${r.source ?? ''}`;
    const row = counts.get(key) ?? { month, source: r.source, count: 0 };
    row.count++;
    counts.set(key, row);
  }
  return [...counts.values()].sort((a, b) => a.month.localeCompare(b.month) || (a.source ?? '').localeCompare(b.source ?? ''));
}

/** Overdue follow-ups at `now` per owner: quote follow-ups, sample feedback, customers overdue for contact, open tasks. */
export async function overdueByOwner(db: Db, now: number, ownerId: string | undefined): Promise<DashboardOverdueRow[]> {
  const until = now - 1;
  const [quotes, samples, customers, tasks] = await Promise.all([
    quoteFollowUpsQuery(db, { until, ownerId: ownerId ?? null }).select(['q.owner_id as owner', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('q.owner_id').execute(),
    (() => {
      let q = db
        .selectFrom('sample_shipments as s')
        .where('s.deleted_at', 'is', null)
        .where('s.feedback_at', 'is', null)
        .where('s.follow_up_at', 'is not', null)
        .where('s.follow_up_at', '<', now);
      if (ownerId) q = q.where('s.owner_id', '=', ownerId);
      return q.select(['s.owner_id as owner', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('s.owner_id').execute();
    })(),
    overdueCustomers(db, now, ownerId ?? null).select(['c.owner_id as owner', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('c.owner_id').execute(),
    (() => {
      let q = db.selectFrom('tasks as t').where('t.done_at', 'is', null).where('t.deleted_at', 'is', null).where('t.due_at', '<', now);
      if (ownerId) q = q.where('t.owner_id', '=', ownerId);
      return q.select(['t.owner_id as owner', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('t.owner_id').execute();
    })(),
  ]);
  const rows = new Map<string, DashboardOverdueRow>();
  const add = (list: Array<{ owner: string | null; n: number }>, field: 'quotes' | 'samples' | 'customers' | 'tasks') => {
    for (const r of list) {
      const key = r.owner ?? '';
      const row = rows.get(key) ?? { ownerId: r.owner, ownerName: null, quotes: 0, samples: 0, customers: 0, tasks: 0 };
      row[field] += Number(r.n);
      rows.set(key, row);
    }
  };
  add(quotes, 'quotes');
  add(samples, 'samples');
  add(customers, 'customers');
  add(tasks, 'tasks');
  const ids = [...rows.values()].flatMap((r) => (r.ownerId ? [r.ownerId] : []));
  const names = ids.length ? await db.selectFrom('owners').select(['id', 'name']).where('id', 'in', ids).execute() : [];
  const nameOf = new Map(names.map((o) => [o.id, o.name]));
  for (const row of rows.values()) row.ownerName = row.ownerId ? (nameOf.get(row.ownerId) ?? null) : null;
  return [...rows.values()].sort((a, b) => (a.ownerName ?? '\uffff').localeCompare(b.ownerName ?? '\uffff'));
}
