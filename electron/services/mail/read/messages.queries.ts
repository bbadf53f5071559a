import type { Db } from '../../../../db/database.ts';
import type { MessageQuery } from '../../../../shared/contract/mail.contract.ts';
import type { z } from 'zod';

/** One page of message ids, newest first, and how many match. */
export async function messagePage(db: Db, q: z.output<typeof MessageQuery>): Promise<{ total: number; ids: string[] }> {
  let base = db.selectFrom('mail_messages as m');
  if (q.customerId) {
    const customerId = q.customerId;
    base = base.where((eb) =>
      eb.exists(eb.selectFrom('mail_message_customers as l').select('l.message_id').whereRef('l.message_id', '=', 'm.id').where('l.customer_id', '=', customerId)),
    );
  }
  if (q.folderId) base = base.where('m.folder_id', '=', q.folderId);
  if (q.threadId) base = base.where('m.thread_id', '=', q.threadId);
  if (q.unfiledOnly) {
    base = base.where((eb) => eb.not(eb.exists(eb.selectFrom('mail_message_customers as l').select('l.message_id').whereRef('l.message_id', '=', 'm.id'))));
  }
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base.select('m.id').orderBy('m.date_at', 'desc').orderBy('m.id', 'desc').limit(q.limit).offset(q.offset).execute();
  return { total: Number(total.n), ids: rows.map((r) => r.id) };
}

/** A message with its body, addresses and attachments, or null. */
export async function messageParts(db: Db, id: string) {
  const message = await db
    .selectFrom('mail_messages as m')
    .leftJoin('mail_bodies as b', 'b.message_id', 'm.id')
    .selectAll('m')
    .select(['b.text', 'b.html'])
    .where('m.id', '=', id)
    .executeTakeFirst();
  if (!message) return null;
  const [addresses, attachments] = await Promise.all([
    db.selectFrom('mail_message_addresses').selectAll().where('message_id', '=', id).orderBy('role').orderBy('position').execute(),
    db.selectFrom('mail_attachments').selectAll().where('message_id', '=', id).orderBy('position').execute(),
  ]);
  return { message, addresses, attachments };
}
