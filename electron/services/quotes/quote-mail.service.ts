import { fail } from '../../../shared/contract/result.ts';
import type { Handlers } from '../core/dispatcher.ts';
import type { ServiceDeps } from '../core/service-deps.ts';
import { messageRows } from '../mail/read/message-rows.queries.ts';
import { insertQuoteLink } from '../mail/store/quote-links.queries.ts';
import type { quoteMailCalls } from '../../../shared/contract/quote-mail.contract.ts';
import { deleteQuoteLink, linkedMessages, messageExists, quoteExists, quoteForMail, quotesOfMessage } from './quote-mail.queries.ts';
import { formatDocumentDate } from '../../../shared/domain/quote-document.ts';
import { safeFileName } from '../../../shared/domain/file-names.ts';

/** {{name}} placeholders of a catalog text filled in (the main process has no i18next instance). */
function interpolate(text: string, params: Record<string, string>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => params[key] ?? '');
}

type QuoteMailKeys = keyof typeof quoteMailCalls;

const MAX_LINKED = 500;

export interface QuoteMailDeps extends Pick<ServiceDeps, 'db' | 'clock' | 'emit'> {
  /** The quote's PDF, made as quotes.exportPdf makes it. */
  renderPdf(quoteId: string): Promise<{ number: string; bytes: Buffer }>;
}

/**
 * Mail and quotes: the mail linked to a quote, linked or unlinked by hand (the store links mail
 * naming a number), and the mail that sends a quote.
 */
export function createQuoteMailService(deps: QuoteMailDeps): { handlers: Pick<Handlers, QuoteMailKeys> } {
  const { db, clock, emit } = deps;
  const checked = async (link: { quoteId: string; messageId: string }) => {
    if (!(await quoteExists(db, link.quoteId))) fail('notFound', 'quoteMail.errors.quoteNotFound', { id: link.quoteId }, [{ path: 'quoteId', message: 'quoteMail.errors.quoteNotFound', params: {} }]);
    if (!(await messageExists(db, link.messageId))) fail('notFound', 'errors.mailMessageNotFound', { id: link.messageId }, [{ path: 'messageId', message: 'errors.mailMessageNotFound', params: {} }]);
  };
  return {
    handlers: {
      'quotes.mailDraft': async ({ quoteId }) => {
        const quote = await quoteForMail(db, quoteId);
        if (!quote) return fail('notFound', 'quoteMail.errors.quoteNotFound', { id: quoteId }, [{ path: 'quoteId', message: 'quoteMail.errors.quoteNotFound', params: {} }]);
        const { bytes } = await deps.renderPdf(quote.id);
        // Loaded here, not with the module: every CLI start loads this service, and a read call must not pay for the catalogs.
        const { catalogs } = await import('../../../shared/i18n/catalogs.ts');
        const words = catalogs[quote.language].quoteMail.draft;
        const params = { number: quote.number, name: quote.contact_name ?? '', validUntil: quote.valid_until ? formatDocumentDate(quote.valid_until, quote.language) : '' };
        const lines = [interpolate(quote.contact_name ? words.greeting : words.greetingNoName, params), '', interpolate(words.body, params)];
        if (quote.valid_until) lines.push(interpolate(words.validUntil, params));
        return {
          quoteId: quote.id,
          customerId: quote.customer_id,
          contactId: quote.contact_id,
          subject: interpolate(words.subject, params),
          text: lines.join('\n'),
          attachment: { filename: `${safeFileName(quote.number, 'quote')}.pdf`, contentType: 'application/pdf', contentBase64: bytes.toString('base64'), size: bytes.length },
        };
      },
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
