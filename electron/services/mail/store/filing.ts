import type { DbOrTx } from '../../../../db/database.ts';
import type { FilingMatch, MailDirection } from '../../../../shared/domain/mail-enums.ts';
import { UNFILED_SPECIAL_USES } from '../../../../shared/domain/mail-enums.ts';
import { filingDomains } from '../../../../shared/domain/mail-filing.ts';
import { idChunks } from '../../core/id-chunks.ts';
import { ownAddressesOf } from '../sync/imap-connection.ts';


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

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}


/** (Re)computes the automatic links of these messages. Returns how many links were added or removed. */
export async function fileMessages(db: DbOrTx, messageIds: readonly string[]): Promise<number> {
  let changed = 0;
  for (const ids of chunks([...new Set(messageIds)])) {
    const messages = await db
      .selectFrom('mail_messages as m')
      .innerJoin('mail_folders as f', 'f.id', 'm.folder_id')
      .innerJoin('mail_accounts as a', 'a.id', 'm.account_id')
      .select(['m.id', 'm.date_at', 'm.direction', 'f.special_use', 'a.email', 'a.aliases', 'a.id as account_id'])
      .where('m.id', 'in', ids)
      .execute();
    if (messages.length === 0) continue;
    const addresses = await db
      .selectFrom('mail_message_addresses')
      .select(['message_id', 'address', 'domain'])
      .where('message_id', 'in', ids)
      .where('role', '!=', 'sender')
      .orderBy('message_id')
      .orderBy('role')
      .orderBy('position')
      .execute();

    const ownByAccount = new Map<string, Set<string>>();
    const byMessage = new Map<string, Array<{ address: string; domain: string }>>();
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

    const allAddresses = [...new Set([...byMessage.values()].flat().map((a) => a.address))];
    const contactMatches = new Map<string, Array<{ customer_id: string; contact_id: string }>>();
    for (const part of chunks(allAddresses)) {
      const rows = await db
        .selectFrom('contact_channels as ch')
        .innerJoin('contacts as ct', 'ct.id', 'ch.contact_id')
        .innerJoin('customers as c', 'c.id', 'ct.customer_id')
        .select(['ch.value_normalized as address', 'ct.id as contact_id', 'c.id as customer_id'])
        .where('ch.kind', '=', 'email')
        .where('ch.value_normalized', 'in', part)
        .where('ct.deleted_at', 'is', null)
        .where('c.deleted_at', 'is', null)
        .orderBy('ct.created_at')
        .execute();
      for (const r of rows) {
        const list = contactMatches.get(r.address) ?? [];
        if (!list.some((x) => x.customer_id === r.customer_id)) list.push({ customer_id: r.customer_id, contact_id: r.contact_id });
        contactMatches.set(r.address, list);
      }
    }

    const domainsNeeded = new Set<string>();
    for (const list of byMessage.values()) {
      for (const a of list) if (!contactMatches.has(a.address)) for (const d of filingDomains(a.domain)) domainsNeeded.add(d);
    }
    const domainMatches = new Map<string, string[]>();
    for (const part of chunks([...domainsNeeded])) {
      const rows = await db
        .selectFrom('customer_domains as d')
        .innerJoin('customers as c', 'c.id', 'd.customer_id')
        .select(['d.domain', 'c.id as customer_id'])
        .where('d.domain', 'in', part)
        .where('c.deleted_at', 'is', null)
        .execute();
      for (const r of rows) domainMatches.set(r.domain, [...(domainMatches.get(r.domain) ?? []), r.customer_id]);
    }

    const existing = await db
      .selectFrom('mail_message_customers')
      .select(['message_id', 'customer_id', 'contact_id', 'match', 'address'])
      .where('message_id', 'in', ids)
      .execute();

    for (const m of messages) {
      const wanted = new Map<string, WantedLink>();
      if (!(m.special_use && UNFILED_SPECIAL_USES.has(m.special_use))) {
        for (const a of byMessage.get(m.id) ?? []) {
          const contacts = contactMatches.get(a.address);
          if (contacts) {
            for (const c of contacts) {
              const prev = wanted.get(c.customer_id);
              if (!prev || prev.match === 'domain') wanted.set(c.customer_id, { customer_id: c.customer_id, contact_id: c.contact_id, match: 'contact', address: a.address });
            }
            continue;
          }
          // The most specific domain that names a customer wins: eu.acme.com before acme.com.
          for (const d of filingDomains(a.domain)) {
            const customers = domainMatches.get(d);
            if (!customers) continue;
            for (const customerId of customers) {
              if (!wanted.has(customerId)) wanted.set(customerId, { customer_id: customerId, contact_id: null, match: 'domain', address: a.address });
            }
            break;
          }
        }
      }
      const mine = existing.filter((e) => e.message_id === m.id);
      for (const e of mine) {
        if (e.match === 'manual') {
          wanted.delete(e.customer_id);
          continue;
        }
        const w = wanted.get(e.customer_id);
        if (!w) {
          await db.deleteFrom('mail_message_customers').where('message_id', '=', m.id).where('customer_id', '=', e.customer_id).execute();
          changed++;
        } else {
          if (w.contact_id !== e.contact_id || w.match !== e.match || w.address !== e.address) {
            await db
              .updateTable('mail_message_customers')
              .set({ contact_id: w.contact_id, match: w.match, address: w.address })
              .where('message_id', '=', m.id)
              .where('customer_id', '=', e.customer_id)
              .execute();
          }
          wanted.delete(e.customer_id);
        }
      }
      const toInsert = [...wanted.values()];
      if (toInsert.length > 0) {
        await db
          .insertInto('mail_message_customers')
          .values(toInsert.map((w) => ({ message_id: m.id, ...w, date_at: m.date_at, direction: m.direction as MailDirection })))
          .execute();
        changed += toInsert.length;
      }
    }
  }
  return changed;
}

/**
 * Refiles the mail of these addresses, e.g. right after an email is added to a contact, so
 * that address's past mail appears in the customer's folder at once.
 */
export async function refileAddresses(db: DbOrTx, addresses: readonly string[]): Promise<number> {
  const normalized = [...new Set(addresses.map((a) => a.trim().toLowerCase()).filter(Boolean))];
  const ids = new Set<string>();
  for (const part of chunks(normalized)) {
    const rows = await db.selectFrom('mail_message_addresses').select('message_id').distinct().where('address', 'in', part).execute();
    for (const r of rows) ids.add(r.message_id);
  }
  return fileMessages(db, [...ids]);
}

/** Messages with a correspondent at one of these domains or below them (acme.com also finds eu.acme.com). */
async function messagesAtDomains(db: DbOrTx, domains: readonly string[]): Promise<Set<string>> {
  const normalized = [...new Set(domains.map((d) => d.trim().toLowerCase()).filter((d) => /^[a-z0-9.-]+$/.test(d)))];
  const ids = new Set<string>();
  for (const part of chunks(normalized, 50)) {
    const rows = await db
      .selectFrom('mail_message_addresses')
      .select('message_id')
      .distinct()
      .where((eb) => eb.or([eb('domain', 'in', part), ...part.map((d) => eb('domain', 'like', `%.${d}`))]))
      .execute();
    for (const r of rows) ids.add(r.message_id);
  }
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
    const filed = await db.selectFrom('mail_message_customers').select('message_id').where('customer_id', 'in', ids).execute();
    for (const f of filed) messageIds.add(f.message_id);
    const channels = await db
      .selectFrom('contact_channels as ch')
      .innerJoin('contacts as ct', 'ct.id', 'ch.contact_id')
      .select('ch.value_normalized as address')
      .where('ct.customer_id', 'in', ids)
      .where('ch.kind', '=', 'email')
      .execute();
    for (const c of channels) emails.push(c.address);
    for (const d of await db.selectFrom('customer_domains').select('domain').where('customer_id', 'in', ids).execute()) domains.push(d.domain);
  }
  if (messageIds.size === 0 && emails.length === 0 && domains.length === 0) return 0;
  for (const part of chunks([...new Set(emails)])) {
    const rows = await db.selectFrom('mail_message_addresses').select('message_id').distinct().where('address', 'in', part).execute();
    for (const r of rows) messageIds.add(r.message_id);
  }
  for (const id of await messagesAtDomains(db, domains)) messageIds.add(id);
  return fileMessages(db, [...messageIds]);
}
