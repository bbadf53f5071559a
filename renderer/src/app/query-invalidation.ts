import type { QueryClient } from '@tanstack/react-query';
import type { EventPayload } from '../../../shared/contract/contract.ts';

type Entity = EventPayload<'data.changed'>['entities'][number];

/**
 * Which contract areas (the part of a query key before the dot) show data of each entity.
 * Customers carry counts and derived values (owner and tag counts, reminders), so a customer
 * change refreshes those areas too.
 */
// Today gathers the reminders of customers, activities, mail, quotes, samples, tasks and
// payments (and reads Settings for the reply wait), so each of those refreshes it.
export const AREAS_BY_ENTITY: Record<Exclude<Entity, 'all'>, readonly string[]> = {
  // New leads are mail filed under no customer: customers and contacts (re)file mail.
  customers: ['customers', 'reminders', 'owners', 'tags', 'regions', 'mail', 'search', 'leads', 'reports', 'payments', 'scores', 'today'],
  contacts: ['customers', 'contacts', 'mail', 'search', 'leads'],
  activities: ['activities', 'customers', 'reminders', 'today'],
  owners: ['owners', 'customers', 'reminders', 'reports'],
  regions: ['regions'],
  tags: ['tags', 'customers'],
  customFields: ['customFields', 'customers'],
  // The backup list lives in the backup folder setting.
  settings: ['settings', 'reminders', 'backups', 'payments', 'today'],
  backups: ['backups', 'settings'],
  mailAccounts: ['mail'],
  mailFolders: ['mail'],
  // Leads and "waiting for our reply" are derived from mail; a customer's timeline
  // (customers.timeline) shows its mail, read state included.
  mailMessages: ['mail', 'search', 'leads', 'reminders', 'customers', 'today'],
  // The outbox, batches and templates are read through mail.* calls; a mail sending a quote marks it sent.
  mailOutbox: ['mail', 'quotes'],
  mailTemplates: ['mail'],
  // An import adds (or its undo removes) mail filed to customers, and its own history.
  imports: ['imports', 'mail', 'search', 'leads', 'reminders', 'customers', 'today'],
  // A quote's or shipment's product names and stock; the folder's Quotes and Samples tabs.
  // Categories count their products (productCategories.list).
  products: ['products', 'productCategories', 'quotes', 'samples', 'reports'],
  // Quotes show on the customer folder, in its timeline, in reminders and in search.
  quotes: ['quotes', 'customers', 'reminders', 'search', 'products', 'reports', 'payments', 'today'],
  // Shipments move stock (products) and show on the folder, in reminders and in search.
  samples: ['samples', 'products', 'customers', 'reminders', 'search', 'reports', 'today'],
  // Tasks show in Today, on the customer folder and its timeline (a done task is a contact,
  // whose entry's words search finds).
  tasks: ['tasks', 'customers', 'reminders', 'activities', 'search', 'today'],
  // Expected payments and letters of credit hang on accepted quotes and show in Today.
  payments: ['payments', 'quotes', 'customers', 'reminders', 'today'],
};

export function areasFor(entities: readonly Entity[]): Set<string> | 'all' {
  if (entities.includes('all')) return 'all';
  const areas = new Set<string>();
  for (const entity of entities) {
    if (entity === 'all') continue;
    for (const area of AREAS_BY_ENTITY[entity]) areas.add(area);
  }
  return areas;
}

export function invalidateForChange(client: QueryClient, payload: EventPayload<'data.changed'>): Promise<void> {
  const areas = areasFor(payload.entities);
  if (areas === 'all') return client.invalidateQueries();
  return client.invalidateQueries({
    predicate: (query) => {
      const key = query.queryKey[0];
      return typeof key === 'string' && areas.has(key.split('.')[0] ?? '');
    },
  });
}
