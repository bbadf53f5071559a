import type { Db } from '../../../db/database.ts';
import type { ActivityHit } from '../../../shared/contract/search.contract.ts';
import { hasHit, highlight, snippetAround } from '../../../shared/domain/search-highlight.ts';
import type { QueryTerm } from '../../../shared/domain/search-text.ts';
import { activityCustomersQuery, newestActivitiesQuery } from './search-hits.queries.ts';

/**
 * Activities are indexed inside their customer's full-text row (the `notes` column of
 * customer_search, see customer-index.queries.ts), so, as contacts are, an activity is found
 * through its customer: among the newest activities of the customers whose writing matches,
 * those whose own subject and body hold every term of the query are listed, newest first. (A
 * customer with a long history is found by an old call's words; that call itself is listed on
 * its timeline.)
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
