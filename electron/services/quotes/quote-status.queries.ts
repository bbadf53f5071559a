import type { Tx } from '../../../db/database.ts';
import type { QuoteStatus } from '../../../db/tables/quotes.tables.ts';
import type { ParsedInput } from '../../../shared/contract/contract.ts';
import { fail } from '../../../shared/contract/result.ts';

type Input = ParsedInput<'quotes.setStatus'>;

/**
 * Which stored statuses may move to which: draft → sent → accepted | rejected. An expired quote
 * may still be accepted or rejected (buyers answer late), and a sent one sent again (mailed a
 * second time: the follow-up moves). A superseded revision is history and does not move.
 */
const ALLOWED: Record<Input['status'], readonly QuoteStatus[]> = {
  sent: ['draft', 'sent'],
  accepted: ['sent', 'expired'],
  rejected: ['sent', 'expired'],
};

/** Moves a quote's status; `followUpMs` after sending its follow-up is due. */
export async function changeStatus(trx: Tx, input: Input, now: number, followUpMs: number): Promise<void> {
  const row = await trx.selectFrom('quotes').select(['status', 'valid_until', 'superseded_by_id']).where('id', '=', input.id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) fail('notFound', 'quotes.errors.notFound', { id: input.id });
  if (row.superseded_by_id) fail('conflict', 'quotes.errors.superseded');
  // The status as of now: a sent quote past its validity is expired even before the hourly run stored it.
  const current: QuoteStatus = row.status === 'sent' && row.valid_until !== null && row.valid_until < now ? 'expired' : row.status;
  if (!ALLOWED[input.status].includes(current)) fail('conflict', 'quotes.errors.badTransition', { from: current, to: input.status });
  if (input.status === 'sent') {
    await trx
      .updateTable('quotes')
      .set((eb) => ({ status: 'sent', sent_at: eb.fn.coalesce('sent_at', eb.val(now)), follow_up_at: now + followUpMs, updated_at: now }))
      .where('id', '=', input.id)
      .execute();
    return;
  }
  await trx
    .updateTable('quotes')
    .set({
      status: input.status,
      decided_at: now,
      follow_up_at: null,
      updated_at: now,
      ...(input.status === 'accepted' && input.piNumber ? { pi_number: input.piNumber } : {}),
    })
    .where('id', '=', input.id)
    .execute();
}
