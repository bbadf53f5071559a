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

export const quoteMailCalls = {
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
