import { sql } from 'kysely';
import type { Db } from '../../../db/database.ts';
import { liveCustomer } from '../customers/live-customer.queries.ts';

/**
 * The reads behind search.all's contact, activity and mail groups. Contacts and activities are
 * indexed inside their customer's full-text row (customer_search: contacts in `text`, writing in
 * `notes`; see customer-index.queries.ts), so both are found through their customers.
 */

/** Contacts of at most this many matching customers are looked at: bounded work per keystroke. */
export const CONTACT_CANDIDATE_CUSTOMERS = 100;
/** Activities of at most this many customers whose writing matches are looked at… */
export const ACTIVITY_CANDIDATE_CUSTOMERS = 20;
/** …and of each, its newest this many: bounded work per keystroke, whatever the history's length. */
export const ACTIVITIES_PER_CANDIDATE = 50;

/** The live contacts of the live customers whose `text` column matches `fts` (a toFtsQuery() expression), by customer name. */
export function contactsOfMatchingCustomers(db: Db, fts: string) {
  // Only the `text` column (names, contacts, channels): customers found by their notes or
  // activities alone would crowd out those whose contacts match.
  const candidates = db
    .selectFrom('customer_search')
    .select('rowid')
    .where(sql<boolean>`customer_search MATCH ${`{text} : (${fts})`}`)
    .limit(CONTACT_CANDIDATE_CUSTOMERS);
  return db
    .selectFrom('customers as c')
    .innerJoin('contacts as ct', 'ct.customer_id', 'c.id')
    .select(['ct.id', 'ct.customer_id', 'ct.name', 'ct.title', 'c.name as customer_name', 'c.code as customer_code'])
    .where('c.rid', 'in', candidates)
    .where('c.deleted_at', 'is', null)
    .where('ct.deleted_at', 'is', null)
    .orderBy(sql`c.name COLLATE NOCASE`)
    .orderBy('ct.is_primary', 'desc')
    .orderBy('ct.name')
    .execute();
}

/** The channels of these contacts, each contact's in its order. */
export function channelsOfContacts(db: Db, contactIds: readonly string[]) {
  return db.selectFrom('contact_channels').select(['contact_id', 'kind', 'value']).where('contact_id', 'in', contactIds).orderBy('sort').execute();
}

/** The live customers whose `notes` column matches `fts` (a toFtsQuery() expression); exported so a test can EXPLAIN it. */
export function activityCustomersQuery(db: Db, fts: string) {
  const candidates = db
    .selectFrom('customer_search')
    .select('rowid')
    .where(sql<boolean>`customer_search MATCH ${`{notes} : (${fts})`}`)
    .limit(ACTIVITY_CANDIDATE_CUSTOMERS);
  return (
    db
      .selectFrom('customers as c')
      .select(['c.id', 'c.name', 'c.code'])
      .where('c.rid', 'in', candidates)
      // See liveCustomer: a lookup by rid, not through the deleted_at index.
      .where(liveCustomer)
  );
}

/** A customer's newest live activities, through the timeline index; exported so a test can EXPLAIN it. */
export function newestActivitiesQuery(db: Db, customerId: string) {
  return db
    .selectFrom('activities')
    .select(['id', 'kind', 'subject', 'body', 'occurred_at'])
    .where('customer_id', '=', customerId)
    .where('deleted_at', 'is', null)
    .orderBy('occurred_at', 'desc')
    .limit(ACTIVITIES_PER_CANDIDATE);
}

/** These messages with their bodies, their named attachments, and the live customers they are filed under. */
export async function messageHitRows(db: Db, ids: readonly string[]) {
  const list = [...ids];
  const [messages, attachments, links] = await Promise.all([
    db
      .selectFrom('mail_messages as m')
      .leftJoin('mail_bodies as b', 'b.message_id', 'm.id')
      .select(['m.id', 'm.thread_id', 'm.subject', 'm.from_name', 'm.from_address', 'm.snippet', 'm.date_at', 'm.direction', 'b.text'])
      .where('m.id', 'in', list)
      .execute(),
    db.selectFrom('mail_attachments').select(['message_id', 'filename']).where('message_id', 'in', list).where('filename', 'is not', null).orderBy('position').execute(),
    db
      .selectFrom('mail_message_customers as l')
      .innerJoin('customers as c', 'c.id', 'l.customer_id')
      .select(['l.message_id', 'c.id', 'c.name', 'c.code', 'l.match'])
      .where('l.message_id', 'in', list)
      // See liveCustomer (48 ms instead of 0.1 ms at 20k customers).
      .where(liveCustomer)
      .orderBy('c.name')
      .execute(),
  ]);
  return { messages, attachments, links };
}
