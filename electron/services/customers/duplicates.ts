import type { Db, Tx } from '../../../db/database.ts';
import { sql } from 'kysely';
import type { CallOutput, ParsedInput } from '../../../shared/contract/contract.ts';
import type { CustomerRow } from '../../../shared/contract/customers.contract.ts';
import { fail } from '../../../shared/contract/result.ts';
import { companyDomains } from '../../../shared/domain/free-mail-domains.ts';
import { scoreDuplicateGroup, type DuplicateReasonKind, type GroupConfidence } from '../../../shared/domain/duplicate-confidence.ts';
import { areNamesNearSame, normalizeCompanyName } from '../../../shared/domain/name-similarity.ts';
import { idChunks } from '../core/id-chunks.ts';
import { selectCustomerRows, toCustomerRow } from './customer-rows.queries.ts';

type Match = CallOutput<'customers.checkDuplicates'>[number];
type Page = CallOutput<'customers.findDuplicates'>;
type Reason = DuplicateReasonKind;

/** Names are compared within blocks sharing their first characters, so the scan stays linear-ish. */
const NAME_BLOCK_PREFIX = 2;
/** checkDuplicates reads at most this many names of one block. */
const MAX_BLOCK = 400;
/** Customers in one group at most: a merge takes 50 sources, and a bigger group is no one company. */
const MAX_GROUP_SIZE = 51;
const REASON_ORDER: Record<Reason, number> = { email: 0, domain: 1, name: 2 };

async function rowsByIds(db: Db, ids: string[]): Promise<Map<string, CustomerRow>> {
  const map = new Map<string, CustomerRow>();
  for (const part of idChunks(ids)) {
    for (const r of await selectCustomerRows(db).where('c.id', 'in', part).execute()) map.set(r.id, toCustomerRow(r));
  }
  return map;
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
  if (candidate.excludeId && hits.length > 0) {
    // Editing a customer: the ones the user said are another company are not warned about again.
    for (const id of await dismissedPartners(db, candidate.excludeId)) seen.add(id);
  }
  const unique = hits.filter((h) => (seen.has(h.id) ? false : (seen.add(h.id), true)));
  const rows = await rowsByIds(db, unique.map((h) => h.id));
  return unique.flatMap((h) => {
    const customer = rows.get(h.id);
    return customer ? [{ reason: h.reason, key: h.key, customer }] : [];
  });
}

/** Ids the user said are not the same company as this customer. */
async function dismissedPartners(db: Db, id: string): Promise<string[]> {
  const rows = await db
    .selectFrom('duplicate_dismissals')
    .select(sql<string>`CASE WHEN customer_a = ${id} THEN customer_b ELSE customer_a END`.as('other'))
    .where((eb) => eb.or([eb('customer_a', '=', id), eb('customer_b', '=', id)]))
    .execute();
  return rows.map((r) => r.other);
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

interface Member {
  name: string;
  nameKey: string;
  country: string | null;
}

interface RawGroup {
  reason: Reason;
  key: string;
  ids: string[];
  alsoMatched: Reason[];
}

const LETTER_SLOTS = 37;

/** How often each of a–z and 0–9 occurs (everything else in one slot): a cheap bound on edit distance. */
function letterCounts(key: string): Uint8Array {
  const counts = new Uint8Array(LETTER_SLOTS);
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    const slot = c >= 97 && c <= 122 ? c - 97 : c >= 48 && c <= 57 ? c - 22 : 36;
    counts[slot] = Math.min(255, counts[slot]! + 1);
  }
  return counts;
}

/**
 * Sum of the differences in letter counts. One edit changes it by at most 2, so names two
 * edits apart are at most 4 apart here; most pairs are rejected without an edit distance.
 */
function letterDistance(a: Uint8Array, b: Uint8Array): number {
  let d = 0;
  for (let i = 0; i < LETTER_SLOTS; i++) d += Math.abs(a[i]! - b[i]!);
  return d;
}

/** Groups of near-same names: identical keys first, then keys a typo or two apart within a block. */
function nameGroups(live: Map<string, Member>): RawGroup[] {
  const idsByKey = new Map<string, string[]>();
  for (const [id, m] of live) {
    if (!m.nameKey) continue;
    const list = idsByKey.get(m.nameKey);
    if (list) list.push(id);
    else idsByKey.set(m.nameKey, [id]);
  }
  const keys = [...idsByKey.keys()].sort();
  const groups: RawGroup[] = [];
  let blockStart = 0;
  while (blockStart < keys.length) {
    const prefix = [...keys[blockStart]!].slice(0, NAME_BLOCK_PREFIX).join('');
    let blockEnd = blockStart + 1;
    while (blockEnd < keys.length && keys[blockEnd]!.startsWith(prefix)) blockEnd++;
    // Shortest first: a key is compared only with keys at most two characters longer.
    const block = keys
      .slice(blockStart, blockEnd)
      .map((key) => ({ key, length: [...key].length, letters: letterCounts(key) }))
      .sort((a, b) => a.length - b.length || (a.key < b.key ? -1 : 1));
    const assigned = new Uint8Array(block.length);
    for (let i = 0; i < block.length; i++) {
      if (assigned[i]) continue;
      const seed = block[i]!;
      const members = [i];
      for (let j = i + 1; j < block.length && block[j]!.length - seed.length <= 2; j++) {
        if (!assigned[j] && letterDistance(seed.letters, block[j]!.letters) <= 4 && areNamesNearSame(seed.key, block[j]!.key)) members.push(j);
      }
      const ids = members.flatMap((m) => idsByKey.get(block[m]!.key)!);
      if (ids.length > 1) {
        for (const m of members) assigned[m] = 1;
        groups.push({ reason: 'name', key: seed.key, ids, alsoMatched: [] });
      }
    }
    blockStart = blockEnd;
  }
  return groups;
}

type Ranked = RawGroup & GroupConfidence & { id: string };

/** Every group found, merged, filtered by dismissals, scored and sorted. */
async function rankGroups(db: Db): Promise<Ranked[]> {
  const raw: RawGroup[] = [];
  // Addresses stored twice or more first, from the index alone; only those are joined to their
  // customers (CROSS JOIN keeps that order: joining every address took 25× as long at 10k).
  const emailGroups = await sql<{ key: string; ids: string }>`
    WITH twice AS (
      SELECT value_normalized AS v FROM contact_channels WHERE kind = 'email' GROUP BY value_normalized HAVING count(*) > 1
    )
    SELECT ch.value_normalized AS key, group_concat(DISTINCT c.id) AS ids
    FROM twice CROSS JOIN contact_channels ch ON ch.kind = 'email' AND ch.value_normalized = twice.v
    JOIN contacts ct ON ct.id = ch.contact_id
    JOIN customers c ON c.id = ct.customer_id
    WHERE ct.deleted_at IS NULL AND c.deleted_at IS NULL
    GROUP BY ch.value_normalized
    HAVING count(DISTINCT c.id) > 1`
    .execute(db)
    .then((r) => r.rows);
  for (const g of emailGroups) raw.push({ reason: 'email', key: g.key, ids: g.ids.split(','), alsoMatched: [] });
  // The same for domains (~480 -> ~60 ms at 100k customers).
  const domainGroups = await sql<{ key: string; ids: string }>`
    WITH twice AS (SELECT domain AS v FROM customer_domains GROUP BY domain HAVING count(*) > 1)
    SELECT d.domain AS key, group_concat(c.id) AS ids
    FROM twice CROSS JOIN customer_domains d ON d.domain = twice.v
    JOIN customers c ON c.id = d.customer_id
    WHERE c.deleted_at IS NULL
    GROUP BY d.domain
    HAVING count(*) > 1`
    .execute(db)
    .then((r) => r.rows);
  for (const g of domainGroups) raw.push({ reason: 'domain', key: g.key, ids: g.ids.split(','), alsoMatched: [] });

  const live = new Map<string, Member>();
  const liveRows = await db.selectFrom('customers').select(['id', 'name', 'name_key', 'country']).where('deleted_at', 'is', null).execute();
  for (const r of liveRows) live.set(r.id, { name: r.name, nameKey: r.name_key, country: r.country });
  raw.push(...nameGroups(live));

  // The same customers found for several reasons: one group, under its strongest reason.
  const bySet = new Map<string, RawGroup>();
  for (const g of raw) {
    g.ids = [...new Set(g.ids)].sort();
    const setKey = g.ids.join(',');
    const known = bySet.get(setKey);
    if (!known) bySet.set(setKey, g);
    else if (REASON_ORDER[g.reason] < REASON_ORDER[known.reason]) {
      bySet.set(setKey, { ...g, alsoMatched: [...new Set([...g.alsoMatched, known.reason, ...known.alsoMatched])] });
    } else if (g.reason !== known.reason && !known.alsoMatched.includes(g.reason)) known.alsoMatched.push(g.reason);
  }

  const dismissed = new Set((await db.selectFrom('duplicate_dismissals').select(['customer_a', 'customer_b']).execute()).map((r) => `${r.customer_a}|${r.customer_b}`));
  const scored: Ranked[] = [];
  for (const g of bySet.values()) {
    let ids = g.ids;
    if (dismissed.size > 0) {
      ids = ids.filter((a) => ids.some((b) => a !== b && !dismissed.has(pairKey(a, b))));
      if (ids.length < 2) continue;
    }
    ids = ids.slice(0, MAX_GROUP_SIZE);
    const members = ids.flatMap((id) => {
      const m = live.get(id);
      return m ? [m] : [];
    });
    const first = members[0]?.nameKey ?? '';
    const namesNear = g.reason === 'name' || members.every((m) => areNamesNearSame(first, m.nameKey));
    const confidence = scoreDuplicateGroup({ reason: g.reason, alsoMatched: g.alsoMatched, members, namesNear });
    scored.push({ ...g, ids, ...confidence, id: `${g.reason}:${g.key}:${ids.join(',')}` });
  }
  // Most certain first; then by reason, key and members, so pages never shuffle between calls.
  scored.sort((a, b) => b.score - a.score || REASON_ORDER[a.reason] - REASON_ORDER[b.reason] || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) || (a.id < b.id ? -1 : 1));
  return scored;
}

/**
 * Changes since the connection opened (total_changes) and by other connections (data_version):
 * equal stamps mean nothing was written, so the ranked groups of the last call still hold and
 * a further page reads only its own rows. Any write at all — even one rolled back — renews it.
 */
async function writeStamp(db: Db): Promise<string> {
  const r = await sql<{ t: number; v: number }>`SELECT total_changes() AS t, (SELECT data_version FROM pragma_data_version) AS v`.execute(db);
  const row = r.rows[0];
  return row ? `${row.t}:${row.v}` : '';
}

const rankedCache = new WeakMap<Db, { stamp: string; groups: Ranked[] }>();

/**
 * Every group of live customers that look like the same company, most certain first (see
 * shared/domain/duplicate-confidence.ts), one page of them with their rows. Groups that found
 * the same customers for several reasons become one, carrying every reason as a signal. Pairs
 * the user dismissed are left out: a group keeps only customers with a pair not dismissed.
 */
export async function findDuplicateGroups(db: Db, page: { offset: number; limit: number }): Promise<Page> {
  const stamp = await writeStamp(db);
  const cached = rankedCache.get(db);
  const scored = cached && cached.stamp === stamp ? cached.groups : await rankGroups(db);
  if (!cached || cached.stamp !== stamp) rankedCache.set(db, { stamp, groups: scored });

  const slice = scored.slice(page.offset, page.offset + page.limit);
  const rows = await rowsByIds(db, [...new Set(slice.flatMap((g) => g.ids))]);
  return {
    total: scored.length,
    groups: slice.map((g) => ({
      id: g.id,
      reason: g.reason,
      key: g.key,
      score: g.score,
      confidence: g.confidence,
      signals: g.signals,
      customers: g.ids.flatMap((id) => {
        const row = rows.get(id);
        return row ? [row] : [];
      }),
    })),
  };
}

/** Every unordered pair among the ids, ordered within (a < b), once. */
function pairsOf(ids: string[]): Array<[string, string]> {
  const unique = [...new Set(ids)].sort();
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i < unique.length; i++) for (let j = i + 1; j < unique.length; j++) pairs.push([unique[i]!, unique[j]!]);
  return pairs;
}

/** "Not a duplicate": remembers every pair among these customers; returns how many pairs were new. */
export async function dismissDuplicates(trx: Tx, ids: string[], now: number): Promise<number> {
  const unique = [...new Set(ids)];
  if (unique.length < 2) return 0;
  const found = new Set((await trx.selectFrom('customers').select('id').where('id', 'in', unique).execute()).map((r) => r.id));
  const missing = unique.find((id) => !found.has(id));
  if (missing !== undefined) fail('notFound', 'errors.customerNotFound', { id: missing });
  let added = 0;
  for (const [a, b] of pairsOf(unique)) {
    const res = await trx.insertInto('duplicate_dismissals').values({ customer_a: a, customer_b: b, created_at: now }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
    added += Number(res.numInsertedOrUpdatedRows ?? 0);
  }
  return added;
}

/** Undo of dismissDuplicates: forgets the pairs among these customers; returns how many there were. */
export async function restoreDuplicates(trx: Tx, ids: string[]): Promise<number> {
  let removed = 0;
  for (const [a, b] of pairsOf(ids)) {
    const res = await trx.deleteFrom('duplicate_dismissals').where('customer_a', '=', a).where('customer_b', '=', b).executeTakeFirst();
    removed += Number(res.numDeletedRows);
  }
  return removed;
}
