import { z } from 'zod';
import { COMPOSE_KINDS, OUTBOX_STATUSES } from '../domain/mail-enums.ts';
import { BATCH_RATE_DEFAULT, BATCH_RATE_MAX, BATCH_RATE_MIN, OUTBOX_ERROR_REASONS } from '../domain/mail-outbox.ts';
import { MailAddress } from './mail.contract.ts';
import { EpochMs, Id, Page, requiredText } from './primitives.ts';

/**
 * Sending mail (issue 4 point 3), spread into `contract` as `mailSendCalls`.
 *
 * The flow for a screen:
 *  1. `mail.compose` builds a draft (new, reply, reply all, forward) with recipients, subject,
 *     quoted body, threading headers, forwarded attachments and the account's signature.
 *  2. The user edits it; `mail.send` takes the edited draft as it is (a ComposeDraft is valid
 *     SendInput) and writes it to the outbox before anything goes over the network.
 *  3. The sender sends outbox rows in the background: queued → sending → sent, or back to
 *     queued (network away, server busy: retried by itself) or failed (refused: the server's
 *     reason is in `lastError`, `mail.retryOutbox` is the retry button). A sent mail is then
 *     put into the account's Sent folder on the server and shown at once under the customer.
 *  4. Every change of the outbox emits `data.changed` with `mailOutbox`; a mail put into the
 *     Sent folder also `mailMessages` and `customers`.
 * Templates (`{{contact.firstName}}`, see shared/domain/mail-template.ts for the list) feed
 * `mail.sendBatch`, a personalised send to a list of contacts at a polite rate.
 */

export const ComposeKind = z.enum(COMPOSE_KINDS);
export const OutboxStatus = z.enum(OUTBOX_STATUSES);
export const OutboxErrorReason = z.enum(OUTBOX_ERROR_REASONS);
export const MessageLocale = z.enum(['en', 'zh-CN']);

/** A recipient as the user typed it; a MailAddress (`{ name, address }`) fits. */
export const RecipientInput = z.object({
  name: z
    .string()
    .trim()
    .max(200)
    .nullish()
    .transform((v) => (v ? v : null)),
  address: z.email().max(320),
});

/** Base64 of at most 25 MB (the attachment limit); the service checks the decoded total. */
const MAX_BASE64 = Math.ceil((25 * 1024 * 1024) / 3) * 4 + 4;

/**
 * One attachment of a mail to send, in one of two forms:
 *  - `{ attachmentId }`: an attachment of a stored message (what compose puts in a forward);
 *  - `{ filename, contentBase64 }`: a file the user picked, read by the renderer (a file input
 *    works in the sandboxed window and in a browser alike).
 * There is deliberately no `{ path }`: a renderer (or anything holding the web host's token)
 * naming a local file would be a way to mail any file of this computer anywhere.
 * The content is copied into the app's attachment store when the mail is queued.
 */
export const AttachmentInput = z.union([
  z.object({ attachmentId: Id }),
  z.object({
    filename: requiredText(255),
    contentType: z.string().trim().max(200).nullish(),
    contentBase64: z.string().max(MAX_BASE64),
  }),
]);

/**
 * A mail to queue. `to`, `cc` and `bcc` together need at least one address. `inReplyTo` and
 * `references` come from the draft (Message-IDs without angle brackets). `customerId` files
 * the sent mail under that customer even when no address matches one of its contacts.
 */
export const SendInput = z
  .object({
    accountId: Id,
    kind: ComposeKind.default('new'),
    /** The message replied to or forwarded; marked answered on the server once sent. */
    sourceMessageId: Id.nullish().transform((v) => v ?? null),
    to: z.array(RecipientInput).max(500).default([]),
    cc: z.array(RecipientInput).max(500).default([]),
    bcc: z.array(RecipientInput).max(500).default([]),
    subject: z.string().trim().max(998).default(''),
    text: z.string().max(2_000_000).nullish().transform((v) => v ?? null),
    /** Sent as written: the compose screen sanitizes what it lets the user paste. */
    html: z.string().max(10_000_000).nullish().transform((v) => v ?? null),
    attachments: z.array(AttachmentInput).max(100).default([]),
    inReplyTo: z.string().trim().max(998).nullish().transform((v) => v || null),
    references: z.array(z.string().trim().min(1).max(998)).max(100).default([]),
    customerId: Id.nullish().transform((v) => v ?? null),
    /** The quote this mail sends (its PDF attached): once sent, the quote is marked sent and its follow-up scheduled. */
    quoteId: Id.nullish().transform((v) => v ?? null),
  })
  .superRefine((v, ctx) => {
    const count = v.to.length + v.cc.length + v.bcc.length;
    if (count === 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'validation.noRecipients' });
    if (count > 500) ctx.addIssue({ code: 'custom', path: ['to'], message: 'validation.tooManyRecipients' });
  });

/** What `mail.compose` is asked for. `messageId` (a stored message's id) is required except for `new`. */
export const ComposeInput = z
  .object({
    kind: ComposeKind,
    messageId: Id.nullish().transform((v) => v ?? null),
    /**
     * The account to write from. Default: for `new` the first account that can send; for a
     * reply or forward the account the message belongs to (the first that can send when that
     * one cannot, e.g. imported archive mail).
     */
    accountId: Id.nullish().transform((v) => v ?? null),
    /** For `new`: address the mail to this contact (its first email) and file it under their customer. */
    contactId: Id.nullish().transform((v) => v ?? null),
    /** Language of the attribution line ("On …, … wrote:") and the forward header. */
    locale: MessageLocale.default('en'),
    /** IANA zone for the dates in the attribution line; default the computer's. */
    timeZone: z.string().trim().max(64).nullish().transform((v) => v || null),
  })
  .superRefine((v, ctx) => {
    if (v.kind !== 'new' && !v.messageId) ctx.addIssue({ code: 'custom', path: ['messageId'], message: 'validation.required' });
  });

/** An attachment carried over into a draft (forward; inline images of a quoted HTML body). */
export const DraftAttachment = z.object({
  attachmentId: Id,
  filename: z.string().nullable(),
  contentType: z.string(),
  size: z.number(),
  inline: z.boolean(),
  contentId: z.string().nullable(),
});

/** A draft for the compose screen; after editing, pass it to `mail.send` as it is. */
export const ComposeDraft = z.object({
  accountId: Id,
  kind: ComposeKind,
  sourceMessageId: Id.nullable(),
  /** The sender as recipients will see it (display name and the account's address); not editable. */
  from: MailAddress,
  to: z.array(MailAddress),
  cc: z.array(MailAddress),
  bcc: z.array(MailAddress),
  subject: z.string(),
  /** Plain text: the signature, then the quoted original. The cursor goes at the start. */
  text: z.string(),
  /** HTML when the original or the signature has HTML, else null (plain text mail). */
  html: z.string().nullable(),
  inReplyTo: z.string().nullable(),
  references: z.array(z.string()),
  attachments: z.array(DraftAttachment),
  /** The customer the original is filed under (the first one), or the contact's customer. */
  customerId: Id.nullable(),
});
export type ComposeDraft = z.infer<typeof ComposeDraft>;

/** Why the last attempt failed, shown in the outbox under the translated headline. */
export const OutboxError = z.object({
  reason: OutboxErrorReason,
  /** i18n key `mail.outbox.errors.<reason>`. */
  message: z.string(),
  /** The server's (or the network's) own words, verbatim, e.g. "550 5.1.1 mailbox unavailable". */
  detail: z.string(),
  /** The SMTP reply code when the server gave one. */
  responseCode: z.number().nullable(),
  /** Recipients the server refused (rejected, partiallyRejected). */
  recipients: z.array(z.string()),
  at: EpochMs,
});
export type OutboxError = z.infer<typeof OutboxError>;

export const OutboxAttachment = z.object({
  filename: z.string().nullable(),
  contentType: z.string(),
  size: z.number(),
  inline: z.boolean(),
});

/** One outbox entry as lists show it. */
export const OutboxRow = z.object({
  id: Id,
  accountId: Id,
  status: OutboxStatus,
  kind: ComposeKind,
  /** The Message-ID header, fixed when queued (without angle brackets). */
  messageId: z.string(),
  sourceMessageId: Id.nullable(),
  customerId: Id.nullable(),
  templateId: Id.nullable(),
  batchId: Id.nullable(),
  fromAddress: z.string(),
  to: z.array(MailAddress),
  cc: z.array(MailAddress),
  bcc: z.array(MailAddress),
  subject: z.string(),
  snippet: z.string().nullable(),
  attachments: z.array(OutboxAttachment),
  /** Attempts so far, including ones that failed for lack of network. */
  attempts: z.number(),
  lastError: OutboxError.nullable(),
  lastAttemptAt: EpochMs.nullable(),
  /** Queued: not before this time (retry backoff, batch pacing). */
  nextAttemptAt: EpochMs,
  sentAt: EpochMs.nullable(),
  /** When the copy reached the server's Sent folder; null while it has not (yet). */
  sentCopyAt: EpochMs.nullable(),
  createdAt: EpochMs,
  updatedAt: EpochMs,
  /** The retry / "send now" button applies (queued or failed). */
  canRetry: z.boolean(),
  /** The cancel button applies (queued or failed): the entry is removed, nothing is sent. */
  canCancel: z.boolean(),
});
export type OutboxRow = z.infer<typeof OutboxRow>;

/** An outbox entry with its bodies, e.g. to open a failed mail again in the compose screen. */
export const OutboxDetail = OutboxRow.extend({
  text: z.string().nullable(),
  html: z.string().nullable(),
  inReplyTo: z.string().nullable(),
  references: z.array(z.string()),
});
export type OutboxDetail = z.infer<typeof OutboxDetail>;

export const OutboxCounts = z.object({ queued: z.number(), sending: z.number(), sent: z.number(), failed: z.number() });

export const OutboxQuery = Page.extend({
  /** Only these statuses; all when missing. */
  statuses: z.array(OutboxStatus).max(4).nullish(),
  accountId: Id.nullish(),
  batchId: Id.nullish(),
  customerId: Id.nullish(),
});

export const MailTemplate = z.object({
  id: Id,
  name: z.string(),
  subject: z.string(),
  text: z.string().nullable(),
  html: z.string().nullable(),
  /** The placeholders it uses, e.g. ['contact.firstName', 'customer.name']. */
  placeholders: z.array(z.string()),
  createdAt: EpochMs,
  updatedAt: EpochMs,
});
export type MailTemplate = z.infer<typeof MailTemplate>;

const TemplateBody = z.object({
  subject: z.string().trim().max(998).default(''),
  text: z.string().max(1_000_000).nullish().transform((v) => (v ? v : null)),
  html: z.string().max(5_000_000).nullish().transform((v) => (v ? v : null)),
});

/**
 * Creates (no id) or updates a template. An unknown placeholder is a validation error whose
 * field error names the part (`subject`, `text`, `html`) and, in `params.placeholder`, the name.
 */
export const MailTemplateInput = TemplateBody.extend({
  id: Id.nullish().transform((v) => v ?? null),
  name: requiredText(200),
}).superRefine((v, ctx) => {
  if (!v.text && !v.html) ctx.addIssue({ code: 'custom', path: ['text'], message: 'validation.required' });
});

/** Renders a saved template (`templateId`) or unsaved edits (`template`) for one contact. */
export const TemplatePreviewInput = z
  .object({
    templateId: Id.nullish().transform((v) => v ?? null),
    template: TemplateBody.nullish().transform((v) => v ?? null),
    contactId: Id,
    /** The sending account (for `{{account.*}}`); default the first account that can send. */
    accountId: Id.nullish().transform((v) => v ?? null),
  })
  .superRefine((v, ctx) => {
    if (!v.templateId && !v.template) ctx.addIssue({ code: 'custom', path: ['templateId'], message: 'validation.required' });
  });

export const TemplatePreview = z.object({
  /** The contact's first email address; null when it has none (a batch would skip it). */
  to: MailAddress.nullable(),
  subject: z.string(),
  text: z.string().nullable(),
  html: z.string().nullable(),
  /** Placeholders that came out empty for this contact (no fallback given). */
  emptyPlaceholders: z.array(z.string()),
});

export const SendBatchInput = z.object({
  accountId: Id,
  templateId: Id,
  contactIds: z.array(Id).min(1).max(1000),
  /** Mails per minute; the sender keeps at least 60000 / rate ms between two of them. */
  ratePerMinute: z.number().int().min(BATCH_RATE_MIN).max(BATCH_RATE_MAX).default(BATCH_RATE_DEFAULT),
  /** Append the account's signature to each mail. */
  includeSignature: z.boolean().default(true),
});

export const BatchSkip = z.object({
  contactId: Id,
  /** The contact's name, null when the contact does not exist (any more). */
  name: z.string().nullable(),
  /** noEmail: the contact has no email; notFound: deleted or no such contact; duplicateEmail: another contact of the list has the same address and gets the one mail. */
  reason: z.enum(['noEmail', 'notFound', 'duplicateEmail']),
});

export const BatchSummary = z.object({
  id: Id,
  accountId: Id,
  templateId: Id.nullable(),
  templateName: z.string().nullable(),
  ratePerMinute: z.number(),
  createdAt: EpochMs,
  canceledAt: EpochMs.nullable(),
  total: z.number(),
  counts: OutboxCounts,
});
export type BatchSummary = z.infer<typeof BatchSummary>;

/** A customer of a personalised send with its live contacts, primary first, for choosing who gets the mail. */
export const BatchCustomer = z.object({
  customerId: Id,
  code: z.string(),
  name: z.string(),
  contacts: z.array(
    z.object({
      id: Id,
      name: z.string(),
      title: z.string().nullable(),
      /** The first email address (what a batch sends to); null when the contact has none. */
      email: z.string().nullable(),
      isPrimary: z.boolean(),
    }),
  ),
});
export type BatchCustomer = z.infer<typeof BatchCustomer>;

/** The calls of sending mail; shaped like `contract`'s entries so they can be spread into it. */
export const mailSendCalls = {
  /** A draft to edit: new (optionally to a contact), reply, reply all or forward of a stored message. */
  'mail.compose': { input: ComposeInput, output: ComposeDraft },
  /** Queues a mail in the outbox (written before any network use) and wakes the sender; returns the entry. */
  'mail.send': { input: SendInput, output: OutboxRow },
  /** Outbox entries, newest first, with counts per status (for tabs and a badge). */
  'mail.listOutbox': {
    input: OutboxQuery,
    output: z.object({ total: z.number(), rows: z.array(OutboxRow), counts: OutboxCounts }),
  },
  /** One entry with its bodies. */
  'mail.getOutbox': { input: z.object({ id: Id }), output: OutboxDetail },
  /** "Retry" for a failed entry, "send now" for a queued one; refused (conflict) once sending or sent. */
  'mail.retryOutbox': { input: z.object({ id: Id }), output: OutboxRow },
  /** Removes a queued or failed entry, so it is never sent; refused (conflict) once sending or sent. */
  'mail.cancelOutbox': { input: z.object({ id: Id }), output: z.object({ count: z.number() }) },
  'mail.listTemplates': { input: z.object({}).default({}), output: z.array(MailTemplate) },
  'mail.saveTemplate': { input: MailTemplateInput, output: MailTemplate },
  /** Moves a template to the trash (soft delete); batches and sent mail keep their text. */
  'mail.removeTemplate': { input: z.object({ id: Id }), output: z.object({ count: z.number() }) },
  'mail.previewTemplate': { input: TemplatePreviewInput, output: TemplatePreview },
  /**
   * Queues one personalised mail per contact with an email, sent at `ratePerMinute`. Contacts
   * without an email (or deleted) are returned in `skipped`; when none is left the call fails
   * (validation) with a field error per contact (`contactIds.<i>`).
   */
  'mail.sendBatch': {
    input: SendBatchInput,
    output: z.object({ batch: BatchSummary, skipped: z.array(BatchSkip) }),
  },
  'mail.listBatches': {
    input: Page.extend({ accountId: Id.nullish() }),
    output: z.object({ total: z.number(), rows: z.array(BatchSummary) }),
  },
  /**
   * The contacts of customers picked for a personalised send (the customer list's selection),
   * in the order asked; deleted customers are left out.
   */
  'mail.batchRecipients': {
    input: z.object({ customerIds: z.array(Id).min(1).max(1000) }),
    output: z.array(BatchCustomer),
  },
  /** Stops a batch: its queued and failed mails are removed; what was sent stays sent. */
  'mail.cancelBatch': { input: z.object({ id: Id }), output: z.object({ count: z.number() }) },
} as const;
