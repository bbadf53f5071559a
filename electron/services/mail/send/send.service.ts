import type { Db } from '../../../../db/database.ts';
import type { Emit } from '../../core/events.ts';
import type { IdInfoObject } from 'imapflow';
import type { z } from 'zod';
import type { MailAccountsTable } from '../../../../db/tables/mail.tables.ts';
import type { ComposeDraft, mailSendCalls } from '../../../../shared/contract/mail-send.contract.ts';
import { fail } from '../../../../shared/contract/result.ts';
import { normalizeMessageId } from '../../../../shared/domain/mail-message.ts';
import { messageLanguage } from '../../../../shared/domain/message-language.ts';
import { catalogs } from '../../../../shared/i18n/catalogs.ts';
import type { Clock } from '../../core/clock.ts';
import type { Logger } from '../../core/logger.ts';
import { mailStores } from '../store/attachment-store.ts';
import { createBatchRecipientHandlers } from './batch-recipients.ts';
import { createTemplateHandlers, type TemplateHandlers } from './mail-templates.ts';
import { forwardDraft, htmlToText, newDraft, replyDraft, type ComposeAccount, type DraftBody, type SourceMessage } from './message-compose.ts';
import { insertQueued, sendingAccount, storeAttachments } from './outbox-queue.ts';
import { createOutboxSender } from './outbox-sender.ts';
import { outboxCounts, outboxRow, toOutboxDetail, toOutboxRow } from './outbox-store.ts';

type Calls = typeof mailSendCalls;
export type MailSendCallKey = keyof Calls;
export type MailSendHandlers = {
  [K in MailSendCallKey]: (input: z.output<Calls[K]['input']>) => Promise<z.output<Calls[K]['output']>>;
};

export interface MailSenderDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  dataDir: string;
  /** An account's stored password for one server (the mail service's `password`); SMTP falls back to IMAP's. */
  password(accountId: string, server: 'imap' | 'smtp'): string | null;
  emit: Emit;
  /** Sent with the IMAP ID command when putting mail into Sent (NetEase refuses clients without it). */
  clientInfo?: IdInfoObject;
  smtpTimeoutMs?: number;
  /** Start sending at once (default). */
  autoStart?: boolean;
}

const DATE_LOCALES = { en: 'en-GB', 'zh-CN': 'zh-CN' } as const;

function parseList(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function composeAccount(a: MailAccountsTable): ComposeAccount {
  return {
    email: a.email,
    aliases: parseList(a.aliases),
    name: a.name,
    displayName: a.display_name,
    signatureText: a.signature_text,
    signatureHtml: a.signature_html,
  };
}

/**
 * Sending mail: compose, the outbox, templates and batches (the calls of mail-send.contract.ts),
 * and the background sender that works the outbox off. Wired next to the mail service in the
 * app core; close() before the database closes.
 */
export function createMailSender(deps: MailSenderDeps) {
  const { db, clock, log } = deps;
  const stores = mailStores(deps.dataDir);
  const sender = createOutboxSender({
    db,
    clock,
    log,
    stores,
    password: deps.password,
    emit: deps.emit,
    clientInfo: deps.clientInfo ?? { name: 'TradeFolio', vendor: 'TradeFolio' },
    ...(deps.smtpTimeoutMs ? { smtpTimeoutMs: deps.smtpTimeoutMs } : {}),
  });
  const templates: TemplateHandlers = createTemplateHandlers({ db, clock, emit: deps.emit, kick: sender.kick });

  async function loadSource(id: string): Promise<{ source: SourceMessage; accountId: string; customerId: string | null }> {
    const m = await db
      .selectFrom('mail_messages as m')
      .leftJoin('mail_bodies as b', 'b.message_id', 'm.id')
      .select(['m.id', 'm.account_id', 'm.message_id', 'm.refs', 'm.subject', 'm.from_name', 'm.from_address', 'm.date_at', 'm.direction', 'b.text', 'b.html'])
      .where('m.id', '=', id)
      .executeTakeFirst();
    if (!m) fail('notFound', 'errors.mailMessageNotFound', { id });
    const addresses = await db.selectFrom('mail_message_addresses').selectAll().where('message_id', '=', id).orderBy('role').orderBy('position').execute();
    const of = (role: string) => addresses.filter((a) => a.role === role).map((a) => ({ name: a.name, address: a.address }));
    const attachments = await db.selectFrom('mail_attachments').selectAll().where('message_id', '=', id).orderBy('position').execute();
    const customer = await db
      .selectFrom('mail_message_customers as l')
      .innerJoin('customers as c', 'c.id', 'l.customer_id')
      .select('c.id')
      .where('l.message_id', '=', id)
      .where('c.deleted_at', 'is', null)
      .orderBy('c.name')
      .executeTakeFirst();
    return {
      accountId: m.account_id,
      customerId: customer?.id ?? null,
      source: {
        messageId: m.message_id,
        references: m.refs ? m.refs.split(' ').filter(Boolean) : [],
        subject: m.subject,
        from: m.from_address ? { name: m.from_name, address: m.from_address } : null,
        replyTo: of('replyTo'),
        to: of('to'),
        cc: of('cc'),
        dateAt: m.date_at,
        direction: m.direction,
        text: m.text ?? null,
        html: m.html ?? null,
        attachments: attachments.map((a) => ({ id: a.id, filename: a.filename, contentType: a.content_type, size: a.size, inline: a.inline === 1, contentId: a.content_id })),
      },
    };
  }

  /** A contact's name and first email, and their customer; null when deleted or unknown. */
  async function contactAddress(contactId: string): Promise<{ to: { name: string; address: string } | null; customerId: string } | null> {
    const contact = await db
      .selectFrom('contacts as ct')
      .innerJoin('customers as c', 'c.id', 'ct.customer_id')
      .select(['ct.id', 'ct.name', 'c.id as customer_id'])
      .where('ct.id', '=', contactId)
      .where('ct.deleted_at', 'is', null)
      .where('c.deleted_at', 'is', null)
      .executeTakeFirst();
    if (!contact) return null;
    const email = await db.selectFrom('contact_channels').select('value').where('contact_id', '=', contactId).where('kind', '=', 'email').orderBy('sort').executeTakeFirst();
    return { to: email ? { name: contact.name, address: email.value.trim() } : null, customerId: contact.customer_id };
  }

  function toDraft(body: DraftBody, accountId: string, sourceMessageId: string | null, customerId: string | null, source: SourceMessage | null): ComposeDraft {
    const byId = new Map((source?.attachments ?? []).map((a) => [a.id, a]));
    return {
      accountId,
      kind: body.kind,
      sourceMessageId,
      from: body.from,
      to: body.to,
      cc: body.cc,
      bcc: body.bcc,
      subject: body.subject,
      text: body.text,
      html: body.html,
      inReplyTo: body.inReplyTo,
      references: body.references,
      attachments: body.attachmentIds.flatMap((id) => {
        const a = byId.get(id);
        return a ? [{ attachmentId: a.id, filename: a.filename, contentType: a.contentType, size: a.size, inline: a.inline, contentId: a.contentId }] : [];
      }),
      customerId,
    };
  }

  const handlers: MailSendHandlers = {
    ...templates,
    ...createBatchRecipientHandlers(db),

    'mail.compose': async (input) => {
      if (input.kind === 'new') {
        const account = await sendingAccount(db, input.accountId);
        const contact = input.contactId ? await contactAddress(input.contactId) : null;
        if (input.contactId && !contact) fail('notFound', 'errors.contactNotFound', { id: input.contactId });
        return toDraft(newDraft(composeAccount(account), contact?.to ?? null), account.id, null, contact?.customerId ?? null, null);
      }
      const { source, accountId, customerId } = await loadSource(input.messageId!);
      // Answer from the account the mail came to; imported archive mail has none that can send.
      const own = await db.selectFrom('mail_accounts').select(['id', 'kind', 'smtp_host']).where('id', '=', accountId).executeTakeFirst();
      const canSend = own?.kind === 'imap' && own.smtp_host !== null;
      const account = await sendingAccount(db, input.accountId ?? (canSend ? accountId : null));
      // The quote and forward headers speak the mail's language, not the UI's (issue 11.9).
      const language = messageLanguage([source.subject, source.text ?? (source.html ? htmlToText(source.html.slice(0, 20_000)) : null)], input.locale);
      const options = { labels: catalogs[language].mail.compose, locale: DATE_LOCALES[language], timeZone: input.timeZone };
      const body =
        input.kind === 'forward' ? forwardDraft(source, composeAccount(account), options) : replyDraft(input.kind, source, composeAccount(account), options);
      return toDraft(body, account.id, input.messageId, customerId, source);
    },

    'mail.send': async (input) => {
      const account = await sendingAccount(db, input.accountId);
      if (input.customerId) {
        const customer = await db.selectFrom('customers').select('id').where('id', '=', input.customerId).where('deleted_at', 'is', null).executeTakeFirst();
        if (!customer) fail('notFound', 'errors.customerNotFound', { id: input.customerId });
      }
      // The original may have been deleted on the server meanwhile: the reply still goes out.
      const source = input.sourceMessageId
        ? await db.selectFrom('mail_messages').select('id').where('id', '=', input.sourceMessageId).where('account_id', '=', account.id).executeTakeFirst()
        : undefined;
      // Files are copied into the store before the row is written: a crash in between leaves only an unreferenced file.
      const attachments = await storeAttachments(db, stores.attachments, input.attachments);
      const row = await db.transaction().execute((trx) =>
        insertQueued(
          trx,
          {
            accountId: account.id,
            kind: input.kind,
            fromAddress: account.email,
            sourceMessageId: source?.id ?? null,
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
            notBefore: clock.now(),
          },
          clock.now(),
        ),
      );
      deps.emit('data.changed', { entities: ['mailOutbox'] });
      sender.kick();
      return toOutboxRow(row);
    },

    'mail.listOutbox': async (q) => {
      let base = db.selectFrom('mail_outbox');
      if (q.accountId) base = base.where('account_id', '=', q.accountId);
      if (q.batchId) base = base.where('batch_id', '=', q.batchId);
      if (q.customerId) base = base.where('customer_id', '=', q.customerId);
      const counts = await outboxCounts(db, () => base);
      const filtered = q.statuses && q.statuses.length > 0 ? base.where('status', 'in', q.statuses) : base;
      const total = await filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const rows = await filtered.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.limit).offset(q.offset).execute();
      return { total: Number(total.n), rows: rows.map(toOutboxRow), counts };
    },

    'mail.getOutbox': async ({ id }) => {
      const row = await outboxRow(db, id);
      if (!row) fail('notFound', 'errors.mailOutboxNotFound', { id });
      return toOutboxDetail(row);
    },

    'mail.retryOutbox': async ({ id }) => {
      const now = clock.now();
      const row = await db.transaction().execute(async (trx) => {
        const current = await outboxRow(trx, id);
        if (!current) fail('notFound', 'errors.mailOutboxNotFound', { id });
        if (current.status !== 'queued' && current.status !== 'failed') fail('conflict', 'errors.mailOutboxNotRetryable', { status: current.status });
        await trx.updateTable('mail_outbox').set({ status: 'queued', next_attempt_at: now, updated_at: now }).where('id', '=', id).where('status', 'in', ['queued', 'failed']).execute();
        return (await outboxRow(trx, id))!;
      });
      deps.emit('data.changed', { entities: ['mailOutbox'] });
      sender.kick();
      return toOutboxRow(row);
    },

    'mail.cancelOutbox': async ({ id }) => {
      const count = await db.transaction().execute(async (trx) => {
        const current = await outboxRow(trx, id);
        if (!current) fail('notFound', 'errors.mailOutboxNotFound', { id });
        if (current.status !== 'queued' && current.status !== 'failed') fail('conflict', 'errors.mailOutboxNotCancelable', { status: current.status });
        const res = await trx.deleteFrom('mail_outbox').where('id', '=', id).where('status', 'in', ['queued', 'failed']).executeTakeFirst();
        return Number(res.numDeletedRows);
      });
      deps.emit('data.changed', { entities: ['mailOutbox'] });
      return { count };
    },
  };

  if (deps.autoStart !== false) sender.kick();

  return {
    handlers,
    /** Sends what is due now (hosts may call it when the network comes back). */
    kick: sender.kick,
    /** Resolves when the current sending pass has finished. */
    whenIdle: sender.whenIdle,
    /** Stops sending; a mail in flight finishes and its outcome is recorded. */
    close: sender.close,
  };
}

export type MailSender = ReturnType<typeof createMailSender>;
