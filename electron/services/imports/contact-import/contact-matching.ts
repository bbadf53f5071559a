import type { z } from 'zod';
import type { DbOrTx } from '../../../../db/database.ts';
import type { ContactMatch } from '../../../../shared/contract/imports.contract.ts';
import { companyDomains } from '../../../../shared/domain/free-mail-domains.ts';
import { normalizeCompanyName } from '../../../../shared/domain/name-similarity.ts';
import { normalizeChannel } from '../../customers/contact.queries.ts';
import type { ParsedContact } from '../contacts/contact-row.ts';
import { contactsByEmail, customersByDomain, customersByNameKey } from './contact-import.queries.ts';

export type Match = z.infer<typeof ContactMatch>;

/** What a row is matched by: its emails as channel matching stores them, its company domains, its normalised company names. */
export interface MatchKeys {
  emails: string[];
  domains: string[];
  names: string[];
}

export function matchKeys(contact: ParsedContact): MatchKeys {
  const emails = contact.contact.channels.filter((c) => c.kind === 'email').map((c) => normalizeChannel('email', c.value));
  const names = [contact.company.name, contact.company.localName].filter((n): n is string => !!n).map(normalizeCompanyName).filter((k) => k.length > 0);
  return { emails, domains: companyDomains(contact.company.website, emails), names: [...new Set(names)] };
}

/**
 * Each row's match among live customers: a contact with one of its emails first (the surest),
 * then a customer at one of its company domains (never a free-mail one: companyDomains leaves
 * those out), then a customer with the same normalised name (normalizeCompanyName, as duplicate
 * detection compares). Three statements for the whole chunk; the oldest customer wins a tie.
 */
export async function matchRows(db: DbOrTx, keys: readonly MatchKeys[]): Promise<Array<Match | null>> {
  const all = (pick: (k: MatchKeys) => string[]) => [...new Set(keys.flatMap(pick))];
  const [byEmail, byDomain, byName] = await Promise.all([contactsByEmail(db, all((k) => k.emails)), customersByDomain(db, all((k) => k.domains)), customersByNameKey(db, all((k) => k.names))]);
  const email = new Map<string, (typeof byEmail)[number]>();
  for (const r of byEmail) if (!email.has(r.email)) email.set(r.email, r);
  const domain = new Map<string, (typeof byDomain)[number]>();
  for (const r of byDomain) if (!domain.has(r.domain)) domain.set(r.domain, r);
  const name = new Map<string, (typeof byName)[number]>();
  for (const r of byName) if (!name.has(r.nameKey)) name.set(r.nameKey, r);
  return keys.map((k) => {
    for (const e of k.emails) {
      const m = email.get(e);
      if (m) return { by: 'email', value: e, customerId: m.customerId, customerCode: m.code, customerName: m.name, contactId: m.contactId, contactName: m.contactName };
    }
    for (const d of k.domains) {
      const m = domain.get(d);
      if (m) return { by: 'domain', value: d, customerId: m.customerId, customerCode: m.code, customerName: m.name, contactId: null, contactName: null };
    }
    for (const n of k.names) {
      const m = name.get(n);
      if (m) return { by: 'name', value: n, customerId: m.customerId, customerCode: m.code, customerName: m.name, contactId: null, contactName: null };
    }
    return null;
  });
}

/** Customers and contacts made earlier in the same chunk, found by the same keys (the database sees them only once the chunk is written). */
export class ChunkRegistry {
  private readonly emails = new Map<string, { customerId: string; contactId: string; contactName: string }>();
  private readonly domains = new Map<string, string>();
  private readonly names = new Map<string, string>();
  private readonly customers = new Map<string, { code: string; name: string }>();

  addCustomer(id: string, code: string, name: string, keys: MatchKeys): void {
    this.customers.set(id, { code, name });
    for (const d of keys.domains) if (!this.domains.has(d)) this.domains.set(d, id);
    for (const n of keys.names) if (!this.names.has(n)) this.names.set(n, id);
  }

  addContact(customerId: string, contactId: string, contactName: string, emails: readonly string[]): void {
    for (const e of emails) if (!this.emails.has(e)) this.emails.set(e, { customerId, contactId, contactName });
  }

  /** A customer known to the registry (made in this chunk, or matched in the database). */
  knows(customerId: string, code: string, name: string): void {
    if (!this.customers.has(customerId)) this.customers.set(customerId, { code, name });
  }

  match(k: MatchKeys): Match | null {
    const customer = (id: string) => this.customers.get(id) ?? { code: '', name: '' };
    for (const e of k.emails) {
      const m = this.emails.get(e);
      if (m) return { by: 'email', value: e, customerId: m.customerId, customerCode: customer(m.customerId).code, customerName: customer(m.customerId).name, contactId: m.contactId, contactName: m.contactName };
    }
    for (const d of k.domains) {
      const id = this.domains.get(d);
      if (id) return { by: 'domain', value: d, customerId: id, customerCode: customer(id).code, customerName: customer(id).name, contactId: null, contactName: null };
    }
    for (const n of k.names) {
      const id = this.names.get(n);
      if (id) return { by: 'name', value: n, customerId: id, customerCode: customer(id).code, customerName: customer(id).name, contactId: null, contactName: null };
    }
    return null;
  }
}
