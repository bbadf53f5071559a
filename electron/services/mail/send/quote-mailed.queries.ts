import type { DbOrTx } from '../../../../db/database.ts';
import { DEFAULT_QUOTE_FOLLOW_UP_DAYS } from '../../../../shared/domain/quote-terms.ts';

const DAY = 86_400_000;
/** The settings key of the days after sending a quote before its follow-up (Settings.quoteFollowUpDays). */
export const QUOTE_FOLLOW_UP_SETTING = 'quoteFollowUpDays';

export async function isLiveQuote(db: DbOrTx, quoteId: string): Promise<boolean> {
  return (await db.selectFrom('quotes').select('id').where('id', '=', quoteId).where('deleted_at', 'is', null).executeTakeFirst()) !== undefined;
}

async function followUpDays(db: DbOrTx): Promise<number> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', QUOTE_FOLLOW_UP_SETTING).executeTakeFirst();
  const days = row ? (JSON.parse(row.value) as unknown) : null;
  return typeof days === 'number' && days > 0 ? days : DEFAULT_QUOTE_FOLLOW_UP_DAYS;
}

/**
 * A mail written from a quote has gone out (issue 13 point 4): a draft quote becomes sent, and
 * its follow-up is due the configured days after this sending. Runs in the transaction that marks
 * the mail sent, so a crash leaves both or neither. A quote already decided (accepted, rejected,
 * expired) keeps its state: mailing an accepted quote's PI asks for no follow-up.
 */
export async function markQuoteMailed(db: DbOrTx, outboxId: string, sentAt: number): Promise<boolean> {
  const row = await db.selectFrom('mail_outbox').select('quote_id').where('id', '=', outboxId).where('status', '=', 'sent').executeTakeFirst();
  if (!row?.quote_id) return false;
  const followUpAt = sentAt + (await followUpDays(db)) * DAY;
  const result = await db
    .updateTable('quotes')
    .set((eb) => ({
      status: 'sent',
      sent_at: eb.fn.coalesce('sent_at', eb.val(sentAt)),
      follow_up_at: followUpAt,
      updated_at: sentAt,
    }))
    .where('id', '=', row.quote_id)
    .where('status', 'in', ['draft', 'sent'])
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
