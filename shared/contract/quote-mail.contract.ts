import { z } from 'zod';
import { MessageRow } from './mail.contract.ts';
import { Id } from './primitives.ts';

/**
 * Mail linked to quotes (issue 13 point 6). A message that names a quote's number or its PI /
 * contract number is linked when it is stored (sync, import, our own sent copy); the user can
 * link or unlink a message by hand.
 */

export const QuoteMailLink = z.enum(['number', 'user']);
const Link = z.object({ quoteId: Id, messageId: Id });

export const QuoteOfMessage = z.object({ id: Id, number: z.string(), status: z.string(), customerId: Id, linkedBy: QuoteMailLink });

/**
 * A mail sending a quote, ready for the compose screen: to the quote's contact, subject and
 * opening words in the quote's language, its PDF attached. mail.send with `quoteId` then marks the
 * quote sent once the mail has gone out.
 */
export const QuoteMailDraft = z.object({
  quoteId: Id,
  customerId: Id,
  contactId: Id.nullable(),
  subject: z.string(),
  text: z.string(),
  attachment: z.object({ filename: z.string(), contentType: z.string(), contentBase64: z.string(), size: z.number() }),
});
export type QuoteMailDraft = z.infer<typeof QuoteMailDraft>;

export const quoteMailCalls = {
  'quotes.mailDraft': { input: z.object({ quoteId: Id }), output: QuoteMailDraft },
  /** The mail linked to a quote or to any revision of it, newest first (at most 500). */
  'quotes.mail': {
    input: z.object({ quoteId: Id }),
    output: z.object({ rows: z.array(MessageRow.extend({ linkedBy: QuoteMailLink, quoteNumber: z.string() })) }),
  },
  /** The quotes a message is linked to (the mail reading pane). */
  'quotes.ofMessage': { input: z.object({ messageId: Id }), output: z.array(QuoteOfMessage) },
  'quotes.linkMessage': { input: Link, output: z.object({ count: z.number() }) },
  'quotes.unlinkMessage': { input: Link, output: z.object({ count: z.number() }) },
} as const;
