import type { BatchCustomer } from '../../../../../shared/contract/mail-send.contract.ts';

/** Pure helpers of the personalised send, for tests. */

/** Who gets the mail by default: the primary contact when they have an email, else the first contact with one. */
export function defaultContactId(contacts: ReadonlyArray<{ id: string; isPrimary: boolean; email: string | null }>): string | null {
  return (contacts.find((c) => c.isPrimary && c.email) ?? contacts.find((c) => c.email) ?? null)?.id ?? null;
}

export interface RecipientPlan {
  /** Contacts to send to, one per customer at most, in the customers' order. */
  contactIds: string[];
  /** Customers left out: no contact with an email address. */
  withoutEmail: BatchCustomer[];
}

/** The contacts of a send from each customer's choice (an explicit choice wins over the default). */
export function planRecipients(customers: readonly BatchCustomer[], choices: ReadonlyMap<string, string>): RecipientPlan {
  const contactIds: string[] = [];
  const withoutEmail: BatchCustomer[] = [];
  for (const customer of customers) {
    const chosen = choices.get(customer.customerId) ?? defaultContactId(customer.contacts);
    const contact = customer.contacts.find((c) => c.id === chosen && c.email);
    if (contact) contactIds.push(contact.id);
    else withoutEmail.push(customer);
  }
  return { contactIds, withoutEmail };
}
