import type { DbOrTx } from '../../../../db/database.ts';
import type { z } from 'zod';
import type { BatchCustomer, mailSendCalls } from '../../../../shared/contract/mail-send.contract.ts';

type Call = (typeof mailSendCalls)['mail.batchRecipients'];

/** Rows per IN (...) list, well under SQLite's bound-parameter limit. */
const CHUNK = 500;

/**
 * `mail.batchRecipients`: who can get a personalised mail among the customers picked in the
 * list — each customer's live contacts, primary first, with their first email (the one
 * mail.sendBatch would use), in one call rather than one `customers.get` per customer.
 */
export function createBatchRecipientHandlers(db: DbOrTx): {
  'mail.batchRecipients': (input: z.output<Call['input']>) => Promise<z.output<Call['output']>>;
} {
  return {
    'mail.batchRecipients': async ({ customerIds }) => {
      const ids = [...new Set(customerIds)];
      const byId = new Map<string, BatchCustomer>();
      for (let i = 0; i < ids.length; i += CHUNK) {
        const part = ids.slice(i, i + CHUNK);
        const customers = await db.selectFrom('customers').select(['id', 'code', 'name']).where('id', 'in', part).where('deleted_at', 'is', null).execute();
        for (const c of customers) byId.set(c.id, { customerId: c.id, code: c.code, name: c.name, contacts: [] });
        const contacts = await db
          .selectFrom('contacts')
          .select(['id', 'customer_id', 'name', 'title', 'is_primary'])
          .where('customer_id', 'in', part)
          .where('deleted_at', 'is', null)
          .orderBy('is_primary', 'desc')
          .orderBy('created_at')
          .orderBy('id')
          .execute();
        const emails = contacts.length
          ? await db
              .selectFrom('contact_channels')
              .select(['contact_id', 'value'])
              .where('contact_id', 'in', contacts.map((c) => c.id))
              .where('kind', '=', 'email')
              .orderBy('sort')
              .execute()
          : [];
        const firstEmail = new Map<string, string>();
        for (const e of emails) if (!firstEmail.has(e.contact_id) && e.value.trim()) firstEmail.set(e.contact_id, e.value.trim());
        for (const c of contacts) {
          byId.get(c.customer_id)?.contacts.push({ id: c.id, name: c.name, title: c.title, email: firstEmail.get(c.id) ?? null, isPrimary: c.is_primary === 1 });
        }
      }
      return ids.flatMap((id) => byId.get(id) ?? []);
    },
  };
}
