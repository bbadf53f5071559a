import type { Db, DbOrTx } from '../../../../db/database.ts';
import type { Emit } from '../../core/events.ts';
import type { z } from 'zod';
import type { MailAccountsTable, MailTemplatesTable } from '../../../../db/tables/mail.tables.ts';
import type { BatchSummary, MailTemplate, mailSendCalls } from '../../../../shared/contract/mail-send.contract.ts';
import { fail, type FieldError } from '../../../../shared/contract/result.ts';
import { batchInterval } from '../../../../shared/domain/mail-outbox.ts';
import { renderTemplate, templateValues, unknownPlaceholders, usedPlaceholders, type TemplateParts } from '../../../../shared/domain/mail-template.ts';
import type { Clock } from '../../core/clock.ts';
import { newId } from '../../core/ids.ts';
import { withSignature } from './message-compose.ts';
import { insertQueued, sendingAccount } from './outbox-queue.ts';
import { outboxCounts, } from './outbox-store.ts';

/**
 * Templates with placeholders and the personalised send to a list of contacts. A batch is
 * one row in mail_send_batches plus one ordinary outbox row per contact, rendered when
 * queued (so what the user previewed is what goes out, even if the template is edited
 * later); the sender paces them (outbox-sender.ts).
 */

type Calls = typeof mailSendCalls;
type TemplateCallKey =
  | 'mail.listTemplates'
  | 'mail.saveTemplate'
  | 'mail.removeTemplate'
  | 'mail.previewTemplate'
  | 'mail.sendBatch'
  | 'mail.listBatches'
  | 'mail.cancelBatch';
export type TemplateHandlers = {
  [K in TemplateCallKey]: (input: z.output<Calls[K]['input']>) => Promise<z.output<Calls[K]['output']>>;
};

export interface TemplateDeps {
  db: Db;
  clock: Clock;
  emit: Emit;
  /** Wakes the sender after a batch is queued. */
  kick(): void;
}

function toTemplate(row: MailTemplatesTable): MailTemplate {
  const parts = { subject: row.subject, text: row.body_text, html: row.body_html };
  return { id: row.id, name: row.name, ...parts, placeholders: usedPlaceholders(parts), createdAt: row.created_at, updatedAt: row.updated_at };
}

/** Fails as data when a part uses a placeholder we do not know, naming it and the part. */
export function assertKnownPlaceholders(parts: Partial<TemplateParts>, pathPrefix = ''): void {
  const unknown = unknownPlaceholders(parts);
  if (unknown.length === 0) return;
  fail(
    'validation',
    'errors.mailTemplateUnknownPlaceholder',
    { placeholder: unknown[0]!.placeholder },
    unknown.map((u) => ({ path: `${pathPrefix}${u.field}`, message: 'errors.mailTemplateUnknownPlaceholder', params: { placeholder: u.placeholder } })),
  );
}

interface Recipient {
  contactId: string;
  name: string;
  title: string | null;
  email: string | null;
  customer: { id: string; name: string; localName: string | null; code: string; country: string | null; website: string | null };
}

/** Live contacts of live customers with their first email (by channel order), keyed by contact id. */
async function recipients(db: DbOrTx, contactIds: readonly string[]): Promise<Map<string, Recipient>> {
  const out = new Map<string, Recipient>();
  for (let i = 0; i < contactIds.length; i += 500) {
    const part = contactIds.slice(i, i + 500);
    const rows = await db
      .selectFrom('contacts as ct')
      .innerJoin('customers as c', 'c.id', 'ct.customer_id')
      .select(['ct.id', 'ct.name', 'ct.title', 'c.id as customer_id', 'c.name as customer_name', 'c.local_name', 'c.code', 'c.country', 'c.website'])
      .where('ct.id', 'in', part)
      .where('ct.deleted_at', 'is', null)
      .where('c.deleted_at', 'is', null)
      .execute();
    const emails = await db
      .selectFrom('contact_channels')
      .select(['contact_id', 'value'])
      .where('contact_id', 'in', part)
      .where('kind', '=', 'email')
      .orderBy('contact_id')
      .orderBy('sort')
      .execute();
    for (const r of rows) {
      out.set(r.id, {
        contactId: r.id,
        name: r.name,
        title: r.title,
        email: emails.find((e) => e.contact_id === r.id)?.value.trim() || null,
        customer: { id: r.customer_id, name: r.customer_name, localName: r.local_name, code: r.code, country: r.country, website: r.website },
      });
    }
  }
  return out;
}

function valuesFor(r: Recipient, account: MailAccountsTable) {
  return templateValues({
    contact: { name: r.name, title: r.title, email: r.email },
    customer: r.customer,
    account: { name: account.name, displayName: account.display_name, email: account.email },
  });
}

export function createTemplateHandlers(deps: TemplateDeps): TemplateHandlers {
  const { db, clock } = deps;

  async function templateRow(id: string): Promise<MailTemplatesTable> {
    const row = await db.selectFrom('mail_templates').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!row) fail('notFound', 'errors.mailTemplateNotFound', { id });
    return row;
  }

  async function summaries(batchIds: readonly string[]): Promise<BatchSummary[]> {
    if (batchIds.length === 0) return [];
    const rows = await db
      .selectFrom('mail_send_batches as b')
      .leftJoin('mail_templates as t', 't.id', 'b.template_id')
      .select(['b.id', 'b.account_id', 'b.template_id', 't.name as template_name', 'b.rate_per_minute', 'b.created_at', 'b.canceled_at'])
      .where('b.id', 'in', [...batchIds])
      .orderBy('b.created_at', 'desc')
      .orderBy('b.id', 'desc')
      .execute();
    const out: BatchSummary[] = [];
    for (const b of rows) {
      const counts = await outboxCounts(db, (q) => q.where('batch_id', '=', b.id));
      out.push({
        id: b.id,
        accountId: b.account_id,
        templateId: b.template_id,
        templateName: b.template_name,
        ratePerMinute: b.rate_per_minute,
        createdAt: b.created_at,
        canceledAt: b.canceled_at,
        total: counts.queued + counts.sending + counts.sent + counts.failed,
        counts,
      });
    }
    return out;
  }

  return {
    'mail.listTemplates': async () =>
      (await db.selectFrom('mail_templates').selectAll().where('deleted_at', 'is', null).orderBy('name').orderBy('id').execute()).map(toTemplate),

    'mail.saveTemplate': async (input) => {
      assertKnownPlaceholders(input);
      const now = clock.now();
      const values = { name: input.name, subject: input.subject, body_text: input.text, body_html: input.html, updated_at: now };
      let id = input.id;
      if (id) {
        await templateRow(id);
        await db.transaction().execute((trx) => trx.updateTable('mail_templates').set(values).where('id', '=', id!).execute());
      } else {
        id = newId();
        const row = { id, ...values, created_at: now, deleted_at: null };
        await db.transaction().execute((trx) => trx.insertInto('mail_templates').values(row).execute());
      }
      deps.emit('data.changed', { entities: ['mailTemplates'] });
      return toTemplate(await templateRow(id));
    },

    'mail.removeTemplate': async ({ id }) => {
      const res = await db.transaction().execute((trx) =>
        trx.updateTable('mail_templates').set({ deleted_at: clock.now(), updated_at: clock.now() }).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst(),
      );
      const count = Number(res.numUpdatedRows);
      if (count === 0) fail('notFound', 'errors.mailTemplateNotFound', { id });
      deps.emit('data.changed', { entities: ['mailTemplates'] });
      return { count };
    },

    'mail.previewTemplate': async (input) => {
      const parts: TemplateParts = input.template
        ? { subject: input.template.subject, text: input.template.text, html: input.template.html }
        : await templateRow(input.templateId!).then((t) => ({ subject: t.subject, text: t.body_text, html: t.body_html }));
      assertKnownPlaceholders(parts, input.template ? 'template.' : '');
      const account = await sendingAccount(db, input.accountId);
      const r = (await recipients(db, [input.contactId])).get(input.contactId);
      if (!r) fail('notFound', 'errors.contactNotFound', { id: input.contactId });
      const rendered = renderTemplate(parts, valuesFor(r, account));
      return {
        to: r.email ? { name: r.name, address: r.email } : null,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        emptyPlaceholders: rendered.empty,
      };
    },

    'mail.sendBatch': async (input) => {
      const account = await sendingAccount(db, input.accountId);
      const template = await templateRow(input.templateId);
      const parts = { subject: template.subject, text: template.body_text, html: template.body_html };
      assertKnownPlaceholders(parts);
      const ids = [...new Set(input.contactIds)];
      const found = await recipients(db, ids);
      const skipped: Array<{ contactId: string; name: string | null; reason: 'noEmail' | 'notFound' | 'duplicateEmail' }> = [];
      const problems: FieldError[] = [];
      const sendable: Recipient[] = [];
      const seen = new Set<string>();
      for (const id of ids) {
        const r = found.get(id);
        const index = input.contactIds.indexOf(id);
        if (!r) {
          skipped.push({ contactId: id, name: null, reason: 'notFound' });
          problems.push({ path: `contactIds.${index}`, message: 'errors.contactNotFound' });
        } else if (!r.email) {
          skipped.push({ contactId: id, name: r.name, reason: 'noEmail' });
          problems.push({ path: `contactIds.${index}`, message: 'errors.mailContactNoEmail', params: { name: r.name } });
        } else if (seen.has(r.email.toLowerCase())) {
          // Two contacts sharing one address (a shared sales@ mailbox) get the mail once.
          skipped.push({ contactId: id, name: r.name, reason: 'duplicateEmail' });
        } else {
          seen.add(r.email.toLowerCase());
          sendable.push(r);
        }
      }
      if (sendable.length === 0) fail('validation', 'errors.mailBatchNoRecipients', undefined, problems);

      const now = clock.now();
      const interval = batchInterval(input.ratePerMinute);
      const batchId = newId();
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('mail_send_batches')
          .values({ id: batchId, account_id: account.id, template_id: template.id, rate_per_minute: input.ratePerMinute, created_at: now, canceled_at: null })
          .execute();
        for (const [i, r] of sendable.entries()) {
          const rendered = renderTemplate(parts, valuesFor(r, account));
          const body = input.includeSignature ? withSignature(rendered, { signatureText: account.signature_text, signatureHtml: account.signature_html }) : rendered;
          await insertQueued(
            trx,
            {
              accountId: account.id,
              kind: 'new',
              fromAddress: account.email,
              sourceMessageId: null,
              inReplyTo: null,
              references: [],
              to: [{ name: r.name, address: r.email! }],
              cc: [],
              bcc: [],
              subject: rendered.subject,
              text: body.text,
              html: body.html,
              attachments: [],
              customerId: r.customer.id,
              templateId: template.id,
              batchId,
              // Spread out from the start; the sender also keeps the pace from the last real attempt.
              notBefore: now + i * interval,
            },
            now,
          );
        }
      });
      deps.emit('data.changed', { entities: ['mailOutbox'] });
      deps.kick();
      const [batch] = await summaries([batchId]);
      return { batch: batch!, skipped };
    },

    'mail.listBatches': async ({ accountId, offset, limit }) => {
      let q = db.selectFrom('mail_send_batches');
      if (accountId) q = q.where('account_id', '=', accountId);
      const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const ids = await q.select('id').orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute();
      return { total: Number(total.n), rows: await summaries(ids.map((r) => r.id)) };
    },

    'mail.cancelBatch': async ({ id }) => {
      const count = await db.transaction().execute(async (trx) => {
        const batch = await trx.selectFrom('mail_send_batches').select('id').where('id', '=', id).executeTakeFirst();
        if (!batch) fail('notFound', 'errors.mailBatchNotFound', { id });
        await trx.updateTable('mail_send_batches').set({ canceled_at: clock.now() }).where('id', '=', id).where('canceled_at', 'is', null).execute();
        // What is being sent right now finishes; what was sent stays sent.
        const res = await trx.deleteFrom('mail_outbox').where('batch_id', '=', id).where('status', 'in', ['queued', 'failed']).executeTakeFirst();
        return Number(res.numDeletedRows);
      });
      deps.emit('data.changed', { entities: ['mailOutbox'] });
      return { count };
    },
  };
}
