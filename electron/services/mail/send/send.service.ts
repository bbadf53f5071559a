import type { Db, DbOrTx } from '../../../../db/database.ts';
import type { Emit } from '../../core/events.ts';
import type { IdInfoObject } from 'imapflow';
import type { z } from 'zod';
import type { mailSendCalls } from '../../../../shared/contract/mail-send.contract.ts';
import { fail } from '../../../../shared/contract/result.ts';
import { normalizeMessageId } from '../../../../shared/domain/mail-message.ts';
import type { Clock } from '../../core/clock.ts';
import type { Logger } from '../../core/logger.ts';
import type { AttachmentStore } from '../store/attachment-store.ts';
import type { MailStores } from '../store/mail-stores.ts';
import { createBatchHandlers } from './batches.service.ts';
import { composeDraft } from './compose.service.ts';
import { isLiveCustomer, isMessageOfAccount } from './compose.queries.ts';
import { isLiveQuote } from './quote-mailed.queries.ts';
import { enqueue, sendingAccount, storeAttachments } from './enqueue.ts';
import { toOutboxDetail, toOutboxRow } from './outbox-rows.ts';
import { createOutboxWorker } from './outbox-worker.ts';
import { deleteEditable, outboxCounts, outboxPage, outboxRow, requeue } from './outbox.queries.ts';
import { createTemplateHandlers } from './templates.service.ts';

/**
 * The send room's service: the handlers of every call of mail-send.contract.ts (compose, the
 * outbox, templates and batches), and the outbox worker that delivers what they queue. Wired
 * next to the mail service in the app core; close() before the database closes.
 *
 *   send.service.ts      the outbox calls, and the wiring          (this file)
 *   compose.service.ts   mail.compose — drafts from drafts.ts (pure)
 *   templates.service.ts / batches.service.ts   templates and personalised sends
 *   enqueue.ts           putting a mail into the outbox
 *   outbox-worker.ts     the loop: interrupted-sends.ts, delivery.ts (SMTP, smtp-client.ts),
 *                        copy-to-sent.ts (IMAP, sent-folder.ts)
 *   *.queries.ts         all of the room's SQL
 */

type Calls = typeof mailSendCalls;
export type MailSendCallKey = keyof Calls;
export type SendHandlers = {
  [K in MailSendCallKey]: (input: z.output<Calls[K]['input']>) => Promise<z.output<Calls[K]['output']>>;
};
type OutboxCallKey = 'mail.send' | 'mail.listOutbox' | 'mail.getOutbox' | 'mail.retryOutbox' | 'mail.cancelOutbox';

export interface SendServiceDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  /** The mail service's content stores (mail.service.ts opens and closes them). */
  stores: MailStores;
  /** An account's stored password for one server (the mail service's `password`); SMTP falls back to IMAP's. */
  password(accountId: string, server: 'imap' | 'smtp'): string | null;
  emit: Emit;
  /** Sent with the IMAP ID command when putting mail into Sent (NetEase refuses clients without it). */
  clientInfo?: IdInfoObject;
  smtpTimeoutMs?: number;
  /** Start sending at once (default). */
  autoStart?: boolean;
}

interface OutboxDeps {
  db: Db;
  clock: Clock;
  emit: Emit;
  attachments: AttachmentStore;
  /** Wakes the outbox worker. */
  kick(): void;
}

/** mail.send queues; the list, retry and cancel calls work on the queued rows. */
function createOutboxHandlers(deps: OutboxDeps): Pick<SendHandlers, OutboxCallKey> {
  const { db, clock } = deps;
  const changed = () => deps.emit('data.changed', { entities: ['mailOutbox'] });
  const editableOrFail = async (db: DbOrTx, id: string, refusal: string) => {
    const current = await outboxRow(db, id);
    if (!current) fail('notFound', 'errors.mailOutboxNotFound', { id });
    if (current.status !== 'queued' && current.status !== 'failed') fail('conflict', refusal, { status: current.status });
  };
  return {
    'mail.send': async (input) => {
      const account = await sendingAccount(db, input.accountId);
      if (input.customerId && !(await isLiveCustomer(db, input.customerId))) fail('notFound', 'errors.customerNotFound', { id: input.customerId });
      if (input.quoteId && !(await isLiveQuote(db, input.quoteId))) fail('notFound', 'quoteMail.errors.quoteNotFound', { id: input.quoteId }, [{ path: 'quoteId', message: 'quoteMail.errors.quoteNotFound', params: {} }]);
      // The original may have been deleted on the server meanwhile: the reply still goes out.
      const sourceMessageId = input.sourceMessageId && (await isMessageOfAccount(db, input.sourceMessageId, account.id)) ? input.sourceMessageId : null;
      // Files are copied into the store before the row is written: a crash in between leaves only an unreferenced file.
      const attachments = await storeAttachments(db, deps.attachments, input.attachments);
      const mail = {
        accountId: account.id,
        kind: input.kind,
        fromAddress: account.email,
        sourceMessageId,
        inReplyTo: normalizeMessageId(input.inReplyTo),
        references: [...new Set(input.references.map((r) => normalizeMessageId(r)).filter((r): r is string => r !== null))],
        to: input.to,
        cc: input.cc,
        bcc: input.bcc,
        subject: input.subject,
        text: input.text,
        html: input.html,
        attachments,
        customerId: input.customerId,
        templateId: null,
        batchId: null,
        quoteId: input.quoteId,
        notBefore: clock.now(),
      };
      const row = await db.transaction().execute((trx) => enqueue(trx, mail, clock.now()));
      changed();
      deps.kick();
      return toOutboxRow(row);
    },

    'mail.listOutbox': async (q) => {
      const scope = { accountId: q.accountId, batchId: q.batchId, customerId: q.customerId };
      const counts = await outboxCounts(db, scope);
      const page = await outboxPage(db, { ...scope, statuses: q.statuses, offset: q.offset, limit: q.limit });
      return { total: page.total, rows: page.rows.map(toOutboxRow), counts };
    },

    'mail.getOutbox': async ({ id }) => {
      const row = await outboxRow(db, id);
      if (!row) fail('notFound', 'errors.mailOutboxNotFound', { id });
      return toOutboxDetail(row);
    },

    'mail.retryOutbox': async ({ id }) => {
      const row = await db.transaction().execute(async (trx) => {
        await editableOrFail(trx, id, 'errors.mailOutboxNotRetryable');
        await requeue(trx, id, clock.now());
        return (await outboxRow(trx, id))!;
      });
      changed();
      deps.kick();
      return toOutboxRow(row);
    },

    'mail.cancelOutbox': async ({ id }) => {
      const count = await db.transaction().execute(async (trx) => {
        await editableOrFail(trx, id, 'errors.mailOutboxNotCancelable');
        return deleteEditable(trx, id);
      });
      changed();
      return { count };
    },
  };
}

export function createSendService(deps: SendServiceDeps) {
  const { db, clock, log } = deps;
  const { stores } = deps;
  const worker = createOutboxWorker({
    db,
    clock,
    log,
    stores,
    password: deps.password,
    emit: deps.emit,
    clientInfo: deps.clientInfo ?? { name: 'TradeFolio', vendor: 'TradeFolio' },
    ...(deps.smtpTimeoutMs ? { smtpTimeoutMs: deps.smtpTimeoutMs } : {}),
  });
  const kick = worker.kick;

  const handlers: SendHandlers = {
    'mail.compose': (input) => composeDraft(db, input),
    ...createOutboxHandlers({ db, clock, emit: deps.emit, attachments: stores.attachments, kick }),
    ...createTemplateHandlers({ db, clock, emit: deps.emit }),
    ...createBatchHandlers({ db, clock, emit: deps.emit, kick }),
  };

  if (deps.autoStart !== false) kick();

  return {
    handlers,
    /** Sends what is due now (hosts may call it when the network comes back). */
    kick,
    /** Resolves when the current sending pass has finished. */
    whenIdle: worker.whenIdle,
    /** Stops sending; a mail in flight finishes and its outcome is recorded. */
    close: worker.close,
  };
}

export type SendService = ReturnType<typeof createSendService>;
