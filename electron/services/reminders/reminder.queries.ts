import { sql } from 'kysely';
import type { Db } from '../../../db/database.ts';
import { selectCustomerRows } from '../customers/customer-rows.queries.ts';
import { liveCustomer } from '../customers/live-customer.queries.ts';

/**
 * "Not contacted": customers whose due_at (last contact + the grade's interval, kept by triggers)
 * has passed. The conditions repeat the partial index's WHERE so SQLite can use it.
 */
const overdue = sql<boolean>`${liveCustomer} AND c.due_at IS NOT NULL`;

/** The page query of the not-contacted list; exported so a test can EXPLAIN it. */
export function notContactedQuery(db: Db, now: number, ownerId?: string | null) {
  let q = selectCustomerRows(db).where(overdue).where('c.due_at', '<', now);
  if (ownerId) q = q.where('c.owner_id', '=', ownerId);
  return q.orderBy('c.due_at').orderBy('c.rid');
}

/** The customers (of this owner, if given) overdue at `now`, for a caller that counts or adds conditions (Today's snoozes). */
export function overdueCustomers(db: Db, now: number, ownerId?: string | null) {
  let q = db.selectFrom('customers as c').where(overdue).where('c.due_at', '<', now);
  if (ownerId) q = q.where('c.owner_id', '=', ownerId);
  return q;
}

/** How many customers (of this owner, if given) are overdue at `now`. */
export async function countOverdue(db: Db, now: number, ownerId?: string | null): Promise<number> {
  const q = overdueCustomers(db, now, ownerId).select((eb) => eb.fn.countAll<number>().as('n'));
  return Number((await q.executeTakeFirstOrThrow()).n);
}
