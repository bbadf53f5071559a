import { sql, type SelectQueryBuilder } from 'kysely';
import type { Db } from '../../../db/open-database.ts';
import type { Database } from '../../../db/tables/tables.ts';
import type { CallOutput, ParsedInput } from '../../../shared/contract/contract.ts';
import { toFtsQuery } from '../../../shared/domain/search-text.ts';
import { selectCustomerRows, toCustomerRow } from './customer-rows.ts';

type Query = ParsedInput<'customers.list'>;
const DAY = 86_400_000;

const SORT_COLUMNS = {
  name: sql`c.name COLLATE NOCASE`,
  code: sql`c.code`,
  lastContactedAt: sql`c.last_contacted_at`,
  createdAt: sql`c.created_at`,
  grade: sql`c.grade`,
  country: sql`c.country`,
} as const;

// The builder's output type changes with every select; filters only need the `c` alias.
type Filterable<O> = SelectQueryBuilder<Database & { c: Database['customers'] }, 'c', O>;

function applyFilters<O>(qb: Filterable<O>, q: Query, now: number): Filterable<O> {
  let out = qb.where(sql<boolean>`c.deleted_at IS NULL`);
  const fts = toFtsQuery(q.search);
  if (fts) out = out.where(sql<boolean>`c.rid IN (SELECT rowid FROM customer_search WHERE customer_search MATCH ${fts})`);
  if (q.grades.length) out = out.where('c.grade', 'in', q.grades);
  if (q.stages.length) out = out.where('c.stage', 'in', q.stages);
  if (q.countries.length) out = out.where('c.country', 'in', q.countries);
  if (q.ownerIds.length) {
    const ids = q.ownerIds.filter((id) => id !== '');
    const wantsNone = ids.length !== q.ownerIds.length;
    out = out.where((eb) =>
      eb.or([...(ids.length ? [eb('c.owner_id', 'in', ids)] : []), ...(wantsNone ? [eb('c.owner_id', 'is', null)] : [])]),
    );
  }
  if (q.tagIds.length) {
    out = out.where(sql<boolean>`c.id IN (SELECT customer_id FROM customer_tags WHERE tag_id IN (${sql.join(q.tagIds)}))`);
  }
  switch (q.lastContact) {
    case 'never':
      out = out.where('c.last_contacted_at', 'is', null);
      break;
    case 'within7':
    case 'within30':
    case 'within90':
      out = out.where('c.last_contacted_at', '>=', now - Number(q.lastContact.slice(6)) * DAY);
      break;
    case 'over30':
    case 'over90':
    case 'over180':
      // Two index ranges instead of an OR that SQLite answers with a full scan.
      out = out.where(
        sql<boolean>`c.rid IN (SELECT rid FROM customers WHERE deleted_at IS NULL AND last_contacted_at < ${now - Number(q.lastContact.slice(4)) * DAY}
          UNION ALL SELECT rid FROM customers WHERE deleted_at IS NULL AND last_contacted_at IS NULL)`,
      );
      break;
    case null:
      break;
  }
  return out;
}

/**
 * The two queries behind one list page; exported so a test can EXPLAIN them. The page query
 * selects only row ids: sorting and skipping narrow rows is cheap, and the contact, email and tag
 * subqueries then run for the visible rows only, not for every row skipped by OFFSET.
 */
export function customerListQueries(db: Db, q: Query, now: number) {
  const dir = q.dir === 'desc' ? sql`DESC` : sql`ASC`;
  const base = db.selectFrom('customers as c').select('c.rid') as unknown as Filterable<{ rid: number }>;
  const page = applyFilters(base, q, now)
    .orderBy(sql`${SORT_COLUMNS[q.sort]} ${dir}`)
    .orderBy('c.rid')
    .limit(q.limit)
    .offset(q.offset);
  const countBase = db.selectFrom('customers as c').select((eb) => eb.fn.countAll<number>().as('n')) as unknown as Filterable<{ n: number }>;
  return { page, count: applyFilters(countBase, q, now) };
}

/** The customer list: filters, full-text search, sort and one page, plus the total count. */
export async function listCustomers(db: Db, q: Query, now: number): Promise<CallOutput<'customers.list'>> {
  const queries = customerListQueries(db, q, now);
  const rids = (await queries.page.execute()).map((r) => r.rid);
  const total = Number((await queries.count.executeTakeFirstOrThrow()).n);
  if (rids.length === 0) return { total, rows: [] };
  const rows = await selectCustomerRows(db).where('c.rid', 'in', rids).execute();
  const order = new Map(rids.map((rid, i) => [rid, i]));
  rows.sort((a, b) => order.get(a.rid)! - order.get(b.rid)!);
  return { total, rows: rows.map(toCustomerRow) };
}
