import type { Handlers } from '../core/dispatcher.ts';
import type { ServiceDeps } from '../core/service-deps.ts';
import { toCustomerRow } from '../customers/customer-rows.queries.ts';
import { readReplyWait } from '../settings/settings.queries.ts';
import { countOverdue, notContactedQuery } from './reminder.queries.ts';
import { countWaiting, listWaiting } from './waiting-for-reply.query.ts';

const DAY = 86_400_000;

type ReminderKeys = 'reminders.notContacted' | 'reminders.counts' | 'reminders.waitingForReply';

/** Who is due for contact, and which mail waits for our reply. */
export function createReminderService(deps: ServiceDeps): { handlers: Pick<Handlers, ReminderKeys> } {
  const { db, clock } = deps;
  return {
    handlers: {
      'reminders.notContacted': async ({ offset, limit, ownerId }) => {
        const now = clock.now();
        const rows = await notContactedQuery(db, now, ownerId).limit(limit).offset(offset).execute();
        return {
          total: await countOverdue(db, now, ownerId),
          rows: rows.map((r) => ({ ...toCustomerRow(r), dueAt: r.due_at!, daysOverdue: Math.floor((now - r.due_at!) / DAY) })),
        };
      },
      'reminders.counts': async () => {
        const now = clock.now();
        return { notContacted: await countOverdue(db, now), waitingForReply: await countWaiting(db, now, await readReplyWait(db)) };
      },
      'reminders.waitingForReply': async ({ offset, limit, ownerId }) => {
        const wait = await readReplyWait(db);
        return { days: wait.days, ...(await listWaiting(db, { now: clock.now(), wait, offset, limit, ownerId })) };
      },
    },
  };
}
