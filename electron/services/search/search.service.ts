import { CustomerQuery } from '../../../shared/contract/customers.contract.ts';
import type { SearchResult } from '../../../shared/contract/search.contract.ts';
import { queryTerms, toFtsQuery } from '../../../shared/domain/search-text.ts';
import { listCustomers } from '../customers/customer-list.query.ts';
import type { Handlers } from '../core/dispatcher.ts';
import type { ServiceDeps } from '../core/service-deps.ts';
import { activityHits } from './activity-hits.ts';
import { contactHits } from './contact-hits.ts';
import { searchMailIds } from './mail-search.query.ts';
import { messageHits } from './message-hits.ts';
import { quoteHits, shipmentHits } from './deal-hits.ts';

const EMPTY: SearchResult = {
  customers: { total: 0, rows: [] },
  contacts: { rows: [], more: false },
  messages: { total: 0, rows: [] },
  activities: { rows: [], more: false },
  quotes: { rows: [], more: false },
  samples: { rows: [], more: false },
};

/**
 * The one search box: customers (the customer list's own search, so both find the same: names,
 * contacts, notes, custom fields and activities), their contacts, their activities, mail, quotes
 * (number, PI number, products) and sample shipments (tracking number).
 * Mail is indexed by message-writer.ts with toSearchText(), so Chinese two-character words
 * match through character pairs and Latin words by prefix.
 */
export function createSearchService(deps: Pick<ServiceDeps, 'db' | 'clock'>): { handlers: Pick<Handlers, 'search.all'> } {
  const { db, clock } = deps;
  return {
    handlers: {
      'search.all': async ({ query, limit }) => {
        const fts = toFtsQuery(query);
        if (!fts) return EMPTY;
        const terms = queryTerms(query);
        // One connection serialises these anyway; sequential keeps the order of work plain.
        const customers = await listCustomers(db, CustomerQuery.parse({ search: query, limit }), clock.now());
        const contacts = await contactHits(db, fts, terms, limit);
        const activities = await activityHits(db, fts, terms, limit);
        const mail = await searchMailIds(db, fts, limit);
        const quotes = await quoteHits(db, query, limit);
        const samples = await shipmentHits(db, query, limit);
        return { customers, contacts, messages: { total: mail.total, rows: await messageHits(db, mail.ids, terms) }, activities, quotes, samples };
      },
    },
  };
}
