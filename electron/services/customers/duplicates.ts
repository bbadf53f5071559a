import { sql } from 'kysely';
import type { Db } from '../../../db/open-database.ts';
import type { CallOutput, ParsedInput } from '../../../shared/contract/contract.ts';
import type { CustomerRow } from '../../../shared/contract/customers.contract.ts';
import { companyDomains } from '../../../shared/domain/free-mail-domains.ts';
import { areNamesNearSame, normalizeCompanyName } from '../../../shared/domain/name-similarity.ts';
import { selectCustomerRows, toCustomerRow } from './customer-rows.ts';

type Match = CallOutput<'customers.checkDuplicates'>[number];
type Group = CallOutput<'customers.findDuplicates'>[number];

/** Names are compared within blocks sharing their first characters, so the scan stays linear-ish. */
const NAME_BLOCK_PREFIX = 2;
const MAX_BLOCK = 400;
const MAX_GROUPS = 500;

async function rowsByIds(db: Db, ids: string[]): Promise<Map<string, CustomerRow>> {
  if (ids.length === 0) return new Map();
  const rows = await selectCustomerRows(db).where('c.id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, toCustomerRow(r)]));
}

/** Possible duplicates of a customer being created or edited: same email, same company domain, near-same name. */
export async function checkDuplicates(db: Db, candidate: ParsedInput<'customers.checkDuplicates'>): Promise<Match[]> {
  const hits: Array<{ reason: Match['reason']; key: string; id: string }> = [];
  const exclude = candidate.excludeId ?? '';
  const emails = candidate.emails.map((e) => e.trim().toLowerCase()).filter((e) => e.includes('@'));
  if (emails.length) {
    const rows = await db
      .selectFrom('contact_channels as ch')
      .innerJoin('contacts as ct', 'ct.id', 'ch.contact_id')
      .innerJoin('customers as c', 'c.id', 'ct.customer_id')
      .select(['c.id', 'ch.value_normalized'])
      .where('ch.kind', '=', 'email')
      .where('ch.value_normalized', 'in', emails)
      .where('ct.deleted_at', 'is', null)
      .where('c.deleted_at', 'is', null)
      .where('c.id', '!=', exclude)
      .execute();
    for (const r of rows) hits.push({ reason: 'email', key: r.value_normalized, id: r.id });
  }
  const domains = companyDomains(candidate.website, emails);
  if (domains.length) {
    const rows = await db
      .selectFrom('customer_domains as d')
      .innerJoin('customers as c', 'c.id', 'd.customer_id')
      .select(['c.id', 'd.domain'])
      .where('d.domain', 'in', domains)
      .where('c.deleted_at', 'is', null)
      .where('c.id', '!=', exclude)
      .execute();
    for (const r of rows) hits.push({ reason: 'domain', key: r.domain, id: r.id });
  }
  const key = normalizeCompanyName(candidate.name);
  if (key.length >= 2) {
    const prefix = [...key].slice(0, NAME_BLOCK_PREFIX).join('');
    const rows = await db
      .selectFrom('customers as c')
      .select(['c.id', 'c.name_key'])
      .where(sql<boolean>`c.deleted_at IS NULL`)
      .where('c.name_key', '>=', prefix)
      .where('c.name_key', '<', `${prefix}\uffff`)
      .where('c.id', '!=', exclude)
      .limit(MAX_BLOCK)
      .execute();
    for (const r of rows) if (areNamesNearSame(key, r.name_key)) hits.push({ reason: 'name', key: r.name_key, id: r.id });
  }
  const seen = new Set<string>();
  const unique = hits.filter((h) => (seen.has(h.id) ? false : (seen.add(h.id), true)));
  const rows = await rowsByIds(db, unique.map((h) => h.id));
  return unique.flatMap((h) => {
    const customer = rows.get(h.id);
    return customer ? [{ reason: h.reason, key: h.key, customer }] : [];
  });
}

/** Every group of live customers that look like the same company. */
export async function findDuplicateGroups(db: Db): Promise<Group[]> {
  const groups: Array<{ reason: Group['reason']; key: string; ids: string[] }> = [];
  const emailGroups = await db
    .selectFrom('contact_channels as ch')
    .innerJoin('contacts as ct', 'ct.id', 'ch.contact_id')
    .innerJoin('customers as c', 'c.id', 'ct.customer_id')
    .select(['ch.value_normalized as key', sql<string>`group_concat(DISTINCT c.id)`.as('ids')])
    .where('ch.kind', '=', 'email')
    .where('ct.deleted_at', 'is', null)
    .where('c.deleted_at', 'is', null)
    .groupBy('ch.value_normalized')
    .having(sql<boolean>`count(DISTINCT c.id) > 1`)
    .limit(MAX_GROUPS)
    .execute();
  for (const g of emailGroups) groups.push({ reason: 'email', key: g.key, ids: g.ids.split(',') });
  const domainGroups = await db
    .selectFrom('customer_domains as d')
    .innerJoin('customers as c', 'c.id', 'd.customer_id')
    .select(['d.domain as key', sql<string>`group_concat(c.id)`.as('ids')])
    .where('c.deleted_at', 'is', null)
    .groupBy('d.domain')
    .having(sql<boolean>`count(*) > 1`)
    .limit(MAX_GROUPS)
    .execute();
  for (const g of domainGroups) groups.push({ reason: 'domain', key: g.key, ids: g.ids.split(',') });

  const names = await db
    .selectFrom('customers')
    .select(['id', 'name_key'])
    .where('deleted_at', 'is', null)
    .where('name_key', '!=', '')
    .orderBy('name_key')
    .execute();
  let blockStart = 0;
  while (blockStart < names.length && groups.length < MAX_GROUPS) {
    const prefix = [...names[blockStart]!.name_key].slice(0, NAME_BLOCK_PREFIX).join('');
    let blockEnd = blockStart + 1;
    while (blockEnd < names.length && names[blockEnd]!.name_key.startsWith(prefix)) blockEnd++;
    const block = names.slice(blockStart, Math.min(blockEnd, blockStart + MAX_BLOCK));
    const assigned = new Set<number>();
    for (let i = 0; i < block.length; i++) {
      if (assigned.has(i)) continue;
      const members = [i];
      for (let j = i + 1; j < block.length; j++) {
        if (!assigned.has(j) && areNamesNearSame(block[i]!.name_key, block[j]!.name_key)) members.push(j);
      }
      if (members.length > 1) {
        for (const m of members) assigned.add(m);
        groups.push({ reason: 'name', key: block[i]!.name_key, ids: members.map((m) => block[m]!.id) });
      }
    }
    blockStart = blockEnd;
  }

  const rows = await rowsByIds(db, [...new Set(groups.flatMap((g) => g.ids))]);
  return groups.slice(0, MAX_GROUPS).map((g) => ({
    reason: g.reason,
    key: g.key,
    customers: g.ids.flatMap((id) => {
      const row = rows.get(id);
      return row ? [row] : [];
    }),
  }));
}
