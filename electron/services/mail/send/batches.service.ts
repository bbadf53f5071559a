import type { Db, Tx } from '../../../../db/database.ts';
import type { Emit } from '../../core/events.ts';
import type { z } from 'zod';
import type { MailAccountsTable, MailTemplatesTable } from '../../../../db/tables/mail.tables.ts';
import type { BatchSkip, BatchSummary, mailSendCalls } from '../../../../shared/contract/mail-send.contract.ts';
import { fail, type FieldError } from '../../../../shared/contract/result.ts';
import { batchInterval } from '../../../../shared/domain/mail-outbox.ts';
import { renderTemplate } from '../../../../shared/domain/mail-template.ts';
import type { Clock } from '../../core/clock.ts';
import { newId } from '../../core/ids.ts';
import { batchPage, batchRows, cancelBatchRow, customersWithContacts, insertBatch, recipients, type Recipient } from './batches.queries.ts';
import { enqueue, sendingAccount } from './enqueue.ts';
import { withSignature } from './drafts.ts';
import { deleteUnsentOfBatch, outboxCounts } from './outbox.queries.ts';
import { assertKnownPlaceholders, partsOf, templateOrFail, valuesFor } from './templates.service.ts';

/**
 * The personalised send to a list of contacts (mail.sendBatch and its list, cancel and
 * recipient calls). A batch is one row in mail_send_batches plus one ordinary outbox row per
 * contact, rendered when queued (so what the user previewed is what goes out, even if the
 * template is edited later); the outbox worker paces them (outbox-due.queries.ts).
 */

type Calls = typeof mailSendCalls;
type BatchCallKey = 'mail.sendBatch' | 'mail.listBatches' | 'mail.cancelBatch' | 'mail.batchRecipients';
export type BatchHandlers = {
  [K in BatchCallKey]: (input: z.output<Calls[K]['input']>) => Promise<z.output<Calls[K]['output']>>;
};
type SendBatchInput = z.output<Calls['mail.sendBatch']['input']>;
type Skip = z.output<typeof BatchSkip>;

export interface BatchDeps {
  db: Db;
  clock: Clock;
  emit: Emit;
  /** Wakes the outbox worker after a batch is queued. */
  kick(): void;
}

/**
 * Who of the chosen contacts gets the mail: each live contact with an email, once per address
 * (two contacts sharing a sales@ mailbox get it once). The others are skipped, with a field
 * error for those the user must fix.
 */
function sortRecipients(contactIds: readonly string[], found: ReadonlyMap<string, Recipient>): { sendable: Recipient[]; skipped: Skip[]; problems: FieldError[] } {
  const skipped: Skip[] = [];
  const problems: FieldError[] = [];
  const sendable: Recipient[] = [];
  const seen = new Set<string>();
  for (const id of new Set(contactIds)) {
    const r = found.get(id);
    const index = contactIds.indexOf(id);
    if (!r) {
      skipped.push({ contactId: id, name: null, reason: 'notFound' });
      problems.push({ path: `contactIds.${index}`, message: 'errors.contactNotFound' });
    } else if (!r.email) {
      skipped.push({ contactId: id, name: r.name, reason: 'noEmail' });
      problems.push({ path: `contactIds.${index}`, message: 'errors.mailContactNoEmail', params: { name: r.name } });
    } else if (seen.has(r.email.toLowerCase())) {
      skipped.push({ contactId: id, name: r.name, reason: 'duplicateEmail' });
    } else {
      seen.add(r.email.toLowerCase());
      sendable.push(r);
    }
  }
  return { sendable, skipped, problems };
}

/** Writes the batch and one rendered outbox row per recipient, spread out from `now` at the batch's pace. */
async function queueBatch(
  trx: Tx,
  batch: { id: string; account: MailAccountsTable; template: MailTemplatesTable; input: SendBatchInput; sendable: readonly Recipient[] },
  now: number,
): Promise<void> {
  const { id: batchId, account, template, input } = batch;
  await insertBatch(trx, { id: batchId, account_id: account.id, template_id: template.id, rate_per_minute: input.ratePerMinute }, now);
  const interval = batchInterval(input.ratePerMinute);
  for (const [i, r] of batch.sendable.entries()) {
    const rendered = renderTemplate(partsOf(template), valuesFor(r, account));
    const body = input.includeSignature ? withSignature(rendered, { signatureText: account.signature_text, signatureHtml: account.signature_html }) : rendered;
    const mail = {
      accountId: account.id,
      kind: 'new' as const,
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
      // Spread out from the start; the worker also keeps the pace from the last real attempt.
      notBefore: now + i * interval,
    };
    await enqueue(trx, mail, now);
  }
}

async function summaries(db: Db, batchIds: readonly string[]): Promise<BatchSummary[]> {
  const out: BatchSummary[] = [];
  for (const b of await batchRows(db, batchIds)) {
    const counts = await outboxCounts(db, { batchId: b.id });
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

export function createBatchHandlers(deps: BatchDeps): BatchHandlers {
  const { db, clock } = deps;
  return {
    'mail.sendBatch': async (input) => {
      const account = await sendingAccount(db, input.accountId);
      const template = await templateOrFail(db, input.templateId);
      assertKnownPlaceholders(partsOf(template));
      const { sendable, skipped, problems } = sortRecipients(input.contactIds, await recipients(db, [...new Set(input.contactIds)]));
      if (sendable.length === 0) fail('validation', 'errors.mailBatchNoRecipients', undefined, problems);
      const id = newId();
      await db.transaction().execute((trx) => queueBatch(trx, { id, account, template, input, sendable }, clock.now()));
      deps.emit('data.changed', { entities: ['mailOutbox'] });
      deps.kick();
      const [batch] = await summaries(db, [id]);
      return { batch: batch!, skipped };
    },

    'mail.listBatches': async ({ accountId, offset, limit }) => {
      const page = await batchPage(db, { accountId, offset, limit });
      return { total: page.total, rows: await summaries(db, page.ids) };
    },

    'mail.cancelBatch': async ({ id }) => {
      const count = await db.transaction().execute(async (trx) => {
        if (!(await cancelBatchRow(trx, id, clock.now()))) fail('notFound', 'errors.mailBatchNotFound', { id });
        // What is being sent right now finishes; what was sent stays sent.
        return deleteUnsentOfBatch(trx, id);
      });
      deps.emit('data.changed', { entities: ['mailOutbox'] });
      return { count };
    },

    /**
     * Who can get a personalised mail among the customers picked in the list — each customer's
     * live contacts, primary first, with their first email (the one mail.sendBatch would use),
     * in one call rather than one `customers.get` per customer.
     */
    'mail.batchRecipients': async ({ customerIds }) => {
      const ids = [...new Set(customerIds)];
      const byId = await customersWithContacts(db, ids);
      return ids.flatMap((id) => {
        const c = byId.get(id);
        return c ? [{ customerId: c.id, code: c.code, name: c.name, contacts: c.contacts }] : [];
      });
    },
  };
}
