import type { MailAccountsTable, MailOutboxTable } from '../../../../db/tables/mail.tables.ts';
import { RETRIED_REASONS, retryDelay } from '../../../../shared/domain/mail-outbox.ts';
import { accountById } from './compose.queries.ts';
import { accountsWithDueMail, nextDueRow } from './outbox-due.queries.ts';
import { addressesOf, attachmentsOf, referencesOf, type StoredError } from './outbox-rows.ts';
import { claim, markAttemptFailed, markSent, outboxRow, postponeAccount, setRawSha } from './outbox.queries.ts';
import { serverFilesSent } from './sent-folder.ts';
import { buildMime, classifySmtpError, sendRaw, withoutBcc, type SendFailure } from './smtp-client.ts';
import type { OutboxWorkerDeps, WorkerState } from './worker-context.ts';

/**
 * The worker's delivery step: per account, in parallel across accounts, it claims the due
 * queued rows one at a time and hands each to the SMTP server, recording the outcome.
 *
 * Nothing is sent twice by a retry: a row is handed to SMTP only after its claim (queued →
 * sending) succeeded, and the bytes are built once and stored (raw_sha256), so a retry after
 * a network error sends the identical message with the identical Message-ID.
 */

/** A send that cannot go on, with the reason to record. */
class SendStop extends Error {
  readonly failure: SendFailure;
  constructor(failure: SendFailure) {
    super(failure.detail);
    this.failure = failure;
  }
}

const stop = (reason: SendFailure['reason'], detail = ''): SendStop => new SendStop({ reason, detail, responseCode: null, recipients: [] });

/** The row's MIME: the bytes stored at the first attempt, else built now and stored for every retry. */
async function rawFor(deps: OutboxWorkerDeps, row: MailOutboxTable, from: MailAccountsTable): Promise<Buffer> {
  const { stores, clock } = deps;
  if (row.raw_sha256 && stores.raw.has(row.raw_sha256)) return stores.raw.read(row.raw_sha256);
  const attachments = attachmentsOf(row.attachments_json).map((a) => {
    if (!stores.attachments.has(a.sha256)) throw stop('attachmentMissing', a.filename ?? a.sha256);
    return { filename: a.filename, contentType: a.contentType, content: stores.attachments.read(a.sha256), inline: a.inline, contentId: a.contentId };
  });
  const raw = await buildMime({
    messageId: row.message_id,
    // The first attempt's time: a retry sends the same bytes, Date included.
    date: new Date(row.last_attempt_at ?? clock.now()),
    from: { name: from.display_name, address: row.from_address },
    to: addressesOf(row.to_json),
    cc: addressesOf(row.cc_json),
    bcc: addressesOf(row.bcc_json),
    subject: row.subject,
    text: row.text_body,
    html: row.html_body,
    inReplyTo: row.in_reply_to,
    references: referencesOf(row.refs),
    attachments,
  });
  const blob = stores.raw.put(raw);
  await deps.db.transaction().execute((trx) => setRawSha(trx, row.id, blob.sha256, clock.now()));
  return raw;
}

/** Hands the row to the account's SMTP server; a partial rejection comes back as a warning to keep. */
async function transmit(deps: OutboxWorkerDeps, row: MailOutboxTable): Promise<{ account: MailAccountsTable; warning: StoredError | null }> {
  const account = await accountById(deps.db, row.account_id);
  if (!account || !account.smtp_host || !account.smtp_port || !account.smtp_user) throw stop('notConfigured');
  const password = deps.password(account.id, 'smtp') ?? deps.password(account.id, 'imap');
  if (password === null) throw stop('noPassword');
  const raw = await rawFor(deps, row, account);
  const recipients = [...addressesOf(row.to_json), ...addressesOf(row.cc_json), ...addressesOf(row.bcc_json)].map((a) => a.address);
  let result;
  try {
    result = await sendRaw(
      { host: account.smtp_host, port: account.smtp_port, security: account.smtp_security ?? 'tls', user: account.smtp_user, password },
      { from: row.from_address, to: [...new Set(recipients)] },
      withoutBcc(raw),
      deps.smtpTimeoutMs ? { timeoutMs: deps.smtpTimeoutMs } : {},
    );
  } catch (err) {
    throw new SendStop(classifySmtpError(err));
  }
  const warning: StoredError | null =
    result.rejected.length > 0
      ? { reason: 'partiallyRejected', detail: result.rejectedDetail || result.response, responseCode: null, recipients: result.rejected, at: deps.clock.now() }
      : null;
  return { account, warning };
}

/** Records a failed attempt: queued again later for a passing trouble, else failed with the reason. */
async function recordFailure(deps: OutboxWorkerDeps, row: MailOutboxTable, err: unknown): Promise<void> {
  const failure: SendFailure =
    err instanceof SendStop ? err.failure : { reason: 'unknown', detail: err instanceof Error ? err.message : String(err), responseCode: null, recipients: [] };
  const delay = RETRIED_REASONS.has(failure.reason) ? retryDelay(failure.reason, row.attempts) : null;
  const now = deps.clock.now();
  const retryAt = delay === null ? null : now + delay;
  await deps.db.transaction().execute(async (trx) => {
    await markAttemptFailed(trx, row.id, now, { ...failure, at: now }, retryAt);
    // The server is unreachable for every mail of this account: the others wait too,
    // rather than each spending a connection timeout in this pass.
    if (failure.reason === 'offline' && retryAt !== null) await postponeAccount(trx, row.account_id, retryAt, now);
  });
  deps.log.warn('mail.send.failed', { outboxId: row.id, reason: failure.reason, detail: failure.detail, attempts: row.attempts, retryInMs: delay });
}

/** Sends one claimed row and records the outcome; a failed send is recorded, not thrown, so no row stays 'sending'. */
async function sendClaimed(deps: OutboxWorkerDeps, state: WorkerState, id: string): Promise<void> {
  const row = await outboxRow(deps.db, id);
  if (!row) return;
  try {
    const { account, warning } = await transmit(deps, row);
    await deps.db.transaction().execute((trx) => markSent(trx, id, deps.clock.now(), warning, serverFilesSent(account.provider)));
    state.freshlySent.add(account.id);
    deps.log.info('mail.send.sent', { outboxId: id, accountId: account.id, attempts: row.attempts });
  } catch (err) {
    await recordFailure(deps, row, err);
  } finally {
    deps.emit('data.changed', { entities: ['mailOutbox'] });
  }
}

/** Sends the account's due rows one after another until none is due (or the worker closes). */
async function sendDueOfAccount(deps: OutboxWorkerDeps, state: WorkerState, accountId: string): Promise<void> {
  for (;;) {
    if (state.closed) return;
    const id = await nextDueRow(deps.db, accountId, deps.clock.now());
    if (!id) return;
    const claimed = await deps.db.transaction().execute((trx) => claim(trx, id, deps.clock.now()));
    if (!claimed) continue;
    deps.emit('data.changed', { entities: ['mailOutbox'] });
    state.inFlight.add(id);
    try {
      await sendClaimed(deps, state, id);
    } finally {
      state.inFlight.delete(id);
    }
  }
}

/** One connection's worth of sending per account at a time; accounts do not wait for each other. */
export async function sendDue(deps: OutboxWorkerDeps, state: WorkerState): Promise<void> {
  const accounts = await accountsWithDueMail(deps.db, deps.clock.now());
  await Promise.all(accounts.map((accountId) => sendDueOfAccount(deps, state, accountId)));
}
