import type { Db } from '../../../../db/database.ts';
import type { MessageRow } from '../../../../shared/contract/mail.contract.ts';
import { liveCustomer } from '../../customers/live-customer.queries.ts';

/** The live customers each message is filed under, by message id. */
async function messageCustomers(db: Db, ids: readonly string[]): Promise<Map<string, MessageRow['customers']>> {
  const out = new Map<string, MessageRow['customers']>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('mail_message_customers as l')
    .innerJoin('customers as c', 'c.id', 'l.customer_id')
    .select(['l.message_id', 'c.id', 'c.name', 'c.code', 'l.match'])
    .where('l.message_id', 'in', [...ids])
    .where(liveCustomer)
    .orderBy('c.name')
    .execute();
  for (const r of rows) out.set(r.message_id, [...(out.get(r.message_id) ?? []), { id: r.id, name: r.name, code: r.code, match: r.match }]);
  return out;
}

/**
 * Message rows of these ids, in the given order: what every message list shows (the mail
 * screen, a customer's timeline, search results).
 */
export async function messageRows(db: Db, ids: readonly string[]): Promise<MessageRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('mail_messages as m')
    .select(['m.id', 'm.account_id', 'm.folder_id', 'm.thread_id', 'm.subject', 'm.from_name', 'm.from_address', 'm.snippet', 'm.date_at', 'm.direction', 'm.seen', 'm.flagged', 'm.has_attachments', 'm.parse_status'])
    .where('m.id', 'in', [...ids])
    .execute();
  const customers = await messageCustomers(db, ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        id: r.id,
        accountId: r.account_id,
        folderId: r.folder_id,
        threadId: r.thread_id,
        subject: r.subject,
        from: r.from_address ? { name: r.from_name, address: r.from_address } : null,
        snippet: r.snippet,
        dateAt: r.date_at,
        direction: r.direction,
        seen: r.seen === 1,
        flagged: r.flagged === 1,
        hasAttachments: r.has_attachments === 1,
        parseStatus: r.parse_status,
        customers: customers.get(r.id) ?? [],
      },
    ];
  });
}
