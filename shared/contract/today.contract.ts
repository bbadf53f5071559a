import { z } from 'zod';
import { TODAY_KINDS } from '../domain/today-kinds.ts';
import { EpochMs, Id } from './primitives.ts';

/**
 * Today, the home screen (issue 14 point 3): what is due by the end of the user's day, grouped by
 * kind, each row one click from its record. The renderer sends `until` (the end of its own day:
 * the web host's server may sit in another time zone); without it the computer's own day ends it.
 */

export const TodayKindSchema = z.enum(TODAY_KINDS);

export const TodayItem = z.object({
  /** Stable while the item is the same reminder: `<kind>:<record id>:<due>`; what a notification is remembered by. */
  key: z.string(),
  kind: TodayKindSchema,
  /** The record the row opens: a task, a payment, a letter of credit, a quote, a shipment, a message or a customer. */
  recordId: Id,
  /** The row's own words: a task's title, a quote number, a mail's subject, the shipment's items. */
  title: z.string(),
  /** An i18n key the row's words start with (a payment's 'Deposit', an L/C's 'Latest shipment date'); null when none. */
  labelKey: z.string().nullable(),
  /** A second line: an amount, a tracking number, the sender; null when there is none. */
  detail: z.string().nullable(),
  customerId: Id.nullable(),
  customerName: z.string().nullable(),
  /** The quote the row belongs to (a follow-up's own, a payment's or an L/C's order); null for the others. */
  quoteId: Id.nullable(),
  /** When it is (or was) due; an appointment's start. */
  dueAt: EpochMs,
  overdue: z.boolean(),
  /** Whole days past due (0 on the day it fell due or before): counted by the service's clock. */
  daysOverdue: z.number(),
  /** The contact "write mail" addresses (a quote's, a task's, the customer's primary one); null when there is none. */
  contactId: Id.nullable(),
});
export type TodayItem = z.infer<typeof TodayItem>;

export const TodaySection = z.object({
  kind: TodayKindSchema,
  /** All that is due of this kind, counted up to TODAY_COUNT_CAP; `rows` holds the first `limit` of them, most urgent first. */
  total: z.number(),
  /** There may be more than `total` (the count stopped at the cap): shown as "100+". */
  capped: z.boolean(),
  rows: z.array(TodayItem),
});
export type TodaySection = z.infer<typeof TodaySection>;

export const TodayInput = z.object({
  ownerId: Id.nullish().transform((v) => v ?? null),
  /** The end of the user's day (epoch ms); what is due before it shows. */
  until: EpochMs.optional(),
  limit: z.number().int().min(1).max(200).default(20),
});

const Snooze = z.object({ kind: TodayKindSchema, recordId: Id, until: EpochMs });

export const todayCalls = {
  /** Every kind that has something due, in TODAY_KINDS order; kinds with nothing due are left out. */
  'today.list': { input: TodayInput, output: z.object({ sections: z.array(TodaySection), total: z.number() }) },
  /** The navigation badge: how many items are due by `until`. */
  'today.count': { input: TodayInput.pick({ ownerId: true, until: true }), output: z.object({ total: z.number() }) },
  /**
   * Hides (or moves) an item until a date: a task's due date and a quote's or shipment's follow-up
   * move; payments, L/Cs, mail waiting for a reply and customers due for contact are hidden from
   * Today (and its badge and notifications) until then.
   */
  'today.snooze': { input: Snooze, output: z.object({ count: z.number() }) },
  /**
   * Marks an item done from Today: a task or appointment is completed, a payment received, a
   * quote's follow-up cleared (the user followed up). The other kinds are done in their own
   * place (feedback on the shipment, a reply to the mail, a call logged) and are refused here.
   */
  'today.done': { input: Snooze.pick({ kind: true, recordId: true }), output: z.object({ count: z.number() }) },
  /**
   * The due items not yet notified, each marked notified in the same transaction so that it is
   * never shown twice; nothing during the quiet hours of `timeZone` (Settings › Notifications)
   * or when notifications are off. The Electron app's main process and the web page (when the
   * user allowed notifications) each ask it every minute. At most a few items at once; `more`
   * counts the others, marked notified too (a first start can find hundreds overdue).
   */
  'today.takeNotifications': {
    input: z.object({ until: EpochMs.optional(), timeZone: z.string().trim().max(64).optional() }),
    output: z.object({ items: z.array(TodayItem), more: z.number() }),
  },
} as const;
