import { sql } from 'kysely';
import type { Db } from '../../../db/open-database.ts';
import type { ActivityHit } from '../../../shared/contract/search.contract.ts';
import { hasHit, highlight, snippetAround } from '../../../shared/domain/search-highlight.ts';
import type { QueryTerm } from '../../../shared/domain/search-text.ts';
import { liveCustomer } from '../customers/live-customer.ts';

/** Activities of at most this many customers whose writing matches are looked at. */
export const ACTIVITY_CANDIDATE_CUSTOMERS = 50;
/** And at most this many of their newest activities: bounded work per keystroke. */
export const ACTIVITY_CANDIDATE_ROWS = 2000;

/**
 * The newest activities of the customers whose `notes` column matches `fts` (a toFtsQuery()
 * expression); exported so a test can EXPLAIN it.
 */
export function activityCandidatesQuery(db: Db, fts: string) {
  const candidates = db
    .selectFrom('customer_search')
    .select('rowid')
    .where(sql<boolean>`customer_search MATCH ${`{notes} : (${fts})`}`)
    .limit(ACTIVITY_CANDIDATE_CUSTOMERS);
  return db
    .selectFrom('customers as c')
    .innerJoin('activities as a', 'a.customer_id', 'c.id')
    .select(['a.id', 'a.customer_id', 'a.kind', 'a.subject', 'a.body', 'a.occurred_at', 'c.name', 'c.code'])
    .where('c.rid', 'in', candidates)
    // See liveCustomer: a lookup by rid, not through the deleted_at index.
    .where(liveCustomer)
    .where('a.deleted_at', 'is', null)
    .orderBy('a.occurred_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(ACTIVITY_CANDIDATE_ROWS);
}

/**
 * Activities are indexed inside their customer's full-text row (the `notes` column of
 * customer_search, see customer-index.ts), so, as contacts are, an activity is found through its
 * customer: the customers whose writing matches are the candidates, and an activity is listed
 * when its own subject and body hold every term of the query.
 */
export async function activityHits(db: Db, fts: string, terms: readonly QueryTerm[], limit: number): Promise<{ rows: ActivityHit[]; more: boolean }> {
  const rows = await activityCandidatesQuery(db, fts).execute();
  const hits: ActivityHit[] = [];
  for (const a of rows) {
    const text = `${a.subject ?? ''}\n${a.body ?? ''}`;
    if (!terms.every((term) => hasHit(text, [term]))) continue;
    if (hits.length === limit) return { rows: hits, more: true };
    hits.push({
      id: a.id,
      customerId: a.customer_id,
      customerName: a.name,
      customerCode: a.code,
      kind: a.kind,
      subject: highlight(a.subject ?? '', terms),
      snippet: snippetAround(a.body ?? '', terms),
      occurredAt: a.occurred_at,
    });
  }
  return { rows: hits, more: false };
}
