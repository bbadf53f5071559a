import { sql } from 'kysely';
import type { Db } from '../../../db/database.ts';
import type { TimelineItem } from '../../../shared/contract/mail.contract.ts';
import { messageRows } from '../mail/read/message-rows.queries.ts';
import { selectActivities } from './activity.queries.ts';
import { timelineQuotes, timelineShipments } from './deal-timeline.queries.ts';

type EntryType = TimelineItem['type'];

/**
 * One page of a customer's activities, filed mail, quotes and sample shipments, newest first. One
 * ordered page over all four; each is served by its (customer, date) index. Null when there is no
 * such customer.
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
    .select([sql<EntryType>`'activity'`.as('type'), 'id', 'occurred_at as at'])
    .where('customer_id', '=', customerId)
    .where('deleted_at', 'is', null)
    .unionAll(
      db
        .selectFrom('mail_message_customers')
        .select([sql<EntryType>`'mail'`.as('type'), 'message_id as id', 'date_at as at'])
        .where('customer_id', '=', customerId),
    )
    .unionAll(
      db
        .selectFrom('quotes')
        .select([sql<EntryType>`'quote'`.as('type'), 'id', 'quoted_at as at'])
        .where('customer_id', '=', customerId)
        .where('deleted_at', 'is', null),
    )
    .unionAll(
      db
        .selectFrom('sample_shipments')
        .select([sql<EntryType>`'sample'`.as('type'), 'id', sql<number>`coalesce(sent_at, created_at)`.as('at')])
        .where('customer_id', '=', customerId)
        .where('deleted_at', 'is', null),
    );
  const page = await db.selectFrom(items.as('t')).selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute();
  const total = await db.selectFrom(items.as('t')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const activityIds = page.filter((p) => p.type === 'activity').map((p) => p.id);
  const activities = activityIds.length ? await selectActivities(db).where('a.id', 'in', activityIds).execute() : [];
  const messages = await messageRows(db, page.filter((p) => p.type === 'mail').map((p) => p.id));
  const activityById = new Map(activities.map((a) => [a.id, a]));
  const messageById = new Map(messages.map((m) => [m.id, m]));
  const quoteById = await timelineQuotes(db, page.filter((p) => p.type === 'quote').map((p) => p.id));
  const shipmentById = await timelineShipments(db, page.filter((p) => p.type === 'sample').map((p) => p.id));
  return {
    total: Number(total.n),
    rows: page.flatMap((p): TimelineItem[] => {
      switch (p.type) {
        case 'activity': {
          const activity = activityById.get(p.id);
          return activity ? [{ type: 'activity', at: p.at, activity }] : [];
        }
        case 'mail': {
          const message = messageById.get(p.id);
          return message ? [{ type: 'mail', at: p.at, message }] : [];
        }
        case 'quote': {
          const quote = quoteById.get(p.id);
          return quote ? [{ type: 'quote', at: p.at, quote }] : [];
        }
        case 'sample': {
          const shipment = shipmentById.get(p.id);
          return shipment ? [{ type: 'sample', at: p.at, shipment }] : [];
        }
      }
    }),
  };
}
