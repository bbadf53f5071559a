import type { Db } from '../../../../db/database.ts';
import type { Emit } from '../../core/events.ts';
import type { z } from 'zod';
import type { MailAccountsTable, MailTemplatesTable } from '../../../../db/tables/mail.tables.ts';
import type { MailTemplate, mailSendCalls } from '../../../../shared/contract/mail-send.contract.ts';
import { fail } from '../../../../shared/contract/result.ts';
import { renderTemplate, templateValues, unknownPlaceholders, usedPlaceholders, type TemplateParts } from '../../../../shared/domain/mail-template.ts';
import type { Clock } from '../../core/clock.ts';
import { newId } from '../../core/ids.ts';
import { recipients, type Recipient } from './batches.queries.ts';
import { sendingAccount } from './enqueue.ts';
import { insertTemplate, liveTemplate, liveTemplates, removeTemplate, updateTemplate } from './templates.queries.ts';

/**
 * The template calls: templates with placeholders, and their preview for a contact. The
 * personalised send that renders a template for many contacts is batches.service.ts.
 */

type Calls = typeof mailSendCalls;
type TemplateCallKey = 'mail.listTemplates' | 'mail.saveTemplate' | 'mail.removeTemplate' | 'mail.previewTemplate';
export type TemplateHandlers = {
  [K in TemplateCallKey]: (input: z.output<Calls[K]['input']>) => Promise<z.output<Calls[K]['output']>>;
};

export interface TemplateDeps {
  db: Db;
  clock: Clock;
  emit: Emit;
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

/** A live template; fails as data (notFound) when deleted or unknown. */
export async function templateOrFail(db: Db, id: string): Promise<MailTemplatesTable> {
  const row = await liveTemplate(db, id);
  if (!row) fail('notFound', 'errors.mailTemplateNotFound', { id });
  return row;
}

export const partsOf = (t: MailTemplatesTable): TemplateParts => ({ subject: t.subject, text: t.body_text, html: t.body_html });

/** The placeholder values for one contact written to from one account. */
export function valuesFor(r: Recipient, account: MailAccountsTable) {
  return templateValues({
    contact: { name: r.name, title: r.title, email: r.email },
    customer: r.customer,
    account: { name: account.name, displayName: account.display_name, email: account.email },
  });
}

export function createTemplateHandlers(deps: TemplateDeps): TemplateHandlers {
  const { db, clock } = deps;
  return {
    'mail.listTemplates': async () => (await liveTemplates(db)).map(toTemplate),

    'mail.saveTemplate': async (input) => {
      assertKnownPlaceholders(input);
      const text = { name: input.name, subject: input.subject, body_text: input.text, body_html: input.html };
      const id = input.id ?? newId();
      if (input.id) await templateOrFail(db, input.id);
      await db.transaction().execute((trx) => (input.id ? updateTemplate(trx, { id, ...text }, clock.now()) : insertTemplate(trx, { id, ...text }, clock.now())));
      deps.emit('data.changed', { entities: ['mailTemplates'] });
      return toTemplate(await templateOrFail(db, id));
    },

    'mail.removeTemplate': async ({ id }) => {
      const count = await db.transaction().execute((trx) => removeTemplate(trx, id, clock.now()));
      if (count === 0) fail('notFound', 'errors.mailTemplateNotFound', { id });
      deps.emit('data.changed', { entities: ['mailTemplates'] });
      return { count };
    },

    'mail.previewTemplate': async (input) => {
      const parts: TemplateParts = input.template
        ? { subject: input.template.subject, text: input.template.text, html: input.template.html }
        : partsOf(await templateOrFail(db, input.templateId!));
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
  };
}
