import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../../../../../electron/services/core/clock.ts';
import { parseMail } from '../../../../../../electron/services/mail/store/mail-parse.ts';
import { startDovecot, startSmtpSink, type Dovecot, type SmtpSink } from '../../../../../helpers/mail-servers.ts';
import { addSendingAccount, openSendCore, serverFolder, waitFor, type SendCore } from './mail-send-kit.ts';

/**
 * Templates and the personalised send to a list of contacts, on the real clock: the pace of a
 * batch is measured where it matters, at the receiving server.
 */

const LI = { user: 'li@tradefolio.test', password: 'auth-code-51f0' };

let dovecot: Dovecot;
let sink: SmtpSink;
let app: SendCore;
let accountId: string;
const contacts: Record<string, string> = {};
/** When each message reached the sink (ms), recorded by a watcher. */
const arrivals: number[] = [];
let watcher: ReturnType<typeof setInterval>;

beforeAll(async () => {
  [dovecot, sink] = await Promise.all([startDovecot({ users: [LI] }), startSmtpSink()]);
  app = await openSendCore(systemClock);
  accountId = await addSendingAccount(app, dovecot, sink, LI, { displayName: 'Li Wei', signatureText: 'Li Wei' });
  const add = async (company: string, country: string, contact: string, email: string | null) => {
    const c = await app.call('customers.create', { name: company, regionCode: 'EU', country });
    const ct = await app.call('contacts.create', { customerId: c.id, name: contact, channels: email ? [{ kind: 'email', value: email }] : [] });
    contacts[contact] = ct.id;
  };
  await add('Hamburg Trade GmbH', 'DE', 'Anna Schmidt', 'anna@hamburg-trade.de');
  await add('Lyon Import SARL', 'FR', 'Pierre Martin', 'pierre@lyon-import.fr');
  await add('Osaka Shoji', 'JP', '田中 太郎', 'tanaka@osaka-shoji.jp');
  await add('No Mail Ltd', 'GB', 'Paul Phone', null);
  watcher = setInterval(() => {
    while (arrivals.length < sink.received.length) arrivals.push(Date.now());
  }, 5);
});

afterAll(async () => {
  clearInterval(watcher);
  await app?.close();
  await Promise.all([dovecot?.stop(), sink?.stop()]);
  if (app) fs.rmSync(app.dataDir, { recursive: true, force: true });
});

describe('templates', () => {
  it('refuses an unknown placeholder, naming it and where it is', async () => {
    const error = await app.fail('mail.saveTemplate', { name: 'Bad', subject: 'Hi {{contact.nmae}}', text: 'Dear {{contact.firstName}} {{order.total}}' });
    expect(error).toMatchObject({
      code: 'validation',
      message: 'errors.mailTemplateUnknownPlaceholder',
      params: { placeholder: 'contact.nmae' },
      fieldErrors: [
        { path: 'subject', params: { placeholder: 'contact.nmae' } },
        { path: 'text', params: { placeholder: 'order.total' } },
      ],
    });
    expect(await app.call('mail.listTemplates', {})).toEqual([]);
  });

  it('saves, edits, previews for a contact and removes a template', async () => {
    const saved = await app.call('mail.saveTemplate', {
      name: 'Autumn offer',
      subject: 'Autumn offer for {{customer.name}}',
      text: 'Dear {{contact.firstName}},\nour prices for {{customer.country}}: …\n{{contact.title|}}',
      html: '<p>Dear {{contact.firstName}} of <b>{{customer.name}}</b></p>',
    });
    expect(saved.placeholders).toEqual(['customer.name', 'contact.firstName', 'customer.country', 'contact.title']);
    const edited = await app.call('mail.saveTemplate', { id: saved.id, name: 'Autumn offer 2026', subject: saved.subject, text: saved.text, html: saved.html });
    expect(edited).toMatchObject({ id: saved.id, name: 'Autumn offer 2026' });

    const preview = await app.call('mail.previewTemplate', { templateId: saved.id, contactId: contacts['Anna Schmidt']!, accountId });
    expect(preview).toEqual({
      to: { name: 'Anna Schmidt', address: 'anna@hamburg-trade.de' },
      subject: 'Autumn offer for Hamburg Trade GmbH',
      text: 'Dear Anna,\nour prices for Germany: …\n',
      html: '<p>Dear Anna of <b>Hamburg Trade GmbH</b></p>',
      emptyPlaceholders: [],
    });
    const unsaved = await app.call('mail.previewTemplate', { template: { subject: '{{contact.title}}', text: 'x' }, contactId: contacts['Paul Phone']! });
    expect(unsaved).toMatchObject({ to: null, subject: '', emptyPlaceholders: ['contact.title'] });
    expect(await app.fail('mail.previewTemplate', { template: { text: '{{nope}}' }, contactId: contacts['Paul Phone']! })).toMatchObject({
      fieldErrors: [{ path: 'template.text', params: { placeholder: 'nope' } }],
    });

    const spare = await app.call('mail.saveTemplate', { name: 'Spare', text: 'x' });
    expect(await app.call('mail.removeTemplate', { id: spare.id })).toEqual({ count: 1 });
    expect((await app.call('mail.listTemplates', {})).map((t) => t.name)).toEqual(['Autumn offer 2026']);
    expect(await app.fail('mail.removeTemplate', { id: spare.id })).toMatchObject({ code: 'notFound' });
  });
});

describe('a personalised send to a list', () => {
  it('sends one mail per contact at the given rate and reports the contact without email', async () => {
    const [template] = await app.call('mail.listTemplates', {});
    const start = sink.received.length;
    const ids = [contacts['Anna Schmidt']!, contacts['Paul Phone']!, contacts['Pierre Martin']!, contacts['田中 太郎']!];
    const { batch, skipped } = await app.call('mail.sendBatch', { accountId, templateId: template!.id, contactIds: ids, ratePerMinute: 120 });
    expect(skipped).toEqual([{ contactId: contacts['Paul Phone'], name: 'Paul Phone', reason: 'noEmail' }]);
    expect(batch).toMatchObject({ accountId, templateId: template!.id, templateName: 'Autumn offer 2026', ratePerMinute: 120, total: 3 });

    await waitFor(async () => {
      const [b] = (await app.call('mail.listBatches', {})).rows;
      return b!.counts.sent === 3 ? b : undefined;
    }, 15_000, 'the batch to be sent');

    const mine = sink.received.slice(start);
    const parsed = await Promise.all(mine.map((m) => parseMail(m.raw)));
    expect(parsed.map((p) => [p.addresses.find((a) => a.role === 'to')!.address, p.subject])).toEqual([
      ['anna@hamburg-trade.de', 'Autumn offer for Hamburg Trade GmbH'],
      ['pierre@lyon-import.fr', 'Autumn offer for Lyon Import SARL'],
      ['tanaka@osaka-shoji.jp', 'Autumn offer for Osaka Shoji'],
    ]);
    expect(parsed[1]!.text).toContain('Dear Pierre,\nour prices for France');
    expect(parsed[2]!.text).toContain('Dear 田中,');
    expect(parsed[0]!.text).toContain('-- \nLi Wei');
    expect(parsed[0]!.html).toContain('Dear Anna of <b>Hamburg Trade GmbH</b>');

    // 120 a minute = attempts at least 500 ms apart, as recorded by the sender…
    const rows = (await app.call('mail.listOutbox', { batchId: batch.id })).rows;
    const attempts = rows.map((r) => r.lastAttemptAt!).sort((a, b) => a - b);
    expect(attempts[1]! - attempts[0]!).toBeGreaterThanOrEqual(500);
    expect(attempts[2]! - attempts[1]!).toBeGreaterThanOrEqual(500);
    expect(attempts[2]! - attempts[0]!).toBeLessThan(5000);
    // …and seen at the receiving server (less exact: the first SMTP session of a run is the slowest).
    const times = arrivals.slice(start, start + 3);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(250);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(250);
    expect(times[2]! - times[0]!).toBeGreaterThanOrEqual(800);

    expect(rows.every((r) => r.templateId === template!.id && r.customerId !== null)).toBe(true);
    await waitFor(async () => (await app.call('mail.listOutbox', { batchId: batch.id })).rows.every((r) => r.sentCopyAt !== null), 10_000, 'Sent copies');
    expect((await serverFolder(dovecot, LI.user, 'Sent')).filter((m) => m.parsed.subject?.startsWith('Autumn offer for'))).toHaveLength(3);
  });

  it('fails as data when no chosen contact has an email', async () => {
    const [template] = await app.call('mail.listTemplates', {});
    const error = await app.fail('mail.sendBatch', { accountId, templateId: template!.id, contactIds: [contacts['Paul Phone']!, 'no-such-contact'] });
    expect(error).toMatchObject({
      code: 'validation',
      message: 'errors.mailBatchNoRecipients',
      fieldErrors: [
        { path: 'contactIds.0', message: 'errors.mailContactNoEmail', params: { name: 'Paul Phone' } },
        { path: 'contactIds.1', message: 'errors.contactNotFound' },
      ],
    });
  });

  it('stops a batch: the mails not yet sent are removed', async () => {
    const [template] = await app.call('mail.listTemplates', {});
    const start = sink.received.length;
    const { batch } = await app.call('mail.sendBatch', {
      accountId,
      templateId: template!.id,
      contactIds: [contacts['Anna Schmidt']!, contacts['Pierre Martin']!],
      ratePerMinute: 1,
      includeSignature: false,
    });
    await waitFor(() => sink.received.length === start + 1, 10_000, 'the first mail of the slow batch');
    await waitFor(async () => (await app.call('mail.listOutbox', { batchId: batch.id })).counts.sending === 0, 10_000, 'the first send to finish');
    expect(await app.call('mail.cancelBatch', { id: batch.id })).toEqual({ count: 1 });
    const [summary] = (await app.call('mail.listBatches', {})).rows;
    expect(summary).toMatchObject({ id: batch.id, total: 1, counts: { sent: 1, queued: 0 } });
    expect(summary!.canceledAt).not.toBeNull();
    expect((await parseMail(sink.received[start]!.raw)).text).not.toContain('-- \n');
  });
});
