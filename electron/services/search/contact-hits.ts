import type { Db } from '../../../db/database.ts';
import type { ContactHit } from '../../../shared/contract/search.contract.ts';
import { hasHit } from '../../../shared/domain/search-highlight.ts';
import type { QueryTerm } from '../../../shared/domain/search-text.ts';
import { channelsOfContacts, contactsOfMatchingCustomers } from './search-hits.queries.ts';

const MIN_PHONE_TERM = 6;

/**
 * Contacts are indexed inside their customer's full-text row (customer_search), so a contact
 * is found through its customer: the customers matching the query are the candidates, and a
 * contact is listed when its own name, title or a channel contains one of the query's terms.
 * A digit term also matches a phone channel by its digits, as the customer index does.
 */
export async function contactHits(db: Db, fts: string, terms: readonly QueryTerm[], limit: number): Promise<{ rows: ContactHit[]; more: boolean }> {
  const contacts = await contactsOfMatchingCustomers(db, fts);
  if (contacts.length === 0) return { rows: [], more: false };
  const channels = await channelsOfContacts(db, contacts.map((c) => c.id));
  const digitTerms = terms.filter((t) => !t.cjk && /^\d+$/.test(t.text) && t.text.length >= MIN_PHONE_TERM).map((t) => t.text);

  const hits: ContactHit[] = [];
  for (const c of contacts) {
    const own = channels.filter((ch) => ch.contact_id === c.id);
    const phoneHit = own.some((ch) => (ch.kind === 'phone' || ch.kind === 'whatsapp') && digitTerms.some((d) => ch.value.replace(/\D/g, '').includes(d)));
    if (!phoneHit && !hasHit(c.name, terms) && !hasHit(c.title, terms) && !own.some((ch) => hasHit(ch.value, terms))) continue;
    if (hits.length === limit) return { rows: hits, more: true };
    const emailsFirst = [...own.filter((ch) => ch.kind === 'email'), ...own.filter((ch) => ch.kind !== 'email')];
    hits.push({
      id: c.id,
      customerId: c.customer_id,
      name: c.name,
      title: c.title,
      customerName: c.customer_name,
      customerCode: c.customer_code,
      channels: emailsFirst.map((ch) => ch.value),
    });
  }
  return { rows: hits, more: false };
}
