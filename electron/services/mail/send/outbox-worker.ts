import type { Db } from '../../../../db/database.ts';
import type { Emit } from '../../core/events.ts';
import type { IdInfoObject } from 'imapflow';
import type { MailAccountsTable, MailOutboxTable } from '../../../../db/tables/mail.tables.ts';
import { batchInterval, retryDelay, RETRIED_REASONS } from '../../../../shared/domain/mail-outbox.ts';
import type { Clock } from '../../core/clock.ts';
import type { Logger } from '../../core/logger.ts';
import type { AttachmentStore } from '../store/attachment-store.ts';
import { parseMail } from '../store/mail-parse.ts';
import { flagColumns, insertMessages, storeContent } from '../store/message-writer.ts';
import { addressesOf, attachmentsOf, claim, markAttemptFailed, markSent, referencesOf, type StoredError } from './outbox-store.ts';
import { closeImap, connectImap, errorText, ownAddressesOf } from '../sync/imap-connection.ts';
import { addFlag, appendMessage, findSentFolder, folderHasMessage, serverFilesSent } from './sent-copy.ts';
import { buildMime, classifySmtpError, sendRaw, withoutBcc, type SendFailure } from './smtp-send.ts';

export interface OutboxSenderDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  stores: { raw: AttachmentStore; attachments: AttachmentStore };
  /** The stored password of an account's server, or null. */
  password(accountId: string, server: 'imap' | 'smtp'): string | null;
  emit: Emit;
  clientInfo: IdInfoObject;
  smtpTimeoutMs?: number;
  /** Longest sleep between passes when nothing is due sooner (a safety net, and the Sent-copy retry). */
  idlePollMs?: number;
}

/** A Sent copy that failed is tried again after this long (or at once after the next send). */
const COPY_RETRY_MS = 2 * 60_000;
/** Sent copies older than this are no longer attempted: the mail went out, the copy is lost. */
const COPY_MAX_AGE_MS = 7 * 86_400_000;
/** A send never takes longer than this (SMTP socket timeout plus margin); a row 'sending' longer was cut off. */
const ORPHAN_AFTER_MS = 5 * 60_000;
/** Shortest sleep between passes, so a burst of kicks or a due row never spins the CPU. */
const MIN_SLEEP_MS = 20;

class SendStop extends Error {
  readonly failure: SendFailure;
  constructor(failure: SendFailure) {
    super(failure.detail);
    this.failure = failure;
  }
}

/**
 * The background sender. One pass:
 *  1. settles rows left in 'sending' by a crash (or by another process that died) — see
 *     reconcileInterrupted;
 *  2. per account, in parallel across accounts, sends due queued rows one at a time, keeping
 *     each batch's mails at least 60000 / rate ms apart (measured from the previous attempt
 *     stored in the database, so the pace survives a restart);
 *  3. per account, one IMAP connection appends the sent mails that have no Sent copy yet.
 * Then it sleeps until the next row is due (or `idlePollMs`); kick() wakes it at once.
 *
 * Nothing is sent twice by a retry: a row is handed to SMTP only after its claim (queued →
 * sending) succeeded, and the bytes are built once and stored (raw_sha256), so a retry after
 * a network error sends the identical message with the identical Message-ID.
 */
export function createOutboxSender(deps: OutboxSenderDeps) {
  const { db, clock, log, stores } = deps;
  const idlePollMs = deps.idlePollMs ?? 60_000;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let closed = false;
  /** Rows this process is sending right now; any other 'sending' row is someone else's or orphaned. */
  const inFlight = new Set<string>();
  /** Accounts that sent something this pass: their Sent copies are due now, whatever the retry timer says. */
  const freshlySent = new Set<string>();
  const copyFailedAt = new Map<string, number>();

  const account = (id: string) => db.selectFrom('mail_accounts').selectAll().where('id', '=', id).executeTakeFirst();

  /* ---------- building the message ---------- */

  async function rawFor(row: MailOutboxTable, from: MailAccountsTable): Promise<Buffer> {
    if (row.raw_sha256 && stores.raw.has(row.raw_sha256)) return stores.raw.read(row.raw_sha256);
    const attachments = attachmentsOf(row.attachments_json).map((a) => {
      if (!stores.attachments.has(a.sha256)) {
        throw new SendStop({ reason: 'attachmentMissing', detail: a.filename ?? a.sha256, responseCode: null, recipients: [] });
      }
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
    await db.transaction().execute((trx) => trx.updateTable('mail_outbox').set({ raw_sha256: blob.sha256, updated_at: clock.now() }).where('id', '=', row.id).execute());
    return raw;
  }

  /* ---------- one send ---------- */

  const storedError = (f: SendFailure): StoredError => ({ ...f, at: clock.now() });

  /** Sends one claimed row and records the outcome; a failed send is recorded, not thrown, so no row stays 'sending'. */
  async function sendClaimed(id: string): Promise<void> {
    const row = await db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return;
    try {
      const acc = await account(row.account_id);
      if (!acc || !acc.smtp_host || !acc.smtp_port || !acc.smtp_user) {
        throw new SendStop({ reason: 'notConfigured', detail: '', responseCode: null, recipients: [] });
      }
      const password = deps.password(acc.id, 'smtp') ?? deps.password(acc.id, 'imap');
      if (password === null) throw new SendStop({ reason: 'noPassword', detail: '', responseCode: null, recipients: [] });
      const raw = await rawFor(row, acc);
      const recipients = [...addressesOf(row.to_json), ...addressesOf(row.cc_json), ...addressesOf(row.bcc_json)].map((a) => a.address);
      let result;
      try {
        result = await sendRaw(
          { host: acc.smtp_host, port: acc.smtp_port, security: acc.smtp_security ?? 'tls', user: acc.smtp_user, password },
          { from: row.from_address, to: [...new Set(recipients)] },
          withoutBcc(raw),
          deps.smtpTimeoutMs ? { timeoutMs: deps.smtpTimeoutMs } : {},
        );
      } catch (err) {
        throw new SendStop(classifySmtpError(err));
      }
      const warning: StoredError | null =
        result.rejected.length > 0
          ? { reason: 'partiallyRejected', detail: result.rejectedDetail || result.response, responseCode: null, recipients: result.rejected, at: clock.now() }
          : null;
      await db.transaction().execute((trx) => markSent(trx, id, clock.now(), warning, serverFilesSent(acc.provider)));
      freshlySent.add(acc.id);
      log.info('mail.send.sent', { outboxId: id, accountId: acc.id, attempts: row.attempts });
    } catch (err) {
      const failure: SendFailure =
        err instanceof SendStop ? err.failure : { reason: 'unknown', detail: err instanceof Error ? err.message : String(err), responseCode: null, recipients: [] };
      const delay = RETRIED_REASONS.has(failure.reason) ? retryDelay(failure.reason, row.attempts) : null;
      const now = clock.now();
      const retryAt = delay === null ? null : now + delay;
      await db.transaction().execute(async (trx) => {
        await markAttemptFailed(trx, id, now, storedError(failure), retryAt);
        if (failure.reason === 'offline' && retryAt !== null) {
          // The server is unreachable for every mail of this account: the others wait too,
          // rather than each spending a connection timeout in this pass.
          await trx
            .updateTable('mail_outbox')
            .set({ next_attempt_at: retryAt, updated_at: now })
            .where('account_id', '=', row.account_id)
            .where('status', '=', 'queued')
            .where('next_attempt_at', '<', retryAt)
            .execute();
        }
      });
      log.warn('mail.send.failed', { outboxId: id, reason: failure.reason, detail: failure.detail, attempts: row.attempts, retryInMs: delay });
    } finally {
      deps.emit('data.changed', { entities: ['mailOutbox'] });
    }
  }

  /* ---------- choosing what is due ---------- */

  /** When each of these batches may send its next mail: the last attempt plus the batch interval. */
  async function batchAllowedAt(batchIds: readonly string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    if (batchIds.length === 0) return out;
    const rows = await db
      .selectFrom('mail_send_batches as b')
      .leftJoin('mail_outbox as o', 'o.batch_id', 'b.id')
      .select((eb) => ['b.id', 'b.rate_per_minute', eb.fn.max('o.last_attempt_at').as('last')])
      .where('b.id', 'in', [...batchIds])
      .groupBy('b.id')
      .execute();
    for (const r of rows) out.set(r.id, r.last === null ? 0 : Number(r.last) + batchInterval(r.rate_per_minute));
    return out;
  }

  /** The next row of this account that may go now, honouring batch pacing; null when none. */
  async function nextDue(accountId: string): Promise<string | null> {
    const now = clock.now();
    const candidates = await db
      .selectFrom('mail_outbox')
      .select(['id', 'batch_id'])
      .where('account_id', '=', accountId)
      .where('status', '=', 'queued')
      .where('next_attempt_at', '<=', now)
      .orderBy('next_attempt_at')
      .orderBy('created_at')
      .limit(200)
      .execute();
    const allowed = await batchAllowedAt([...new Set(candidates.map((c) => c.batch_id).filter((b): b is string => b !== null))]);
    return candidates.find((c) => c.batch_id === null || (allowed.get(c.batch_id) ?? 0) <= now)?.id ?? null;
  }

  async function sendDue(): Promise<void> {
    const accounts = await db
      .selectFrom('mail_outbox')
      .select('account_id')
      .distinct()
      .where('status', '=', 'queued')
      .where('next_attempt_at', '<=', clock.now())
      .execute();
    // One connection's worth of sending per account at a time; accounts do not wait for each other.
    await Promise.all(
      accounts.map(async ({ account_id }) => {
        for (;;) {
          if (closed) return;
          const id = await nextDue(account_id);
          if (!id) return;
          const claimed = await db.transaction().execute((trx) => claim(trx, id, clock.now()));
          if (claimed) {
            deps.emit('data.changed', { entities: ['mailOutbox'] });
            inFlight.add(id);
            try {
              await sendClaimed(id);
            } finally {
              inFlight.delete(id);
            }
          }
        }
      }),
    );
  }

  /** When the next queued row becomes sendable (its time and its batch's pace), or null. */
  async function nextWakeAt(): Promise<number | null> {
    const rows = await db
      .selectFrom('mail_outbox')
      .select((eb) => ['batch_id', eb.fn.min('next_attempt_at').as('first')])
      .where('status', '=', 'queued')
      .groupBy('batch_id')
      .execute();
    if (rows.length === 0) return null;
    const allowed = await batchAllowedAt(rows.map((r) => r.batch_id).filter((b): b is string => b !== null));
    let wake = Infinity;
    for (const r of rows) wake = Math.min(wake, Math.max(Number(r.first), r.batch_id ? (allowed.get(r.batch_id) ?? 0) : 0));
    return Number.isFinite(wake) ? wake : null;
  }

  /* ---------- the Sent copy ---------- */

  /**
   * Puts sent mails into the account's Sent folder over one IMAP connection, and into the
   * local database under that folder with the UID the server gave (APPENDUID), so the mail
   * shows in the customer's folder at once and the next sync, finding that UID stored,
   * does not add it again. Without a UID (no UIDPLUS) or with no local Sent folder yet, only
   * the server copy is made and the next sync brings it in. A mail already in Sent (the
   * server filed it itself, or we did before a crash) is not appended twice. A sync of the
   * Sent folder running at that very moment may count the new row as extra and remove it;
   * its next pass fetches it back — briefly missing, never doubled.
   */
  async function copyToSent(accountId: string, rows: readonly MailOutboxTable[]): Promise<void> {
    const acc = await account(accountId);
    const password = acc ? deps.password(acc.id, 'imap') : null;
    if (!acc || acc.kind !== 'imap' || !acc.imap_host || password === null) return;
    let client;
    try {
      client = await connectImap(acc, password, { clientInfo: deps.clientInfo, log, errorEvent: 'mail.send.imapError', socketTimeoutMs: 2 * 60_000 });
    } catch (err) {
      copyFailedAt.set(accountId, clock.now());
      log.warn('mail.send.sentCopyFailed', { accountId, error: errorText(err) });
      return;
    }
    try {
      const folder = await findSentFolder(client, db, accountId);
      if (!folder) {
        copyFailedAt.set(accountId, clock.now());
        log.warn('mail.send.noSentFolder', { accountId });
        return;
      }
      for (const row of rows) {
        if (closed) return;
        const raw = row.raw_sha256 && stores.raw.has(row.raw_sha256) ? stores.raw.read(row.raw_sha256) : null;
        if (!raw) {
          // Sent, but its bytes are gone from the store: nothing to copy; stop trying.
          await markCopied(row.id);
          continue;
        }
        if (await folderHasMessage(client, folder.path, row.message_id)) {
          await markCopied(row.id);
          continue;
        }
        const { uid } = await appendMessage(client, folder.path, raw, new Date(row.sent_at ?? clock.now()));
        await storeLocalCopy(acc, row, raw, folder.folderId, uid);
        await markSourceAnswered(client, row);
      }
      copyFailedAt.delete(accountId);
    } catch (err) {
      copyFailedAt.set(accountId, clock.now());
      log.warn('mail.send.sentCopyFailed', { accountId, error: errorText(err) });
    } finally {
      await closeImap(client);
      deps.emit('data.changed', { entities: ['mailOutbox', 'mailMessages', 'customers'] });
    }
  }

  const markCopied = (id: string) =>
    db.transaction().execute((trx) => trx.updateTable('mail_outbox').set({ sent_copy_at: clock.now(), updated_at: clock.now() }).where('id', '=', id).execute());

  async function storeLocalCopy(acc: MailAccountsTable, row: MailOutboxTable, raw: Buffer, folderId: string | null, uid: number | null): Promise<void> {
    const now = clock.now();
    const prepared = folderId !== null && uid !== null ? storeContent(stores, { uid, raw, parsed: await parseMail(raw), receivedAt: now, flags: ['\\Seen'] }) : null;
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('mail_outbox').set({ sent_copy_at: now, updated_at: now }).where('id', '=', row.id).execute();
      if (!prepared || folderId === null) return;
      const [messageId] = await insertMessages(trx, { folderId, specialUse: 'sent', accountId: acc.id, ownAddresses: ownAddressesOf(acc) }, [prepared], now);
      if (!messageId || !row.customer_id) return;
      // Written from a customer's page: file it there even if no address matched a contact.
      const customer = await trx.selectFrom('customers').select('id').where('id', '=', row.customer_id).where('deleted_at', 'is', null).executeTakeFirst();
      const msg = await trx.selectFrom('mail_messages').select(['date_at', 'direction']).where('id', '=', messageId).executeTakeFirstOrThrow();
      const to = addressesOf(row.to_json)[0] ?? addressesOf(row.cc_json)[0] ?? addressesOf(row.bcc_json)[0];
      if (customer && to) {
        await trx
          .insertInto('mail_message_customers')
          .values({ message_id: messageId, customer_id: customer.id, contact_id: null, match: 'manual', address: to.address.toLowerCase(), date_at: msg.date_at, direction: msg.direction })
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
    });
  }

  /** Marks the replied-to message \Answered (a forwarded one $Forwarded), on the server and here. Best effort. */
  async function markSourceAnswered(client: Awaited<ReturnType<typeof connectImap>>, row: MailOutboxTable): Promise<void> {
    if (!row.source_message_id || row.kind === 'new') return;
    const source = await db
      .selectFrom('mail_messages as m')
      .innerJoin('mail_folders as f', 'f.id', 'm.folder_id')
      .select(['m.id', 'm.uid', 'm.flags', 'f.path'])
      .where('m.id', '=', row.source_message_id)
      .where('m.account_id', '=', row.account_id)
      .executeTakeFirst();
    if (!source || source.uid === null) return;
    const flag = row.kind === 'forward' ? '$Forwarded' : '\\Answered';
    try {
      if (!(await addFlag(client, source.path, source.uid, flag))) return;
      let flags: string[] = [];
      try {
        flags = JSON.parse(source.flags) as string[];
      } catch {
        // Unreadable flags: the next sync rewrites them from the server.
      }
      await db.transaction().execute((trx) =>
        trx.updateTable('mail_messages').set({ ...flagColumns([...flags, flag]), updated_at: clock.now() }).where('id', '=', source.id).execute(),
      );
    } catch (err) {
      log.warn('mail.send.flagFailed', { outboxId: row.id, error: errorText(err) });
    }
  }

  async function copyPending(): Promise<void> {
    const now = clock.now();
    const rows = await db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('status', '=', 'sent')
      .where('sent_copy_at', 'is', null)
      .where('sent_at', '>=', now - COPY_MAX_AGE_MS)
      .orderBy('sent_at')
      .execute();
    const byAccount = new Map<string, MailOutboxTable[]>();
    for (const r of rows) byAccount.set(r.account_id, [...(byAccount.get(r.account_id) ?? []), r]);
    await Promise.all(
      [...byAccount].map(async ([accountId, list]) => {
        const failedAt = copyFailedAt.get(accountId);
        if (!freshlySent.has(accountId) && failedAt !== undefined && now - failedAt < COPY_RETRY_MS) return;
        await copyToSent(accountId, list);
      }),
    );
    freshlySent.clear();
  }

  /* ---------- after a crash ---------- */

  /**
   * A row in 'sending' that no worker of this process holds and whose attempt began longer ago
   * than a send normally takes (ORPHAN_AFTER_MS) was cut off mid-send by a crash or a killed
   * process: the server may or may not have taken the mail. (The wait leaves alone a second
   * app process on the same data folder that is still sending it; a single send of a huge
   * attachment over a slow line lasting longer than that is the one case this misjudges.)
   *
   * If the mail is in the account's Sent folder (servers that file sent mail themselves, or a
   * copy we made), it went out: 'sent'. Otherwise it is NOT sent again automatically — a
   * customer receiving the same offer twice is worse than the user pressing "retry" on a mail
   * marked 'interrupted' — so the row becomes 'failed' with that reason, and the retry button
   * sends the same bytes with the same Message-ID (receiving servers that de-duplicate by
   * Message-ID drop a second copy). At most once by itself, at least once on request.
   */
  async function reconcileInterrupted(): Promise<void> {
    const rows = await db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('status', '=', 'sending')
      .where((eb) => eb.or([eb('last_attempt_at', 'is', null), eb('last_attempt_at', '<', clock.now() - ORPHAN_AFTER_MS)]))
      .execute();
    for (const row of rows) {
      if (inFlight.has(row.id)) continue;
      let found = false;
      let detail = '';
      const acc = await account(row.account_id);
      const password = acc ? deps.password(acc.id, 'imap') : null;
      if (acc && acc.kind === 'imap' && acc.imap_host && password !== null) {
        try {
          const client = await connectImap(acc, password, { clientInfo: deps.clientInfo, log, errorEvent: 'mail.send.imapError', socketTimeoutMs: 2 * 60_000 });
          try {
            const folder = await findSentFolder(client, db, acc.id);
            found = folder !== null && (await folderHasMessage(client, folder.path, row.message_id));
          } finally {
            await closeImap(client);
          }
        } catch (err) {
          detail = errorText(err);
        }
      }
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        if (found) {
          await trx
            .updateTable('mail_outbox')
            .set({ status: 'sent', sent_at: row.last_attempt_at ?? now, sent_copy_at: now, last_error: null, updated_at: now })
            .where('id', '=', row.id)
            .where('status', '=', 'sending')
            .execute();
        } else {
          await markAttemptFailed(trx, row.id, now, { reason: 'interrupted', detail, responseCode: null, recipients: [], at: now }, null);
        }
      });
      log.warn('mail.send.interrupted', { outboxId: row.id, foundInSent: found });
    }
    if (rows.length > 0) deps.emit('data.changed', { entities: ['mailOutbox'] });
  }

  /* ---------- the loop ---------- */

  async function pass(): Promise<void> {
    await reconcileInterrupted();
    await sendDue();
    if (!closed) await copyPending();
  }

  async function schedule(): Promise<void> {
    if (closed) return;
    const wake = await nextWakeAt();
    const delay = wake === null ? idlePollMs : Math.min(Math.max(wake - clock.now(), MIN_SLEEP_MS), idlePollMs);
    if (closed) return;
    timer = setTimeout(kick, delay);
    // Never keep a CLI process alive just to look at an empty outbox.
    timer.unref();
  }

  /** Runs a pass now, or once more right after the current one. */
  function kick(): void {
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    if (timer) clearTimeout(timer);
    timer = null;
    running = (async () => {
      do {
        again = false;
        try {
          await pass();
        } catch (err) {
          log.error('mail.send.passFailed', { error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
        }
      } while (again && !closed);
      await schedule().catch(() => {
        // Only when the database is closing, and then close() is on its way.
      });
    })().finally(() => {
      running = null;
      // A kick that came while the timer was being set must not wait for the timer.
      if (again && !closed) kick();
    });
  }

  return {
    kick,
    /** Resolves when the current pass (if any) has finished. */
    async whenIdle(): Promise<void> {
      while (running) await running;
    },
    /** Stops the loop and waits for a send in flight to finish (its outcome is recorded). */
    async close(): Promise<void> {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      while (running) await running;
    },
  };
}

export type OutboxSender = ReturnType<typeof createOutboxSender>;
