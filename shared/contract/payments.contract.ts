import { z } from 'zod';
import { CURRENCIES, MAX_MONEY_E4 } from '../domain/money.ts';
import { LC_DEADLINES, MAX_REMINDER_DAYS, PAYMENT_LABELS } from '../domain/payment-deadlines.ts';
import { QUOTE_STATUSES } from '../domain/quote-terms.ts';
import { EpochMs, Id, optionalText, Page, requiredText } from './primitives.ts';

/**
 * Payment terms of accepted quotes: expected payments and letters of credit (issue 14 point 2).
 * Money crosses as integer ten-thousandths (`*E4`, shared/domain/money.ts); dates as epoch ms,
 * a due date being the end of its day as the renderer picks it.
 */

export const PaymentLabel = z.enum(PAYMENT_LABELS);
export const PaymentState = z.enum(['received', 'overdue', 'dueSoon', 'open', 'noDate']);
export const LcState = z.enum(['closed', 'expired', 'shipmentMissed', 'expiringSoon', 'shipmentSoon', 'open']);
export const LcDeadline = z.enum(LC_DEADLINES);
const Currency = z.enum(CURRENCIES);
// "must be more than 0" names the field; zod's gt(0) would say "at least 0".
const PositiveMoney = z.number().int().max(MAX_MONEY_E4).refine((v) => v > 0, { message: 'validation.mustBePositive' });
const nullable = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? null);

export const PaymentInput = z.object({
  /** A stored payment's id (it is updated); none for a new one. */
  id: Id.optional(),
  label: PaymentLabel,
  note: optionalText(200),
  amountE4: PositiveMoney,
  currency: Currency,
  dueAt: nullable(EpochMs),
  receivedAt: nullable(EpochMs),
  /** What came in; empty with a received date means the whole amount. */
  receivedAmountE4: nullable(z.number().int().min(0).max(MAX_MONEY_E4)),
});

export const LetterOfCreditInput = z.object({
  id: Id.optional(),
  number: requiredText(80),
  issuingBank: requiredText(200),
  amountE4: PositiveMoney,
  currency: Currency,
  expiresAt: EpochMs,
  latestShipmentAt: nullable(EpochMs),
  presentationDays: nullable(z.number().int().min(1).max(365)),
  notes: optionalText(2000),
  shippedAt: nullable(EpochMs),
  closedAt: nullable(EpochMs),
});

const QuoteRef = {
  quoteId: Id,
  quoteNumber: z.string(),
  customerId: Id,
  customerCode: z.string(),
  customerName: z.string(),
};

export const Payment = z.object({
  id: Id,
  ...QuoteRef,
  seq: z.number(),
  label: PaymentLabel,
  note: z.string().nullable(),
  amountE4: z.number(),
  currency: z.string(),
  dueAt: EpochMs.nullable(),
  receivedAt: EpochMs.nullable(),
  receivedAmountE4: z.number().nullable(),
  /** As of now, with the reminder days of Settings › Reminders. */
  state: PaymentState,
  updatedAt: EpochMs,
});
export type Payment = z.infer<typeof Payment>;

export const LetterOfCredit = z.object({
  id: Id,
  ...QuoteRef,
  number: z.string(),
  issuingBank: z.string(),
  amountE4: z.number(),
  currency: z.string(),
  expiresAt: EpochMs,
  latestShipmentAt: EpochMs.nullable(),
  presentationDays: z.number().nullable(),
  notes: z.string().nullable(),
  shippedAt: EpochMs.nullable(),
  closedAt: EpochMs.nullable(),
  state: LcState,
  updatedAt: EpochMs,
});
export type LetterOfCredit = z.infer<typeof LetterOfCredit>;

export const ReminderDays = z.object({ payment: z.number(), letterOfCredit: z.number() });

export const QuoteTerms = z.object({
  quoteId: Id,
  quoteNumber: z.string(),
  quoteStatus: z.enum(QUOTE_STATUSES),
  customerId: Id,
  /** The quote's payment terms as written on it. */
  paymentTerms: z.string().nullable(),
  totals: z.array(z.object({ currency: z.string(), amountE4: z.number() })),
  /** Terms can be recorded (an accepted quote that is not superseded). */
  recordable: z.boolean(),
  payments: z.array(Payment),
  letterOfCredit: LetterOfCredit.nullable(),
  /** What the quote's terms and totals suggest, for a quote with nothing recorded yet. */
  suggestion: z.object({
    payments: z.array(z.object({ label: PaymentLabel, amountE4: z.number(), currency: z.string() })),
    letterOfCredit: z.object({ amountE4: z.number(), currency: z.string() }).nullable(),
  }),
  reminderDays: ReminderDays,
});
export type QuoteTerms = z.infer<typeof QuoteTerms>;

export const PaymentDueRow = z.object({
  id: Id,
  ...QuoteRef,
  label: PaymentLabel,
  note: z.string().nullable(),
  amountE4: z.number(),
  currency: z.string(),
  dueAt: EpochMs,
  overdue: z.boolean(),
});
export type PaymentDueRow = z.infer<typeof PaymentDueRow>;

export const LcDeadlineRow = z.object({
  id: Id,
  ...QuoteRef,
  number: z.string(),
  issuingBank: z.string(),
  amountE4: z.number(),
  currency: z.string(),
  deadline: LcDeadline,
  deadlineAt: EpochMs,
  /** The deadline has passed. */
  overdue: z.boolean(),
});
export type LcDeadlineRow = z.infer<typeof LcDeadlineRow>;

const Count = z.object({ count: z.number() });

export const paymentCalls = {
  /** An accepted quote's recorded payments and L/C, and what its terms suggest when none are recorded. */
  'payments.forQuote': { input: z.object({ quoteId: Id }), output: QuoteTerms },
  /**
   * Records an accepted quote's terms as a whole: payments with an id are updated, new ones added,
   * stored ones left out are deleted (soft); the L/C likewise (null: none). One transaction, so a
   * refused save writes nothing and the same save again gives the same result.
   */
  'payments.saveTerms': {
    input: z.object({ quoteId: Id, payments: z.array(PaymentInput).max(24), letterOfCredit: nullable(LetterOfCreditInput) }),
    output: QuoteTerms,
  },
  /** One click: received now (or `receivedAt`), the whole amount unless told. Again on a received payment changes nothing. */
  'payments.markReceived': {
    input: z.object({ id: Id, receivedAt: EpochMs.optional(), receivedAmountE4: z.number().int().min(0).max(MAX_MONEY_E4).optional() }),
    output: Payment,
  },
  /** Marks an L/C's goods shipped or the L/C closed (or, with null, undoes either). */
  'payments.updateLetterOfCredit': {
    input: z.object({ id: Id, shippedAt: EpochMs.nullable().optional(), closedAt: EpochMs.nullable().optional() }),
    output: LetterOfCredit,
  },
  /** Soft delete of one payment or L/C (the dialog asks first). */
  'payments.remove': { input: z.object({ kind: z.enum(['payment', 'letterOfCredit']), id: Id }), output: Count },
  /** A customer's payments and L/Cs, open ones first by date; settled ones too when asked. */
  'payments.forCustomer': {
    input: z.object({ customerId: Id, includeSettled: z.boolean().default(false) }),
    output: z.object({ payments: z.array(Payment), lettersOfCredit: z.array(LetterOfCredit), reminderDays: ReminderDays }),
  },
  /** Payments due within the payment reminder days (overdue included) and L/C deadlines within the L/C days, soonest first. */
  'payments.reminders': {
    input: z.object({ ownerId: nullable(Id), limit: Page.shape.limit }),
    output: z.object({
      payments: z.object({ total: z.number(), rows: z.array(PaymentDueRow) }),
      lettersOfCredit: z.object({ total: z.number(), rows: z.array(LcDeadlineRow) }),
      reminderDays: ReminderDays,
    }),
  },
} as const;

export const ReminderDaysSetting = z.number().int().min(1).max(MAX_REMINDER_DAYS);
