import type { Database, DbOrTx } from '../../../../db/database.ts';
import type { SelectQueryBuilder } from 'kysely';
import type { MailOutboxTable } from '../../../../db/tables/mail.tables.ts';
import type { OutboxDetail, OutboxError, OutboxRow } from '../../../../shared/contract/mail-send.contract.ts';
import type { OutboxStatus } from '../../../../shared/domain/mail-enums.ts';
import { snippetOf } from '../../../../shared/domain/mail-message.ts';
import { OUTBOX_ERROR_REASONS, type OutboxErrorReason } from '../../../../shared/domain/mail-outbox.ts';
import { htmlToText } from './message-compose.ts';
import { parseJson } from '../../core/json-column.ts';

/**
 * The outbox table's rows and their state changes. Every change is one UPDATE guarded by the
 * status it expects (`WHERE status = 'queued'` to claim, `'sending'` to finish), so two
 * workers, a retry click and a cancel can never both win: a mail is handed to the SMTP server
 * only by the one worker whose claim changed the row.
 */


/** An attachment copied into the content store when the mail was queued (attachments_json). */
export interface StoredAttachment {
  sha256: string;
  filename: string | null;
  contentType: string;
  size: number;
  inline: boolean;
  contentId: string | null;
}

export interface StoredAddress {
  name: string | null;
  address: string;
}

/** What last_error holds (JSON): the reason in our terms and the server's words verbatim. */
export interface StoredError {
  reason: OutboxErrorReason;
  detail: string;
  responseCode: number | null;
  recipients: string[];
  at: number;
}


export function addressesOf(json: string): StoredAddress[] {
  return parseJson<StoredAddress[]>(json, []).filter((a) => a && typeof a.address === 'string');
}

export function attachmentsOf(json: string): StoredAttachment[] {
  return parseJson<StoredAttachment[]>(json, []).filter((a) => a && typeof a.sha256 === 'string');
}

export function referencesOf(refs: string | null): string[] {
  return refs ? refs.split(' ').filter(Boolean) : [];
}

export function errorOf(json: string | null): OutboxError | null {
  const e = parseJson<Partial<StoredError> | null>(json, null);
  if (!e || typeof e !== 'object') return null;
  const reason: OutboxErrorReason = OUTBOX_ERROR_REASONS.includes(e.reason as OutboxErrorReason) ? (e.reason as OutboxErrorReason) : 'unknown';
  return {
    reason,
    message: `mail.outbox.errors.${reason}`,
    detail: typeof e.detail === 'string' ? e.detail : '',
    responseCode: typeof e.responseCode === 'number' ? e.responseCode : null,
    recipients: Array.isArray(e.recipients) ? e.recipients.map(String) : [],
    at: typeof e.at === 'number' ? e.at : 0,
  };
}

const editable = (status: OutboxStatus) => status === 'queued' || status === 'failed';

export function toOutboxRow(row: MailOutboxTable): OutboxRow {
  return {
    id: row.id,
    accountId: row.account_id,
    status: row.status,
    kind: row.kind,
    messageId: row.message_id,
    sourceMessageId: row.source_message_id,
    customerId: row.customer_id,
    templateId: row.template_id,
    batchId: row.batch_id,
    fromAddress: row.from_address,
    to: addressesOf(row.to_json),
    cc: addressesOf(row.cc_json),
    bcc: addressesOf(row.bcc_json),
    subject: row.subject,
    snippet: snippetOf(row.text_body ?? (row.html_body ? htmlToText(row.html_body) : null)),
    attachments: attachmentsOf(row.attachments_json).map((a) => ({ filename: a.filename, contentType: a.contentType, size: a.size, inline: a.inline })),
    attempts: row.attempts,
    lastError: errorOf(row.last_error),
    lastAttemptAt: row.last_attempt_at,
    nextAttemptAt: row.next_attempt_at,
    sentAt: row.sent_at,
    sentCopyAt: row.sent_copy_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    canRetry: editable(row.status),
    canCancel: editable(row.status),
  };
}

export function toOutboxDetail(row: MailOutboxTable): OutboxDetail {
  return { ...toOutboxRow(row), text: row.text_body, html: row.html_body, inReplyTo: row.in_reply_to, references: referencesOf(row.refs) };
}

export async function outboxRow(db: DbOrTx, id: string): Promise<MailOutboxTable | undefined> {
  return db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

/** queued → sending, counting the attempt. False when someone else changed the row first. */
export async function claim(db: DbOrTx, id: string, now: number): Promise<boolean> {
  const res = await db
    .updateTable('mail_outbox')
    .set((eb) => ({ status: 'sending', attempts: eb('attempts', '+', 1), last_attempt_at: now, updated_at: now }))
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .where('next_attempt_at', '<=', now)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** sending → sent. `warning` keeps a partial rejection visible; `copied` when the server files its own copy (Gmail). */
export async function markSent(db: DbOrTx, id: string, now: number, warning: StoredError | null, copied: boolean): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({ status: 'sent', sent_at: now, last_error: warning ? JSON.stringify(warning) : null, updated_at: now, ...(copied ? { sent_copy_at: now } : {}) })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .execute();
}

/** sending → queued again after `delay` (network trouble, 4xx), or → failed with the server's reason. */
export async function markAttemptFailed(db: DbOrTx, id: string, now: number, error: StoredError, retryAt: number | null): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({
      status: retryAt === null ? 'failed' : 'queued',
      last_error: JSON.stringify(error),
      ...(retryAt === null ? {} : { next_attempt_at: retryAt }),
      updated_at: now,
    })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- Kysely's type for "no columns selected yet"
type CountQuery = SelectQueryBuilder<Database, 'mail_outbox', {}>;

/** Outbox entries per status, for tabs and a badge; `filter` narrows them like the list does. */
export async function outboxCounts(db: DbOrTx, filter: (q: CountQuery) => CountQuery = (q) => q): Promise<Record<OutboxStatus, number>> {
  const rows = await filter(db.selectFrom('mail_outbox'))
    .select((eb) => ['status', eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  const counts: Record<OutboxStatus, number> = { queued: 0, sending: 0, sent: 0, failed: 0 };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}
