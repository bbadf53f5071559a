import type { DbOrTx } from '../../../db/database.ts';
import { sql } from 'kysely';
import type { Lead } from '../../../shared/contract/search.contract.ts';
import { emailDomain, FREE_MAIL_DOMAINS, isFreeMailDomain } from '../../../shared/domain/free-mail-domains.ts';
import { ownAddressesOf } from '../mail/sync/imap-connection.ts';

/**
 * New leads: the correspondents of mail filed under no customer. A lead is keyed by company
 * domain, or by address for free-mail senders (a gmail.com "group" would lump strangers
 * together). Our own addresses and our own company domains are never leads, nor is mail in
 * Drafts or Junk (never filed either), nor a key or address the user dismissed, nor mail no
 * person wrote — newsletters, lists, bulk, auto-generated and no-reply mail (mail_messages.automated,
 * shared/domain/automated-mail.ts): a stranger's weekly deals are not a buyer's inquiry.
 *
 * The list looks at unfiled mail since a date (by default the last 90 days): grouping costs
 * time per unfiled message, and at 100k messages with 40k unfiled ones all of it took 0.3–0.6 s
 * per page against ~30 ms for 90 days (test/bench/RESULTS.md, "search"). Acting on a lead
 * always takes all its mail, whatever the window.
 *
 * Messages come through the partial index mail_messages_unfiled (filed = 0, kept by triggers),
 * never by a scan of all mail. The conditions below are literal SQL on purpose: SQLite only
 * uses a partial index when the query repeats its WHERE term, and a bound parameter does not.
 */

const SAMPLES_PER_LEAD = 3;

/** What the lead queries leave out, and from when they look. */
export interface LeadScope {
  /** Our own addresses and dismissed addresses. */
  addresses: string[];
  /** Our own company domains (not free-mail ones: a qq.com account must not hide qq.com leads) and dismissed domains. */
  domains: string[];
  /** Only mail dated from here (epoch ms); 0 = all mail. */
  since: number;
}

/**
 * Reads our own addresses (accounts and aliases) and the dismissals. Both lists are short, so
 * they go into the query as NOT IN lists rather than as a lookup per address row.
 */
export async function loadLeadScope(db: DbOrTx, since = 0): Promise<LeadScope> {
  const accounts = await db.selectFrom('mail_accounts').select(['email', 'aliases']).execute();
  const addresses = new Set<string>();
  for (const a of accounts) for (const own of ownAddressesOf(a)) addresses.add(own);
  const domains = new Set<string>();
  for (const a of addresses) {
    const d = emailDomain(a);
    if (d && !isFreeMailDomain(d)) domains.add(d);
  }
  for (const { key } of await db.selectFrom('lead_dismissals').select('key').execute()) {
    if (key.includes('@')) addresses.add(key);
    else domains.add(key);
  }
  return { addresses: [...addresses], domains: [...domains], since };
}

/** The lead key of an address: its address at a free-mail domain, else its domain. */
export function leadKeyOf(address: string, domain: string): string {
  return isFreeMailDomain(domain) ? address : domain;
}

const FREE_DOMAINS = [...FREE_MAIL_DOMAINS];
const keyExpr = sql<string>`CASE WHEN a.domain IN (${sql.join(FREE_DOMAINS)}) THEN a.address ELSE a.domain END`;

/** Every correspondent address of unfiled mail, one row per (message, address role). */
function leadAddresses(db: DbOrTx, scope: LeadScope) {
  let q = db
    .selectFrom('mail_messages as m')
    .innerJoin('mail_folders as f', 'f.id', 'm.folder_id')
    .innerJoin('mail_message_addresses as a', 'a.message_id', 'm.id')
    .where(sql<boolean>`m.filed = 0`)
    .where(sql<boolean>`m.automated IS NULL`)
    .where(sql<boolean>`ifnull(f.special_use, '') NOT IN ('drafts', 'junk')`)
    .where('a.role', '!=', 'sender');
  if (scope.since > 0) q = q.where('m.date_at', '>=', scope.since);
  if (scope.addresses.length > 0) q = q.where('a.address', 'not in', scope.addresses);
  if (scope.domains.length > 0) q = q.where('a.domain', 'not in', scope.domains);
  return q;
}

/** One page of lead groups, most recent mail first, with the number of groups; exported for EXPLAIN. */
export function leadGroupsQuery(db: DbOrTx, scope: LeadScope, offset: number, limit: number) {
  return leadAddresses(db, scope)
    .select([
      keyExpr.as('lead_key'),
      sql<string>`max(a.domain)`.as('domain'),
      sql<number>`count(DISTINCT m.rid)`.as('messages'),
      sql<number>`max(m.date_at)`.as('last_at'),
      sql<number>`count(*) OVER ()`.as('total'),
    ])
    .groupBy(sql`lead_key`)
    .orderBy(sql`last_at`, 'desc')
    .orderBy(sql`lead_key`)
    .limit(limit)
    .offset(offset);
}

/** Rows of unfiled mail for these lead keys only, through the address and domain indexes; exported for EXPLAIN. */
export function leadRowsFor(db: DbOrTx, scope: LeadScope, keys: readonly string[]) {
  const addressKeys = keys.filter((k) => k.includes('@'));
  const domainKeys = keys.filter((k) => !k.includes('@'));
  return leadAddresses(db, scope).where((eb) =>
    eb.or([
      ...(domainKeys.length > 0 ? [eb('a.domain', 'in', domainKeys)] : []),
      ...(addressKeys.length > 0 ? [eb('a.address', 'in', addressKeys)] : []),
    ]),
  );
}

/** The addresses of these leads with their names and message counts, busiest first. */
async function addressesOf(db: DbOrTx, scope: LeadScope, keys: readonly string[]): Promise<Map<string, Lead['addresses']>> {
  const rows = await leadRowsFor(db, scope, keys)
    .select(['a.address', 'a.domain', sql<string | null>`max(a.name)`.as('name'), sql<number>`count(DISTINCT m.rid)`.as('messages')])
    .groupBy('a.address')
    .orderBy(sql`messages`, 'desc')
    .orderBy('a.address')
    .execute();
  const out = new Map<string, Lead['addresses']>();
  for (const r of rows) {
    const key = leadKeyOf(r.address, r.domain);
    // An address key of a free-mail lead is exact; an address at a domain key belongs to it.
    if (!keys.includes(key)) continue;
    out.set(key, [...(out.get(key) ?? []), { address: r.address, name: r.name || null, messages: Number(r.messages) }]);
  }
  return out;
}

async function samplesOf(db: DbOrTx, scope: LeadScope, keys: readonly string[]): Promise<Map<string, Lead['samples']>> {
  const perMessage = leadRowsFor(db, scope, keys)
    .select([keyExpr.as('lead_key'), 'm.id', 'm.subject', 'm.date_at', 'm.direction'])
    .select(sql<number>`row_number() OVER (PARTITION BY ${keyExpr} ORDER BY m.date_at DESC, m.rid DESC)`.as('n'))
    .groupBy([sql`lead_key`, 'm.rid']);
  const rows = await db
    .selectFrom(perMessage.as('s'))
    .selectAll()
    .where('s.n', '<=', SAMPLES_PER_LEAD)
    .execute();
  const out = new Map<string, Lead['samples']>();
  for (const r of rows) {
    if (!keys.includes(r.lead_key)) continue;
    out.set(r.lead_key, [...(out.get(r.lead_key) ?? []), { id: r.id, subject: r.subject, dateAt: r.date_at, direction: r.direction }]);
  }
  for (const list of out.values()) list.sort((a, b) => b.dateAt - a.dateAt);
  return out;
}

/** One page of leads with their addresses and newest subjects, counting mail since `since` (0 = all). */
export async function listLeads(db: DbOrTx, q: { offset: number; limit: number; since: number }): Promise<{ total: number; rows: Lead[] }> {
  const { offset, limit } = q;
  const scope = await loadLeadScope(db, q.since);
  const groups = await leadGroupsQuery(db, scope, offset, limit).execute();
  if (groups.length === 0) return { total: offset > 0 ? await countLeads(db, scope) : 0, rows: [] };
  const keys = groups.map((g) => g.lead_key);
  const [addresses, samples] = await Promise.all([addressesOf(db, scope, keys), samplesOf(db, scope, keys)]);
  return {
    total: Number(groups[0]!.total),
    rows: groups.map((g) => ({
      key: g.lead_key,
      kind: g.lead_key.includes('@') ? ('address' as const) : ('domain' as const),
      domain: g.domain,
      messages: Number(g.messages),
      lastAt: g.last_at,
      addresses: addresses.get(g.lead_key) ?? [],
      samples: samples.get(g.lead_key) ?? [],
    })),
  };
}

async function countLeads(db: DbOrTx, scope: LeadScope): Promise<number> {
  const row = await db
    .selectFrom(leadAddresses(db, scope).select(keyExpr.as('lead_key')).groupBy(sql`lead_key`).as('g'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The current addresses of one lead in all its mail (empty when it is no lead any more). */
export async function leadAddressesOf(db: DbOrTx, key: string): Promise<Lead['addresses']> {
  const scope = await loadLeadScope(db);
  return (await addressesOf(db, scope, [key])).get(key) ?? [];
}

/** Remembers a dismissed lead key; dismissing twice is a no-op. */
export async function dismissLead(db: DbOrTx, key: string, now: number): Promise<void> {
  await db.insertInto('lead_dismissals').values({ key, created_at: now }).onConflict((oc) => oc.doNothing()).execute();
}

export async function restoreLead(db: DbOrTx, key: string): Promise<void> {
  await db.deleteFrom('lead_dismissals').where('key', '=', key).execute();
}
