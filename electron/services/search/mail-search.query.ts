import { sql } from 'kysely';
import type { Db } from '../../../db/database.ts';

/**
 * Above this many full-text matches, walking the date index newest first and probing the match
 * set finds a page sooner than looking up every match's date and sorting; below it, the
 * lookups are cheaper (the same trade as the customer list's DENSE_MATCHES; figures in
 * test/bench/RESULTS.md, "search").
 */
export const DENSE_MAIL_MATCHES = 300;

/**
 * The queries behind the mail group of search.all; exported so a test can EXPLAIN them. `fts`
 * is a toFtsQuery() expression. The page is newest first; the index mail_messages_date holds
 * (date_at, rid), so the dense plan needs no sort.
 */
export function mailSearchQueries(db: Db, fts: string, limit: number, dense: boolean) {
  const matches = sql`(SELECT rowid FROM mail_search WHERE mail_search MATCH ${fts})`;
  // The unary + keeps SQLite from driving the dense query by rowid lookups of every match.
  const where = dense ? sql<boolean>`+m.rid IN ${matches}` : sql<boolean>`m.rid IN ${matches}`;
  const page = db
    .selectFrom('mail_messages as m')
    .select(['m.rid', 'm.id'])
    .where(where)
    .orderBy('m.date_at', 'desc')
    .orderBy('m.rid', 'desc')
    .limit(limit);
  const count = db
    .selectFrom('mail_search')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(sql<boolean>`mail_search MATCH ${fts}`);
  return { page, count };
}

/** The newest `limit` messages matching `fts`, and how many match in all. */
export async function searchMailIds(db: Db, fts: string, limit: number): Promise<{ total: number; ids: string[] }> {
  const probe = mailSearchQueries(db, fts, limit, false);
  const total = Number((await probe.count.executeTakeFirstOrThrow()).n);
  if (total === 0) return { total, ids: [] };
  const { page } = mailSearchQueries(db, fts, limit, total >= DENSE_MAIL_MATCHES);
  return { total, ids: (await page.execute()).map((r) => r.id) };
}
