import { sql } from 'kysely';
import type { Db } from '../../../db/database.ts';
import type { ActivityHit } from '../../../shared/contract/search.contract.ts';
import { hasHit, highlight, snippetAround } from '../../../shared/domain/search-highlight.ts';
import type { QueryTerm } from '../../../shared/domain/search-text.ts';
import { liveCustomer } from '../customers/live-customer.queries.ts';

/** Activities of at most this many customers whose writing matches are looked at… */
export const ACTIVITY_CANDIDATE_CUSTOMERS = 20;
/** …and of each, its newest this many: bounded work per keystroke, whatever the history's length. */
export const ACTIVITIES_PER_CANDIDATE = 50;

/**
 * The live customers whose `notes` column matches `fts` (a toFtsQuery() expression); exported
 * so a test can EXPLAIN it.
 */
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

/**
 * Activities are indexed inside their customer's full-text row (the `notes` column of
 * customer_search, see customer-index.ts), so, as contacts are, an activity is found through its
 * customer: among the newest activities of the customers whose writing matches, those whose own
 * subject and body hold every term of the query are listed, newest first. (A customer with a
 * long history is found by an old call's words; that call itself is listed on its timeline.)
 */
export async function activityHits(db: Db, fts: string, terms: readonly QueryTerm[], limit: number): Promise<{ rows: ActivityHit[]; more: boolean }> {
  const customers = await activityCustomersQuery(db, fts).execute();
  type Row = Awaited<ReturnType<ReturnType<typeof newestActivitiesQuery>['execute']>>[number];
  const matching: Array<{ a: Row; c: (typeof customers)[number] }> = [];
  for (const c of customers) {
    for (const a of await newestActivitiesQuery(db, c.id).execute()) {
      if (terms.every((term) => hasHit(`${a.subject ?? ''}\n${a.body ?? ''}`, [term]))) matching.push({ a, c });
    }
  }
  matching.sort((x, y) => y.a.occurred_at - x.a.occurred_at || (x.a.id < y.a.id ? 1 : -1));
  // Marks only for the hits shown.
  const rows = matching.slice(0, limit).map(({ a, c }) => ({
    id: a.id,
    customerId: c.id,
    customerName: c.name,
    customerCode: c.code,
    kind: a.kind,
    subject: highlight(a.subject ?? '', terms),
    snippet: snippetAround(a.body ?? '', terms),
    occurredAt: a.occurred_at,
  }));
  return { rows, more: matching.length > limit };
}
