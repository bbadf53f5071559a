import type { Db, DbOrTx } from '../../../db/database.ts';
import type { QuoteMessageLink } from '../../../db/tables/quotes.tables.ts';

/** Messages linked to the quote or to any revision of it (same base number), newest first. */
export async function linkedMessages(db: Db, quoteId: string, limit: number): Promise<Array<{ message_id: string; linked_by: QuoteMessageLink; number: string }>> {
  return db
    .selectFrom('quotes as q')
    .innerJoin('quotes as r', 'r.base_number', 'q.base_number')
    .innerJoin('quote_messages as l', 'l.quote_id', 'r.id')
    .innerJoin('mail_messages as m', 'm.id', 'l.message_id')
    .select(['l.message_id', 'l.linked_by', 'r.number'])
    .where('q.id', '=', quoteId)
    .orderBy('m.date_at', 'desc')
    .limit(limit)
    .execute();
}

export async function quotesOfMessage(db: Db, messageId: string) {
  return db
    .selectFrom('quote_messages as l')
    .innerJoin('quotes as q', 'q.id', 'l.quote_id')
    .select(['q.id', 'q.number', 'q.status', 'q.customer_id', 'l.linked_by'])
    .where('l.message_id', '=', messageId)
    .where('q.deleted_at', 'is', null)
    .orderBy('q.quoted_at', 'desc')
    .execute();
}

/** What a mail sending the quote is addressed and worded from. */
export async function quoteForMail(db: Db, quoteId: string) {
  return db
    .selectFrom('quotes as q')
    .leftJoin('contacts as ct', (join) => join.onRef('ct.id', '=', 'q.contact_id').on('ct.deleted_at', 'is', null))
    .select(['q.id', 'q.number', 'q.language', 'q.valid_until', 'q.customer_id', 'ct.id as contact_id', 'ct.name as contact_name'])
    .where('q.id', '=', quoteId)
    .where('q.deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function quoteExists(db: DbOrTx, quoteId: string): Promise<boolean> {
  return (await db.selectFrom('quotes').select('id').where('id', '=', quoteId).where('deleted_at', 'is', null).executeTakeFirst()) !== undefined;
}

export async function messageExists(db: DbOrTx, messageId: string): Promise<boolean> {
  return (await db.selectFrom('mail_messages').select('id').where('id', '=', messageId).executeTakeFirst()) !== undefined;
}

export async function deleteQuoteLink(db: DbOrTx, link: { quoteId: string; messageId: string }): Promise<number> {
  const result = await db.deleteFrom('quote_messages').where('quote_id', '=', link.quoteId).where('message_id', '=', link.messageId).executeTakeFirst();
  return Number(result.numDeletedRows);
}
