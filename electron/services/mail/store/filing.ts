import type { DbOrTx } from '../../../../db/database.ts';
import { UNFILED_SPECIAL_USES, type FilingMatch } from '../../../../shared/domain/mail-enums.ts';
import { filingDomains } from '../../../../shared/domain/mail-filing.ts';
import { idChunks } from '../../core/id-chunks.ts';
import { ownAddressesOf } from '../sync/imap-connection.ts';
import {
  companyDomainsOf,
  contactEmailsOf,
  contactsWithEmails,
  correspondentAddresses,
  customersAtDomains,
  deleteFilingLink,
  filingLinksOf,
  insertFilingLinks,
  messagesAtDomainsOrBelow,
  messagesFiledUnder,
  messagesToFile,
  messagesWithAddresses,
  updateFilingLink,
  type FilingLink,
  type MessageToFile,
} from './filing.queries.ts';


/**
 * Automatic filing: which customers' folders a message belongs in.
 *
 * Every correspondent address of a message (all addresses except the account's own, in any
 * role but `sender`) is matched first against contacts' email channels; an address without a
 * contact match is matched by its domain (and parent domains) against customers' company
 * domains, never for free-mail domains. A message can be filed under several customers.
 * Drafts and Junk are never filed. Links the user made by hand (`manual`) are never touched.
 *
 * The link rows feed customers.last_contacted_at through triggers (migration 0002), so every
 * writer of links — sync, import, refiling after a contact edit — keeps it right for free.
 */

const CHUNK = 400;

interface WantedLink {
  customer_id: string;
  contact_id: string | null;
  match: FilingMatch;
  address: string;
}

interface Correspondent {
  address: string;
  domain: string;
}

/** Who can be matched for a chunk of messages: contacts by email address, customers by company domain. */
interface Matches {
  contacts: Map<string, Array<{ customer_id: string; contact_id: string }>>;
  domains: Map<string, string[]>;
}

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}


/** (Re)computes the automatic links of these messages. Returns how many links were added or removed. */
export async function fileMessages(db: DbOrTx, messageIds: readonly string[]): Promise<number> {
  let changed = 0;
  for (const ids of chunks([...new Set(messageIds)])) {
    const messages = await messagesToFile(db, ids);
    if (messages.length === 0) continue;
    const byMessage = correspondentsByMessage(messages, await correspondentAddresses(db, ids));
    const matches = await loadMatches(db, byMessage);
    const existing = await filingLinksOf(db, ids);
    for (const m of messages) {
      const wanted = m.special_use && UNFILED_SPECIAL_USES.has(m.special_use) ? new Map<string, WantedLink>() : wantedLinks(byMessage.get(m.id) ?? [], matches);
      changed += await applyLinks(db, m, wanted, existing.filter((e) => e.message_id === m.id));
    }
  }
  return changed;
}

/** Each message's correspondents: its addresses except the account's own, each once, in header order. */
function correspondentsByMessage(
  messages: readonly MessageToFile[],
  addresses: ReadonlyArray<{ message_id: string; address: string; domain: string }>,
): Map<string, Correspondent[]> {
  const ownByAccount = new Map<string, Set<string>>();
  const byMessage = new Map<string, Correspondent[]>();
  const messageById = new Map(messages.map((m) => [m.id, m]));
  for (const a of addresses) {
    const m = messageById.get(a.message_id);
    if (!m) continue;
    let own = ownByAccount.get(m.account_id);
    if (!own) ownByAccount.set(m.account_id, (own = ownAddressesOf(m)));
    if (own.has(a.address)) continue;
    const list = byMessage.get(a.message_id) ?? [];
    if (!list.some((x) => x.address === a.address)) list.push({ address: a.address, domain: a.domain });
    byMessage.set(a.message_id, list);
  }
  return byMessage;
}

/** The contacts of every correspondent address, and the customers of the domains of addresses no contact has. */
async function loadMatches(db: DbOrTx, byMessage: ReadonlyMap<string, Correspondent[]>): Promise<Matches> {
  const allAddresses = [...new Set([...byMessage.values()].flat().map((a) => a.address))];
  const contacts: Matches['contacts'] = new Map();
  for (const part of chunks(allAddresses)) {
    for (const r of await contactsWithEmails(db, part)) {
      const list = contacts.get(r.address) ?? [];
      if (!list.some((x) => x.customer_id === r.customer_id)) list.push({ customer_id: r.customer_id, contact_id: r.contact_id });
      contacts.set(r.address, list);
    }
  }

  const domainsNeeded = new Set<string>();
  for (const list of byMessage.values()) {
    for (const a of list) if (!contacts.has(a.address)) for (const d of filingDomains(a.domain)) domainsNeeded.add(d);
  }
  const domains: Matches['domains'] = new Map();
  for (const part of chunks([...domainsNeeded])) {
    for (const r of await customersAtDomains(db, part)) domains.set(r.domain, [...(domains.get(r.domain) ?? []), r.customer_id]);
  }
  return { contacts, domains };
}

/** The matching rules: the customers a message's correspondents lead to, by contact first, else by domain. */
function wantedLinks(correspondents: readonly Correspondent[], matches: Matches): Map<string, WantedLink> {
  const wanted = new Map<string, WantedLink>();
  for (const a of correspondents) {
    const contacts = matches.contacts.get(a.address);
    if (contacts) {
      for (const c of contacts) {
        const prev = wanted.get(c.customer_id);
        if (!prev || prev.match === 'domain') wanted.set(c.customer_id, { customer_id: c.customer_id, contact_id: c.contact_id, match: 'contact', address: a.address });
      }
      continue;
    }
    // The most specific domain that names a customer wins: eu.acme.com before acme.com.
    for (const d of filingDomains(a.domain)) {
      const customers = matches.domains.get(d);
      if (!customers) continue;
      for (const customerId of customers) {
        if (!wanted.has(customerId)) wanted.set(customerId, { customer_id: customerId, contact_id: null, match: 'domain', address: a.address });
      }
      break;
    }
  }
  return wanted;
}

/**
 * Brings a message's automatic links to what is wanted: deletes, updates and inserts, never
 * touching a manual link. Returns how many links were added or removed.
 */
async function applyLinks(db: DbOrTx, m: MessageToFile, wanted: Map<string, WantedLink>, existing: readonly FilingLink[]): Promise<number> {
  let changed = 0;
  for (const e of existing) {
    if (e.match === 'manual') {
      wanted.delete(e.customer_id);
      continue;
    }
    const w = wanted.get(e.customer_id);
    if (!w) {
      await deleteFilingLink(db, e);
      changed++;
    } else {
      if (w.contact_id !== e.contact_id || w.match !== e.match || w.address !== e.address) await updateFilingLink(db, { message_id: m.id, ...w });
      wanted.delete(e.customer_id);
    }
  }
  const toInsert = [...wanted.values()];
  await insertFilingLinks(
    db,
    toInsert.map((w) => ({ message_id: m.id, ...w, date_at: m.date_at, direction: m.direction })),
  );
  return changed + toInsert.length;
}

/**
 * Refiles the mail of these addresses, e.g. right after an email is added to a contact, so
 * that address's past mail appears in the customer's folder at once.
 */
export async function refileAddresses(db: DbOrTx, addresses: readonly string[]): Promise<number> {
  const normalized = [...new Set(addresses.map((a) => a.trim().toLowerCase()).filter(Boolean))];
  const ids = new Set<string>();
  for (const part of chunks(normalized)) for (const id of await messagesWithAddresses(db, part)) ids.add(id);
  return fileMessages(db, [...ids]);
}

/** Messages with a correspondent at one of these domains or below them (acme.com also finds eu.acme.com). */
async function messagesAtDomains(db: DbOrTx, domains: readonly string[]): Promise<Set<string>> {
  // Only plain host names: they become LIKE patterns.
  const normalized = [...new Set(domains.map((d) => d.trim().toLowerCase()).filter((d) => /^[a-z0-9.-]+$/.test(d)))];
  const ids = new Set<string>();
  for (const part of chunks(normalized, 50)) for (const id of await messagesAtDomainsOrBelow(db, part)) ids.add(id);
  return ids;
}

/** Refiles mail at these domains (after a customer's website or company domains change). */
export async function refileDomains(db: DbOrTx, domains: readonly string[]): Promise<number> {
  return fileMessages(db, [...(await messagesAtDomains(db, domains))]);
}

/**
 * Refiles everything that concerns these customers: mail already filed under them and mail
 * to or from their contacts' addresses and company domains. Call it in the same transaction
 * after a merge, a soft delete or restore, or an edit of contacts or website.
 */
export async function refileCustomers(db: DbOrTx, customerIds: readonly string[]): Promise<number> {
  const messageIds = new Set<string>();
  const emails: string[] = [];
  const domains: string[] = [];
  // Bulk calls pass up to 100,000 customers: more than SQLite binds in one statement.
  for (const ids of idChunks(customerIds)) {
    for (const id of await messagesFiledUnder(db, ids)) messageIds.add(id);
    for (const e of await contactEmailsOf(db, ids)) emails.push(e);
    for (const d of await companyDomainsOf(db, ids)) domains.push(d);
  }
  if (messageIds.size === 0 && emails.length === 0 && domains.length === 0) return 0;
  for (const part of chunks([...new Set(emails)])) for (const id of await messagesWithAddresses(db, part)) messageIds.add(id);
  for (const id of await messagesAtDomains(db, domains)) messageIds.add(id);
  return fileMessages(db, [...messageIds]);
}
