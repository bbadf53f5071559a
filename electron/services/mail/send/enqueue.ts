import type { DbOrTx } from '../../../../db/database.ts';
import { detectMimeType } from 'nodemailer/lib/mime-funcs';
import type { z } from 'zod';
import type { MailAccountsTable, MailOutboxTable } from '../../../../db/tables/mail.tables.ts';
import type { AttachmentInput } from '../../../../shared/contract/mail-send.contract.ts';
import { fail, type FieldError } from '../../../../shared/contract/result.ts';
import type { ComposeKind } from '../../../../shared/domain/mail-enums.ts';
import { MAX_ATTACHMENT_BYTES } from '../../../../shared/domain/mail-outbox.ts';
import { newId } from '../../core/ids.ts';
import type { AttachmentStore } from '../store/attachment-store.ts';
import { accountById, attachmentById, firstSendingAccount } from './compose.queries.ts';
import type { StoredAddress, StoredAttachment } from './outbox-rows.ts';
import { insertOutboxRow } from './outbox.queries.ts';

/**
 * Putting a mail into the outbox: its attachments are copied into the content store first
 * (so the user may move or delete the originals), then one row is inserted. Nothing here
 * touches the network; the outbox worker (outbox-worker.ts) picks the row up.
 */

type AttachmentSpec = z.output<typeof AttachmentInput>;

/**
 * The account to send from: the one asked for (notFound when missing), else the first one
 * that has an outgoing server. Fails as data when it cannot send (no SMTP server, an archive).
 */
export async function sendingAccount(db: DbOrTx, accountId: string | null): Promise<MailAccountsTable> {
  const account = accountId ? await accountById(db, accountId) : await firstSendingAccount(db);
  if (!account) {
    if (accountId) fail('notFound', 'errors.mailAccountNotFound', { id: accountId });
    fail('validation', 'errors.mailNoSendingAccount');
  }
  if (account.kind !== 'imap' || !account.smtp_host) {
    fail('validation', 'errors.mailNoSmtp', { account: account.name }, [{ path: 'accountId', message: 'errors.mailNoSmtp', params: { account: account.name } }]);
  }
  return account;
}

const MB = 1024 * 1024;
const tooLarge = (): never =>
  fail('validation', 'errors.mailAttachmentsTooLarge', { max: MAX_ATTACHMENT_BYTES / MB }, [
    { path: 'attachments', message: 'errors.mailAttachmentsTooLarge', params: { max: MAX_ATTACHMENT_BYTES / MB } },
  ]);

/**
 * Reads every attachment (a local file, a stored message's attachment, or uploaded bytes)
 * into the attachment store. Fails as data, naming the attachment by its index, when a file
 * cannot be read or is gone, and when all together exceed MAX_ATTACHMENT_BYTES.
 */
export async function storeAttachments(db: DbOrTx, store: AttachmentStore, specs: readonly AttachmentSpec[]): Promise<StoredAttachment[]> {
  const out: StoredAttachment[] = [];
  const problems: FieldError[] = [];
  let total = 0;
  for (const [i, spec] of specs.entries()) {
    if ('attachmentId' in spec) {
      const a = await attachmentById(db, spec.attachmentId);
      if (!a || !store.has(a.sha256)) {
        problems.push({ path: `attachments.${i}`, message: 'errors.mailAttachmentNotFound' });
        continue;
      }
      total += a.size;
      if (total > MAX_ATTACHMENT_BYTES) tooLarge();
      out.push({ sha256: a.sha256, filename: a.filename, contentType: a.content_type, size: a.size, inline: a.inline === 1, contentId: a.content_id });
    } else {
      const content = Buffer.from(spec.contentBase64, 'base64');
      total += content.length;
      if (total > MAX_ATTACHMENT_BYTES) tooLarge();
      const blob = store.put(content);
      out.push({ sha256: blob.sha256, filename: spec.filename, contentType: spec.contentType || detectMimeType(spec.filename), size: blob.size, inline: false, contentId: null });
    }
  }
  if (problems.length > 0) fail('validation', problems[0]!.message, problems[0]!.params, problems);
  return out;
}

/** A Message-ID of our own, on the sender's domain as RFC 5322 suggests; fixed for every retry. */
export function newMessageId(fromAddress: string): string {
  const domain = fromAddress.slice(fromAddress.lastIndexOf('@') + 1) || 'tradefolio.local';
  return `${newId()}@${domain}`;
}

export interface QueuedMail {
  accountId: string;
  kind: ComposeKind;
  fromAddress: string;
  sourceMessageId: string | null;
  inReplyTo: string | null;
  references: readonly string[];
  to: readonly StoredAddress[];
  cc: readonly StoredAddress[];
  bcc: readonly StoredAddress[];
  subject: string;
  text: string | null;
  html: string | null;
  attachments: readonly StoredAttachment[];
  customerId: string | null;
  templateId: string | null;
  batchId: string | null;
  /** The quote the mail sends; null for other mail. */
  quoteId?: string | null;
  /** Not before this time (batch pacing spreads rows out). */
  notBefore: number;
}

const addresses = (list: readonly StoredAddress[]) => JSON.stringify(list.map((a) => ({ name: a.name ?? null, address: a.address })));

/** Inserts one queued row (inside the caller's transaction) and returns it. */
export async function enqueue(db: DbOrTx, mail: QueuedMail, now: number): Promise<MailOutboxTable> {
  const row: MailOutboxTable = {
    id: newId(),
    account_id: mail.accountId,
    status: 'queued',
    kind: mail.kind,
    message_id: newMessageId(mail.fromAddress),
    source_message_id: mail.sourceMessageId,
    in_reply_to: mail.inReplyTo,
    refs: mail.references.length > 0 ? mail.references.join(' ') : null,
    from_address: mail.fromAddress,
    to_json: addresses(mail.to),
    cc_json: addresses(mail.cc),
    bcc_json: addresses(mail.bcc),
    subject: mail.subject,
    text_body: mail.text,
    html_body: mail.html,
    attachments_json: JSON.stringify(mail.attachments),
    customer_id: mail.customerId,
    template_id: mail.templateId,
    batch_id: mail.batchId,
    quote_id: mail.quoteId ?? null,
    raw_sha256: null,
    attempts: 0,
    last_error: null,
    last_attempt_at: null,
    next_attempt_at: mail.notBefore,
    sent_at: null,
    sent_copy_at: null,
    created_at: now,
    updated_at: now,
  };
  await insertOutboxRow(db, row);
  return row;
}
