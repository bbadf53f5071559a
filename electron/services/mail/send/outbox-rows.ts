import type { MailOutboxTable } from '../../../../db/tables/mail.tables.ts';
import type { OutboxDetail, OutboxError, OutboxRow } from '../../../../shared/contract/mail-send.contract.ts';
import type { OutboxStatus } from '../../../../shared/domain/mail-enums.ts';
import { snippetOf } from '../../../../shared/domain/mail-message.ts';
import { OUTBOX_ERROR_REASONS, type OutboxErrorReason } from '../../../../shared/domain/mail-outbox.ts';
import { htmlToText } from './drafts.ts';
import { parseJson } from '../../core/json-column.ts';

/**
 * An outbox row's JSON columns (addresses, attachments, the last error) and its shape in the
 * contract. No SQL: the table's queries are in outbox.queries.ts.
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
