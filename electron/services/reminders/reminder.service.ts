import { sql } from 'kysely';
import type { Handlers } from '../core/dispatcher.ts';
import type { ServiceDeps } from '../core/service-deps.ts';
import { selectCustomerRows, toCustomerRow } from '../customers/customer-rows.queries.ts';
import { readReplyWait } from '../settings/settings.service.ts';
import { countWaiting, listWaiting } from './waiting-for-reply.query.ts';
import { liveCustomer } from '../customers/live-customer.queries.ts';

const DAY = 86_400_000;

/**
 * "Not contacted": customers whose due_at (last contact + the grade's interval, kept by triggers)
 * has passed. The conditions repeat the partial index's WHERE so SQLite can use it.
 */
/** The page query of the not-contacted list; exported so a test can EXPLAIN it. */
export function notContactedQuery(db: ServiceDeps['db'], now: number, ownerId?: string | null) {
  let q = selectCustomerRows(db).where(overdue).where('c.due_at', '<', now);
  if (ownerId) q = q.where('c.owner_id', '=', ownerId);
  return q.orderBy('c.due_at').orderBy('c.rid');
}

const overdue = sql<boolean>`${liveCustomer} AND c.due_at IS NOT NULL`;

type ReminderKeys = 'reminders.notContacted' | 'reminders.counts' | 'reminders.waitingForReply';

export function createReminderService(deps: ServiceDeps): { handlers: Pick<Handlers, ReminderKeys> } {
  const { db, clock } = deps;

  async function countOverdue(now: number, ownerId?: string | null): Promise<number> {
    let q = db.selectFrom('customers as c').select((eb) => eb.fn.countAll<number>().as('n')).where(overdue).where('c.due_at', '<', now);
    if (ownerId) q = q.where('c.owner_id', '=', ownerId);
    return Number((await q.executeTakeFirstOrThrow()).n);
  }

  return {
    handlers: {
      'reminders.notContacted': async ({ offset, limit, ownerId }) => {
        const now = clock.now();
        const rows = await notContactedQuery(db, now, ownerId).limit(limit).offset(offset).execute();
        return {
          total: await countOverdue(now, ownerId),
          rows: rows.map((r) => ({ ...toCustomerRow(r), dueAt: r.due_at!, daysOverdue: Math.floor((now - r.due_at!) / DAY) })),
        };
      },
      'reminders.counts': async () => {
        const now = clock.now();
        return { notContacted: await countOverdue(now), waitingForReply: await countWaiting(db, now, await readReplyWait(db)) };
      },
      'reminders.waitingForReply': async ({ offset, limit, ownerId }) => {
        const wait = await readReplyWait(db);
        return { days: wait.days, ...(await listWaiting(db, { now: clock.now(), wait, offset, limit, ownerId })) };
      },
    },
  };
}
