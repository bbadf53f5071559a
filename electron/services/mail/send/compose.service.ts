import type { Db } from '../../../../db/database.ts';
import type { z } from 'zod';
import type { MailAccountsTable } from '../../../../db/tables/mail.tables.ts';
import type { ComposeDraft, mailSendCalls } from '../../../../shared/contract/mail-send.contract.ts';
import { fail } from '../../../../shared/contract/result.ts';
import { messageLanguage } from '../../../../shared/domain/message-language.ts';
import { catalogs } from '../../../../shared/i18n/catalogs.ts';
import { accountById, contactWithEmail, customerOfMessage, messageToAnswer } from './compose.queries.ts';
import { preferredMailLanguage } from './contact-language.queries.ts';
import { sendingAccount } from './enqueue.ts';
import { forwardDraft, htmlToText, newDraft, replyDraft, replyRecipients, type ComposeAccount, type DraftBody, type SourceMessage } from './drafts.ts';

/**
 * The mail.compose call: reads what a draft is made from (the account, the message answered or
 * forwarded, the contact written to), chooses the language of the quote and forward headers,
 * and lets drafts.ts build the draft. It writes nothing: the draft is sent by mail.send.
 */

type Call = (typeof mailSendCalls)['mail.compose'];
type ComposeInput = z.output<Call['input']>;

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

/** The stored message as the drafts see it, the account it came to and the customer it is filed under. */
async function loadSource(db: Db, id: string): Promise<{ source: SourceMessage; accountId: string; customerId: string | null }> {
  const found = await messageToAnswer(db, id);
  if (!found) fail('notFound', 'errors.mailMessageNotFound', { id });
  const { message: m, addresses, attachments } = found;
  const of = (role: string) => addresses.filter((a) => a.role === role).map((a) => ({ name: a.name, address: a.address }));
  return {
    accountId: m.account_id,
    customerId: await customerOfMessage(db, id),
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

/** A new mail: from the chosen (or default) account, to a contact when one is given. */
async function composeNew(db: Db, input: ComposeInput): Promise<ComposeDraft> {
  const account = await sendingAccount(db, input.accountId);
  const contact = input.contactId ? await contactWithEmail(db, input.contactId) : undefined;
  if (input.contactId && !contact) fail('notFound', 'errors.contactNotFound', { id: input.contactId });
  const to = contact?.email ? { name: contact.name, address: contact.email.trim() } : null;
  return toDraft(newDraft(composeAccount(account), to), account.id, null, contact?.customerId ?? null, null);
}

/** A reply, reply all or forward of a stored message. */
async function composeAnswer(db: Db, input: ComposeInput & { kind: 'reply' | 'replyAll' | 'forward' }): Promise<ComposeDraft> {
  const { source, accountId, customerId } = await loadSource(db, input.messageId!);
  // Answer from the account the mail came to; imported archive mail has none that can send.
  const own = await accountById(db, accountId);
  const canSend = own?.kind === 'imap' && own.smtp_host !== null;
  const account = await sendingAccount(db, input.accountId ?? (canSend ? accountId : null));
  // The quote and forward headers speak the language of the contact answered when they chose
  // one, else the mail's, never the UI's (issue 11.9). A forward's recipients are typed later:
  // it follows the person the original was exchanged with.
  const answered = replyRecipients(input.kind === 'replyAll' ? 'replyAll' : 'reply', source, composeAccount(account)).to;
  const preferred = await preferredMailLanguage(db, answered.map((a) => a.address));
  const language = preferred ?? messageLanguage([source.subject, source.text ?? (source.html ? htmlToText(source.html.slice(0, 20_000)) : null)], input.locale);
  const options = { labels: catalogs[language].mail.compose, locale: DATE_LOCALES[language], timeZone: input.timeZone };
  const body = input.kind === 'forward' ? forwardDraft(source, composeAccount(account), options) : replyDraft(input.kind, source, composeAccount(account), options);
  return toDraft(body, account.id, input.messageId, customerId, source);
}

export async function composeDraft(db: Db, input: ComposeInput): Promise<ComposeDraft> {
  return input.kind === 'new' ? composeNew(db, input) : composeAnswer(db, { ...input, kind: input.kind });
}
