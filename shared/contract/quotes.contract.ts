import { z } from 'zod';
import { CURRENCIES, MAX_MONEY_E4 } from '../domain/money.ts';
import { INCOTERMS, QUOTE_STATUSES } from '../domain/quote-terms.ts';
import { EpochMs, Id, optionalText, Page, requiredText } from './primitives.ts';

/**
 * Quotes, their revisions and price history (issue 13 points 2, 3 and 6). Prices cross the
 * contract as integers of ten-thousandths (`*E4`, shared/domain/money.ts), as products' prices do:
 * the editor parses the typed decimal with parseMoneyE4, so the service never rounds.
 */

export const QuoteStatus = z.enum(QUOTE_STATUSES);
export const QuoteLanguage = z.enum(['en', 'zh-CN']);
export const Incoterm = z.enum(INCOTERMS);
const Currency = z.enum(CURRENCIES);
/** At most 10^9 of anything: far above any order, and quantity × price stays an exact integer. */
const MAX_QUANTITY = 1_000_000_000;
export const MAX_QUOTE_LINES = 500;

export const QuoteLineInput = z.object({
  productId: Id.nullish().transform((v) => v ?? null),
  model: optionalText(80),
  description: requiredText(2000),
  spec: optionalText(4000),
  // "must be more than 0" names the field; zod's gt(0) would say "at least 0".
  quantity: z.number().max(MAX_QUANTITY).refine((q) => q > 0, { message: 'validation.mustBePositive' }),
  unit: requiredText(20),
  unitPriceE4: z.number().int().min(0).max(MAX_MONEY_E4),
  currency: Currency,
});

const QuoteFields = z.object({
  customerId: Id,
  contactId: Id.nullish().transform((v) => v ?? null),
  ownerId: Id.nullish().transform((v) => v ?? null),
  language: QuoteLanguage.default('en'),
  incoterm: Incoterm.nullish().transform((v) => v ?? null),
  incotermPort: optionalText(120),
  paymentTerms: optionalText(300),
  validUntil: EpochMs.nullish().transform((v) => v ?? null),
  leadTime: optionalText(200),
  moq: optionalText(200),
  notes: optionalText(4000),
  lines: z.array(QuoteLineInput).max(MAX_QUOTE_LINES).default([]),
});

/** Every Incoterm but EXW is priced at a named port or place: without it the price means nothing. */
function portWithIncoterm(q: { incoterm: string | null; incotermPort: string | null }, ctx: z.RefinementCtx): void {
  if (q.incoterm && q.incoterm !== 'EXW' && !q.incotermPort) ctx.addIssue({ code: 'custom', path: ['incotermPort'], message: 'validation.required' });
}
export const QuoteInput = QuoteFields.superRefine(portWithIncoterm);
export const QuoteUpdate = QuoteFields.extend({ id: Id }).superRefine(portWithIncoterm);

export const MoneyTotal = z.object({ currency: z.string(), amountE4: z.number() });

export const QuoteLine = z.object({
  id: Id,
  seq: z.number(),
  productId: Id.nullable(),
  /** True when the line's product was deleted since: the line reads as quoted, a new save refuses it. */
  productDeleted: z.boolean(),
  model: z.string().nullable(),
  description: z.string(),
  spec: z.string().nullable(),
  quantity: z.number(),
  unit: z.string(),
  unitPriceE4: z.number(),
  currency: z.string(),
  amountE4: z.number(),
});

export const QuoteRow = z.object({
  id: Id,
  number: z.string(),
  baseNumber: z.string(),
  revision: z.number(),
  supersededById: Id.nullable(),
  customerId: Id,
  customerName: z.string(),
  contactId: Id.nullable(),
  ownerId: Id.nullable(),
  /** As of now: a sent quote past its validity reads 'expired' before the hourly run stores it. */
  status: QuoteStatus,
  incoterm: z.string().nullable(),
  incotermPort: z.string().nullable(),
  quotedAt: EpochMs,
  validUntil: EpochMs.nullable(),
  sentAt: EpochMs.nullable(),
  decidedAt: EpochMs.nullable(),
  followUpAt: EpochMs.nullable(),
  totals: z.array(MoneyTotal),
});

export const QuoteRevision = z.object({ id: Id, number: z.string(), revision: z.number(), status: QuoteStatus, quotedAt: EpochMs });

export const Quote = QuoteRow.extend({
  contactName: z.string().nullable(),
  language: QuoteLanguage,
  paymentTerms: z.string().nullable(),
  leadTime: z.string().nullable(),
  moq: z.string().nullable(),
  notes: z.string().nullable(),
  piNumber: z.string().nullable(),
  createdAt: EpochMs,
  updatedAt: EpochMs,
  lines: z.array(QuoteLine),
  /** Every revision of this quote's base number, oldest first (this one among them). */
  revisions: z.array(QuoteRevision),
});
export type Quote = z.infer<typeof Quote>;

export const QuoteQuery = Page.extend({
  customerId: Id.optional(),
  ownerId: Id.optional(),
  statuses: z.array(QuoteStatus).max(QUOTE_STATUSES.length).default([]),
  /** Part of the number (Q2026-00 finds Q2026-0012 and its revisions). */
  text: z.string().trim().max(100).default(''),
});
export const QuotePage = z.object({ total: z.number(), rows: z.array(QuoteRow) });

export const PriceHistoryRow = z.object({
  quoteId: Id,
  number: z.string(),
  quotedAt: EpochMs,
  customerId: Id,
  customerName: z.string(),
  status: QuoteStatus,
  quantity: z.number(),
  unit: z.string(),
  unitPriceE4: z.number(),
  currency: z.string(),
  incoterm: z.string().nullable(),
  incotermPort: z.string().nullable(),
});
export type PriceHistoryRow = z.infer<typeof PriceHistoryRow>;

export const PriceWarning = z.object({
  /** Index of the line in the request. */
  line: z.number(),
  productId: Id,
  unitPriceE4: z.number(),
  lastPriceE4: z.number(),
  currency: z.string(),
  incoterm: z.string().nullable(),
  lastQuoteId: Id,
  lastNumber: z.string(),
  lastQuotedAt: EpochMs,
});
export type PriceWarning = z.infer<typeof PriceWarning>;

export const QuoteReminder = z.object({
  kind: z.enum(['followUp', 'expiring']),
  quoteId: Id,
  number: z.string(),
  customerId: Id,
  customerName: z.string(),
  /** follow_up_at for a follow-up, valid_until for an expiring quote. */
  dueAt: EpochMs,
});

const ById = z.object({ id: Id });

export const quoteCalls = {
  'quotes.list': { input: QuoteQuery, output: QuotePage },
  'quotes.get': { input: ById, output: Quote },
  'quotes.create': { input: QuoteInput, output: Quote },
  /** Drafts only: a sent quote is changed by quotes.revise. */
  'quotes.update': { input: QuoteUpdate, output: Quote },
  /** A new draft revision (`<base>-R<n>`) of a sent quote; the old one stays readable. */
  'quotes.revise': { input: ById, output: Quote },
  /** A new draft with a new number for another (or the same) customer. */
  'quotes.duplicate': { input: z.object({ id: Id, customerId: Id, contactId: Id.nullish().transform((v) => v ?? null) }), output: Quote },
  /** draft → sent → accepted | rejected (an expired quote may still be accepted or rejected). */
  'quotes.setStatus': {
    input: z.object({ id: Id, status: z.enum(['sent', 'accepted', 'rejected']), piNumber: optionalText(80) }),
    output: Quote,
  },
  /** Soft delete: the number stays taken. */
  'quotes.remove': { input: ById, output: z.object({ count: z.number() }) },
  /** Lines quoting a product, newest first, with that customer's own lines apart when asked. */
  'quotes.priceHistory': {
    input: z.object({ productId: Id, customerId: Id.optional(), limit: z.number().int().min(1).max(500).default(100) }),
    /** `more`: older lines exist beyond `limit` (counting them all would cost a lookup per line). */
    output: z.object({ rows: z.array(PriceHistoryRow), more: z.boolean(), customerRows: z.array(PriceHistoryRow) }),
  },
  /** Lines priced lower than the last quote of the same product to the customer, same Incoterm and currency. */
  'quotes.priceCheck': {
    input: z.object({
      customerId: Id,
      incoterm: Incoterm.nullish().transform((v) => v ?? null),
      /** The quote being edited: its own saved lines are not "the last price". */
      excludeQuoteId: Id.optional(),
      lines: z.array(z.object({ productId: Id.nullable(), unitPriceE4: z.number().int().min(0), currency: Currency })).max(MAX_QUOTE_LINES),
    }),
    output: z.object({ warnings: z.array(PriceWarning) }),
  },
  /** Follow-ups due and quotes expiring within 7 days (the reminders view). */
  'quotes.reminders': { input: z.object({}).default({}), output: z.object({ rows: z.array(QuoteReminder) }) },
  /** Stores 'expired' on sent quotes past their validity (the hosts' hourly work). */
  'quotes.expireDue': { input: z.object({}).default({}), output: z.object({ count: z.number() }) },
} as const;
