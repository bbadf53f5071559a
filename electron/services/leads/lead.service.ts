import type { Tx } from '../../../db/database.ts';
import type { ParsedInput } from '../../../shared/contract/contract.ts';
import { ContactInput } from '../../../shared/contract/customers.contract.ts';
import { fail } from '../../../shared/contract/result.ts';
import type { Lead } from '../../../shared/contract/search.contract.ts';
import { reindexCustomers } from '../customers/customer-index.queries.ts';
import { liveCustomerWebsite, setCustomerWebsite } from '../customers/customer.queries.ts';
import type { CustomerWrites } from '../customers/customer.service.ts';
import type { Handlers } from '../core/dispatcher.ts';
import type { ServiceDeps } from '../core/service-deps.ts';
import { dismissLead, leadAddressesOf, listLeads, restoreLead } from './lead.queries.ts';

type LeadKeys = 'leads.list' | 'leads.createCustomer' | 'leads.attach' | 'leads.dismiss' | 'leads.restore';
const MAX_CONTACT_NAME = 100;
const DAY = 86_400_000;

/** A contact name for an address nobody gave a name: its local part ("anna.schulz"). */
function contactName(address: string, name: string | null): string {
  return (name?.trim() || address.slice(0, address.indexOf('@')) || address).slice(0, MAX_CONTACT_NAME);
}

/** The lead's addresses, or those of them the user picked; fails if the lead is gone or an address is not its. */
async function pickAddresses(trx: Tx, key: string, wanted: readonly string[] | null | undefined): Promise<Lead['addresses']> {
  const current = await leadAddressesOf(trx, key);
  if (current.length === 0) fail('notFound', 'errors.leadNotFound', { key });
  if (!wanted) return current;
  return wanted.map((address, i) => {
    const found = current.find((a) => a.address === address);
    if (!found) {
      fail('validation', 'errors.validation', undefined, [{ path: `addresses.${i}`, message: 'errors.leadAddressNotInLead', params: { address, key } }]);
    }
    return found;
  });
}

/**
 * New leads (issue 4, point 4): list them, turn one into a customer, attach one to a customer,
 * or dismiss it. Customers and contacts are written by the customer service's own writes, whose
 * reindexCustomers refiles the mail, so the lead's mail is in the customer's folder when the
 * transaction commits and the lead is gone from the list.
 */
export function createLeadService(deps: ServiceDeps & { customers: CustomerWrites }): { handlers: Pick<Handlers, LeadKeys> } {
  const { db, clock, emit, customers } = deps;

  /** One contact per address; the first becomes the primary contact of a new customer, never of an existing one. */
  async function addContacts(trx: Tx, customerId: string, contacts: ReadonlyArray<{ address: string; name: string }>, primaryFirst: boolean): Promise<void> {
    for (const [i, c] of contacts.entries()) {
      const input = ContactInput.parse({ customerId, name: c.name, isPrimary: primaryFirst && i === 0, channels: [{ kind: 'email', value: c.address }] });
      await customers.insertContact(trx, input);
    }
  }

  async function attachWebsite(trx: Tx, key: string, customerId: string): Promise<void> {
    if (key.includes('@')) fail('validation', 'errors.leadNotDomain', { key });
    const customer = await liveCustomerWebsite(trx, customerId);
    if (!customer) fail('notFound', 'errors.customerNotFound', { id: customerId });
    if (customer.website) fail('conflict', 'errors.leadWebsiteTaken', { website: customer.website });
    await pickAddresses(trx, key, null);
    await setCustomerWebsite(trx, customerId, key, clock.now());
    // The website becomes a company domain, which files the domain's mail.
    await reindexCustomers(trx, [customerId]);
  }

  const changed = () => emit('data.changed', { entities: ['customers', 'contacts', 'mailMessages'] });

  return {
    handlers: {
      'leads.list': ({ offset, limit, sinceDays }) => listLeads(db, { offset, limit, since: sinceDays === null ? 0 : clock.now() - sinceDays * DAY }),

      'leads.createCustomer': async (input: ParsedInput<'leads.createCustomer'>) => {
        const id = await db.transaction().execute(async (trx) => {
          const named = new Map((input.contacts ?? []).map((c) => [c.address, c.name]));
          const addresses = await pickAddresses(trx, input.key, input.contacts?.map((c) => c.address));
          const customerId = await customers.insertCustomer(trx, input.customer);
          await addContacts(trx, customerId, addresses.map((a) => ({ address: a.address, name: named.get(a.address) ?? contactName(a.address, a.name) })), true);
          return customerId;
        });
        changed();
        return customers.getDetail(id);
      },

      'leads.attach': async ({ key, customerId, mode, addresses }) => {
        await db.transaction().execute(async (trx) => {
          if (mode === 'website') return attachWebsite(trx, key, customerId);
          const picked = await pickAddresses(trx, key, addresses);
          await addContacts(trx, customerId, picked.map((a) => ({ address: a.address, name: contactName(a.address, a.name) })), false);
        });
        changed();
        return customers.getDetail(customerId);
      },

      'leads.dismiss': async ({ key }) => {
        await dismissLead(db, key, clock.now());
        // Leads are a view of mail: the mail entity refreshes them.
        emit('data.changed', { entities: ['mailMessages'] });
        return { key };
      },
      'leads.restore': async ({ key }) => {
        await restoreLead(db, key);
        emit('data.changed', { entities: ['mailMessages'] });
        return { key };
      },
    },
  };
}
