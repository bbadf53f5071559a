import { fail } from '../../../shared/contract/result.ts';
import type { Handlers } from '../core/dispatcher.ts';
import type { ServiceDeps } from '../core/service-deps.ts';
import { messageRows } from '../mail/read/message-rows.queries.ts';
import { insertQuoteLink } from '../mail/store/quote-links.queries.ts';
import type { quoteMailCalls } from '../../../shared/contract/quote-mail.contract.ts';
import { deleteQuoteLink, linkedMessages, messageExists, quoteExists, quotesOfMessage } from './quote-mail.queries.ts';

type QuoteMailKeys = keyof typeof quoteMailCalls;

const MAX_LINKED = 500;

/** Mail linked to quotes: read, and linked or unlinked by hand (the store links mail naming a number). */
export function createQuoteMailService(deps: Pick<ServiceDeps, 'db' | 'clock' | 'emit'>): { handlers: Pick<Handlers, QuoteMailKeys> } {
  const { db, clock, emit } = deps;
  const checked = async (link: { quoteId: string; messageId: string }) => {
    if (!(await quoteExists(db, link.quoteId))) fail('notFound', 'quoteMail.errors.quoteNotFound', { id: link.quoteId }, [{ path: 'quoteId', message: 'quoteMail.errors.quoteNotFound', params: {} }]);
    if (!(await messageExists(db, link.messageId))) fail('notFound', 'errors.mailMessageNotFound', { id: link.messageId }, [{ path: 'messageId', message: 'errors.mailMessageNotFound', params: {} }]);
  };
  return {
    handlers: {
      'quotes.mail': async ({ quoteId }) => {
        const links = await linkedMessages(db, quoteId, MAX_LINKED);
        const byId = new Map(links.map((l) => [l.message_id, l]));
        const rows = await messageRows(db, [...byId.keys()]);
        return { rows: rows.map((row) => ({ ...row, linkedBy: byId.get(row.id)!.linked_by, quoteNumber: byId.get(row.id)!.number })) };
      },
      'quotes.ofMessage': async ({ messageId }) =>
        (await quotesOfMessage(db, messageId)).map((q) => ({ id: q.id, number: q.number, status: q.status, customerId: q.customer_id, linkedBy: q.linked_by })),
      'quotes.linkMessage': async (link) => {
        await checked(link);
        const count = await insertQuoteLink(db, { ...link, linkedBy: 'user' }, clock.now());
        if (count > 0) emit('data.changed', { entities: ['quotes'] });
        return { count };
      },
      'quotes.unlinkMessage': async (link) => {
        const count = await deleteQuoteLink(db, link);
        if (count > 0) emit('data.changed', { entities: ['quotes'] });
        return { count };
      },
    },
  };
}
