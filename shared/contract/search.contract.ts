import { z } from 'zod';
import { TimelineActivityKind, Contact, CustomerDetail, CustomerInput, CustomerRow } from './customers.contract.ts';
import { MailAddress, MailDirection, MessageCustomer } from './mail.contract.ts';
import { EpochMs, Id, Page, requiredText } from './primitives.ts';
import { COURIERS, QUOTE_STATUSES, SAMPLE_SHIPMENT_STATUSES } from '../domain/quote-terms.ts';

/**
 * Global search, New leads and "waiting for our reply" (issue 4, points 4, 6 and 7), to be
 * merged into `contract` by spreading `searchCalls`.
 */

/** Text split into parts, `hit` marking what the query matched; the renderer shows hits in <mark>. */
export const TextParts = z.array(z.object({ text: z.string(), hit: z.boolean() }));
export type TextParts = z.infer<typeof TextParts>;

export const SearchQuery = z.object({
  query: z.string().max(200),
  /** Rows per group. */
  limit: z.number().int().min(1).max(50).default(10),
});

export const ContactHit = Contact.pick({ id: true, customerId: true, name: true, title: true }).extend({
  customerName: z.string(),
  customerCode: z.string(),
  /** The contact's email addresses, then its other channels' values. */
  channels: z.array(z.string()),
});
export type ContactHit = z.infer<typeof ContactHit>;

export const MessageHit = z.object({
  id: Id,
  threadId: Id.nullable(),
  subject: TextParts,
  from: MailAddress.nullable(),
  /** Around the first match in the body; the start of the body when only other fields matched. */
  snippet: TextParts,
  /** Names of attachments that matched. */
  attachments: z.array(TextParts),
  dateAt: EpochMs,
  direction: MailDirection,
  customers: z.array(MessageCustomer),
});
export type MessageHit = z.infer<typeof MessageHit>;

/** A note, call, meeting or visit whose subject or body matched; opens its customer's timeline. */
export const ActivityHit = z.object({
  id: Id,
  customerId: Id,
  customerName: z.string(),
  customerCode: z.string(),
  kind: TimelineActivityKind,
  subject: TextParts,
  /** Around the first match in the body. */
  snippet: TextParts,
  occurredAt: EpochMs,
});
export type ActivityHit = z.infer<typeof ActivityHit>;

/** A quote found by its number, PI number or a product on its lines (`product`: the one it was found by). */
export const QuoteHit = z.object({
  id: Id,
  number: z.string(),
  piNumber: z.string().nullable(),
  status: z.enum(QUOTE_STATUSES),
  quotedAt: EpochMs,
  customerId: Id,
  customerName: z.string(),
  customerCode: z.string(),
  product: z.object({ id: Id, model: z.string(), name: z.string().nullable() }).nullable(),
});
export type QuoteHit = z.infer<typeof QuoteHit>;

/** A sample shipment found by its tracking number. */
export const ShipmentHit = z.object({
  id: Id,
  trackingNumber: z.string(),
  courier: z.enum(COURIERS),
  courierName: z.string().nullable(),
  status: z.enum(SAMPLE_SHIPMENT_STATUSES),
  sentAt: EpochMs.nullable(),
  createdAt: EpochMs,
  customerId: Id,
  customerName: z.string(),
  customerCode: z.string(),
});
export type ShipmentHit = z.infer<typeof ShipmentHit>;

export const SearchResult = z.object({
  customers: z.object({ total: z.number(), rows: z.array(CustomerRow) }),
  /** Contacts of the best-matching customers whose own name or channels match; `more` when cut. */
  contacts: z.object({ rows: z.array(ContactHit), more: z.boolean() }),
  /** Newest first. */
  messages: z.object({ total: z.number(), rows: z.array(MessageHit) }),
  /** Activities of the best-matching customers whose own text matches every term, newest first; `more` when cut. */
  activities: z.object({ rows: z.array(ActivityHit), more: z.boolean() }),
  /** Newest first; `more` when cut. */
  quotes: z.object({ rows: z.array(QuoteHit), more: z.boolean() }),
  /** Newest first; `more` when cut. */
  samples: z.object({ rows: z.array(ShipmentHit), more: z.boolean() }),
});
export type SearchResult = z.infer<typeof SearchResult>;

/** New leads look at the last 90 days of mail unless asked for more. */
export const DEFAULT_LEAD_DAYS = 90;

/** A lead's key: a company domain, or an address at a free-mail provider. Lower-cased. */
export const LeadKey = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(320)
  .regex(/^(?:[^\s@]+@)?[^\s@.]+(?:\.[^\s@.]+)+$/, 'validation.invalidLeadKey');
export const LeadAddress = z.object({ address: z.string(), name: z.string().nullable(), messages: z.number() });
export const Lead = z.object({
  key: z.string(),
  /** `domain`: everyone at a company domain; `address`: one free-mail sender (gmail.com, qq.com…). */
  kind: z.enum(['domain', 'address']),
  domain: z.string(),
  messages: z.number(),
  lastAt: EpochMs,
  addresses: z.array(LeadAddress),
  /** The newest few messages. */
  samples: z.array(z.object({ id: Id, subject: z.string().nullable(), dateAt: EpochMs, direction: MailDirection })),
});
export type Lead = z.infer<typeof Lead>;

const LeadContact = z.object({ address: z.email().max(320).transform((a) => a.toLowerCase()), name: requiredText(100) });

export const WaitingRow = CustomerRow.extend({
  /** The oldest of the customer's mails we have not answered. */
  waitingSince: EpochMs,
  /** Working days (Mon–Fri) since then. */
  workingDays: z.number(),
  /** How many of the customer's mails are unanswered. */
  messages: z.number(),
  latest: z.object({ id: Id, threadId: Id.nullable(), subject: z.string().nullable(), from: MailAddress.nullable(), dateAt: EpochMs }),
});
export type WaitingRow = z.infer<typeof WaitingRow>;

/** The calls; shaped like `contract`'s entries so they can be spread into it. */
export const searchCalls = {
  /** One search box: customers (names, contacts, notes, custom fields, activities), contacts, activities and mail (subject, addresses, body, attachment names). */
  'search.all': { input: SearchQuery, output: SearchResult },

  /** Correspondents of mail filed under no customer, grouped by company domain (free-mail: per address). */
  'leads.list': {
    input: Page.extend({
      /** Only mail of the last this many days counts (null: all mail); acting on a lead takes all its mail. */
      sinceDays: z.number().int().min(1).max(36_500).nullable().default(DEFAULT_LEAD_DAYS),
    }),
    output: z.object({ total: z.number(), rows: z.array(Lead) }),
  },
  /** Creates the customer with a contact per address (all of the lead's unless given); its mail files at once. */
  'leads.createCustomer': {
    input: z.object({ key: LeadKey, customer: CustomerInput, contacts: z.array(LeadContact).min(1).max(50).nullish() }),
    output: CustomerDetail,
  },
  /**
   * Attaches a lead to an existing customer: its addresses as new contacts (`contacts`), or the
   * domain as the customer's website (`website`, domain leads only, when it has none).
   */
  'leads.attach': {
    input: z.object({
      key: LeadKey,
      customerId: Id,
      mode: z.enum(['contacts', 'website']).default('contacts'),
      addresses: z.array(z.email().max(320).transform((a) => a.toLowerCase())).min(1).max(50).nullish(),
    }),
    output: CustomerDetail,
  },
  /** Hides a domain or an address from New leads for good (newsletters, forwarders). */
  'leads.dismiss': { input: z.object({ key: LeadKey }), output: z.object({ key: z.string() }) },
  /** Undoes a dismissal. */
  'leads.restore': { input: z.object({ key: LeadKey }), output: z.object({ key: z.string() }) },

  /** Customers whose mail has had no reply from us for the configured working days, longest waiting first. */
  'reminders.waitingForReply': {
    input: Page.extend({ ownerId: Id.nullish() }),
    output: z.object({ total: z.number(), days: z.number(), rows: z.array(WaitingRow) }),
  },
} as const;
