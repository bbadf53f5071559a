import { sql } from 'kysely';
import type { Db } from '../../../db/database.ts';
import type { TimelineItem } from '../../../shared/contract/mail.contract.ts';
import { messageRows } from '../mail/read/message-rows.queries.ts';
import { selectActivities } from './activity.queries.ts';

/**
 * One page of a customer's activities and filed mail, newest first. One ordered page over both
 * sources; each side is served by its (customer, date) index. Null when there is no such customer.
 */
export async function customerTimeline(
  db: Db,
  input: { customerId: string; offset: number; limit: number },
): Promise<{ total: number; rows: TimelineItem[] } | null> {
  const { customerId, offset, limit } = input;
  const customer = await db.selectFrom('customers').select('id').where('id', '=', customerId).executeTakeFirst();
  if (!customer) return null;
  const items = db
    .selectFrom('activities')
    .select([sql<'activity' | 'mail'>`'activity'`.as('type'), 'id', 'occurred_at as at'])
    .where('customer_id', '=', customerId)
    .where('deleted_at', 'is', null)
    .unionAll(
      db
        .selectFrom('mail_message_customers')
        .select([sql<'activity' | 'mail'>`'mail'`.as('type'), 'message_id as id', 'date_at as at'])
        .where('customer_id', '=', customerId),
    );
  const page = await db.selectFrom(items.as('t')).selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute();
  const total = await db.selectFrom(items.as('t')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const activityIds = page.filter((p) => p.type === 'activity').map((p) => p.id);
  const activities = activityIds.length ? await selectActivities(db).where('a.id', 'in', activityIds).execute() : [];
  const messages = await messageRows(db, page.filter((p) => p.type === 'mail').map((p) => p.id));
  const activityById = new Map(activities.map((a) => [a.id, a]));
  const messageById = new Map(messages.map((m) => [m.id, m]));
  return {
    total: Number(total.n),
    rows: page.flatMap((p): TimelineItem[] => {
      if (p.type === 'activity') {
        const activity = activityById.get(p.id);
        return activity ? [{ type: 'activity', at: p.at, activity }] : [];
      }
      const message = messageById.get(p.id);
      return message ? [{ type: 'mail', at: p.at, message }] : [];
    }),
  };
}
