import type { CallInput } from '../../../../../../shared/contract/contract.ts';
import fs from 'node:fs';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../../../../electron/services/core/clock.ts';
import { openDatabase } from '../../../../../../db/open-database.ts';
import { parseMail } from '../../../../../../electron/services/mail/store/mail-parse.ts';
import { DATABASE_FILE_NAME } from '../../../../../../electron/services/core/app-core.ts';
import { startDovecot, startSmtpSink, type Dovecot, type SmtpSink } from '../../../../../helpers/mail-servers.ts';
import { tempDir } from '../../../../../helpers/temp-core.ts';
import { rfc822, withAttachment } from '../../../../../helpers/mail-test-kit.ts';
import { addSendingAccount, openSendCore, serverFolder, waitFor, type SendCore } from './mail-send-kit.ts';

/**
 * Sending against real servers: an smtp-server sink as the outgoing server (stopped, started
 * and told to refuse at will) and a throwaway Dovecot holding the account's Sent folder.
 */

const LI = { user: 'li@tradefolio.test', password: 'auth-code-51f0' };

let dovecot: Dovecot;
let sink: SmtpSink;
let app: SendCore;
let accountId: string;
let customerId: string;
const clock = fixedClock(Date.now());
const dataDir = tempDir('tf-send-');

const outbox = async (id: string) => app.call('mail.getOutbox', { id });
const untilStatus = async (id: string, status: string, extra: (r: Awaited<ReturnType<typeof outbox>>) => boolean = () => true) => {
  let last: Awaited<ReturnType<typeof outbox>> | null = null;
  try {
    return await waitFor(async () => {
      last = await outbox(id);
      return last.status === status && extra(last) ? last : undefined;
    }, 15_000, `outbox ${id} to be ${status}`);
  } catch (err) {
    // Say what the row looked like, so a timing failure can be told from a logic one.
    throw new Error(`${err instanceof Error ? err.message : String(err)}; last seen: ${JSON.stringify(last)}`, { cause: err });
  }
};
const received = (messageId: string) => sink.received.filter((m) => m.raw.includes(`<${messageId}>`));

beforeAll(async () => {
  [dovecot, sink] = await Promise.all([startDovecot({ users: [LI] }), startSmtpSink({ auth: { user: LI.user, pass: LI.password } })]);
  app = await openSendCore(clock, dataDir);
  accountId = await addSendingAccount(app, dovecot, sink, LI, { displayName: 'Li Wei', signatureText: 'Li Wei\nTradeFolio', aliases: ['sales@tradefolio.test'] });
  const customer = await app.call('customers.create', { name: 'Hamburg Trade GmbH', regionCode: 'EU', country: 'DE' });
  customerId = customer.id;
  await app.call('contacts.create', { customerId, name: 'Anna Schmidt', channels: [{ kind: 'email', value: 'anna@hamburg-trade.de' }] });
  // The first sync learns the folders, Sent among them.
  await app.call('mail.syncNow', { accountId });
  await app.core.mail().whenIdle();
});

afterAll(async () => {
  await app?.close();
  await Promise.all([dovecot?.stop(), sink?.stop()]);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('sending a mail', () => {
  it('queues it, sends it with its attachments, files it in Sent on the server and under the customer at once', async () => {
    const queued = await app.call('mail.send', {
      accountId,
      to: [{ name: 'Anna Schmidt', address: 'anna@hamburg-trade.de' }],
      bcc: [{ address: 'boss@tradefolio.test' }],
      subject: 'Offer 报价 2026',
      text: 'Dear Anna,\nplease find our offer attached.',
      attachments: [
        { filename: 'Offer 2026.pdf', contentBase64: Buffer.from('%PDF-1.4 the offer').toString('base64') },
        { filename: 'specs.txt', contentBase64: Buffer.from('spec sheet').toString('base64') },
      ],
    });
    expect(queued).toMatchObject({ status: 'queued', attempts: 0, fromAddress: LI.user, canRetry: true, canCancel: true });
    expect(queued.attachments.map((a) => a.filename)).toEqual(['Offer 2026.pdf', 'specs.txt']);

    const sent = await untilStatus(queued.id, 'sent', (r) => r.sentCopyAt !== null);
    expect(sent).toMatchObject({ attempts: 1, lastError: null, canRetry: false, canCancel: false });

    const [mail] = received(queued.messageId);
    expect(received(queued.messageId)).toHaveLength(1);
    expect(mail!.from).toBe(LI.user);
    expect(mail!.to.sort()).toEqual(['anna@hamburg-trade.de', 'boss@tradefolio.test']);
    expect(mail!.raw.toString('latin1')).not.toMatch(/^bcc:/im);
    const parsed = await parseMail(mail!.raw);
    expect(parsed).toMatchObject({ messageId: queued.messageId, subject: 'Offer 报价 2026', from: { name: 'Li Wei', address: LI.user } });
    expect(parsed.text).toContain('please find our offer attached.');
    expect(parsed.attachments.map((a) => [a.filename, a.content.toString()])).toEqual([
      ['Offer 2026.pdf', '%PDF-1.4 the offer'],
      ['specs.txt', 'spec sheet'],
    ]);

    // On the server, in Sent, read, with the Bcc the sender may want to see later.
    const serverSent = await serverFolder(dovecot, LI.user, 'Sent');
    const copy = serverSent.find((m) => m.parsed.messageId === queued.messageId)!;
    expect(copy.flags).toContain('\\Seen');
    expect(copy.parsed.addresses.filter((a) => a.role === 'bcc').map((a) => a.address)).toEqual(['boss@tradefolio.test']);

    // Here, at once: in the Sent folder and under the customer, as outgoing mail.
    const filed = await app.call('mail.listMessages', { customerId });
    expect(filed.rows).toMatchObject([{ subject: 'Offer 报价 2026', direction: 'outbound', hasAttachments: true, customers: [{ id: customerId, match: 'contact' }] }]);
    const [status] = await app.call('mail.syncStatus', {});
    const sentFolder = status!.folders.find((f) => f.specialUse === 'sent')!;
    expect((await app.call('mail.listMessages', { folderId: sentFolder.id })).total).toBe(1);

    // The next sync finds the UID already stored: no second copy.
    await app.call('mail.syncNow', { accountId });
    await app.core.mail().whenIdle();
    expect((await app.call('mail.listMessages', { folderId: sentFolder.id })).total).toBe(1);
    const after = (await app.call('mail.syncStatus', {}))[0]!.folders.find((f) => f.specialUse === 'sent')!;
    expect(after).toMatchObject({ localCount: 1, serverCount: 1, serverRangeCount: 1 });
  });

  it('keeps a mail written while the server is down and sends it once when it is back', async () => {
    await sink.stop();
    const before = sink.received.length;
    const queued = await app.call('mail.send', { accountId, to: [{ address: 'anna@hamburg-trade.de' }], subject: 'Written offline', text: 'Hello' });
    const waiting = await untilStatus(queued.id, 'queued', (r) => r.attempts === 1);
    expect(waiting.lastError).toMatchObject({ reason: 'offline', message: 'mail.outbox.errors.offline', responseCode: null });
    expect(waiting.lastError!.detail).toMatch(/ECONNREFUSED|connect/i);
    expect(waiting.nextAttemptAt).toBe(clock.now() + 15_000);

    // Kicks before the retry time change nothing: the row is not due.
    app.core.mailSender().kick();
    await app.core.mailSender().whenIdle();
    expect((await outbox(queued.id)).attempts).toBe(1);

    await sink.start();
    clock.advance(16_000);
    // Several wake-ups at once (a timer, the network coming back, a click) still send it once.
    app.core.mailSender().kick();
    app.core.mailSender().kick();
    app.core.mailSender().kick();
    const sent = await untilStatus(queued.id, 'sent', (r) => r.sentCopyAt !== null);
    expect(sent).toMatchObject({ attempts: 2, lastError: null });
    expect(received(queued.messageId)).toHaveLength(1);
    expect(sink.received.length).toBe(before + 1);

    // Sent is final: retry and cancel are refused, and nothing goes out again.
    expect(await app.fail('mail.retryOutbox', { id: queued.id })).toMatchObject({ code: 'conflict', message: 'errors.mailOutboxNotRetryable' });
    expect(await app.fail('mail.cancelOutbox', { id: queued.id })).toMatchObject({ code: 'conflict', message: 'errors.mailOutboxNotCancelable' });
    clock.advance(60_000);
    app.core.mailSender().kick();
    await app.core.mailSender().whenIdle();
    expect(received(queued.messageId)).toHaveLength(1);
    expect((await serverFolder(dovecot, LI.user, 'Sent')).filter((m) => m.parsed.messageId === queued.messageId)).toHaveLength(1);
  });

  it('marks a mail the server refuses as failed with the server\'s words, and retry sends it', async () => {
    sink.reject({ code: 550, message: '5.7.1 Message rejected as spam' });
    const queued = await app.call('mail.send', { accountId, to: [{ address: 'anna@hamburg-trade.de' }], subject: 'Looks like spam', text: 'Buy now' });
    const failed = await untilStatus(queued.id, 'failed');
    expect(failed).toMatchObject({ attempts: 1, canRetry: true, canCancel: true, sentAt: null });
    expect(failed.lastError).toMatchObject({ reason: 'rejected', message: 'mail.outbox.errors.rejected', responseCode: 550 });
    expect(failed.lastError!.detail).toContain('5.7.1 Message rejected as spam');
    expect(received(queued.messageId)).toHaveLength(0);

    // A failed mail is not retried by itself.
    clock.advance(3_600_000);
    app.core.mailSender().kick();
    await app.core.mailSender().whenIdle();
    expect((await outbox(queued.id)).status).toBe('failed');

    sink.reject(null);
    expect(await app.call('mail.retryOutbox', { id: queued.id })).toMatchObject({ status: 'queued' });
    await untilStatus(queued.id, 'sent', (r) => r.sentCopyAt !== null);
    expect(received(queued.messageId)).toHaveLength(1);
    expect((await outbox(queued.id)).attempts).toBe(2);

    const list = await app.call('mail.listOutbox', { statuses: ['sent'] });
    expect(list.counts).toMatchObject({ queued: 0, sending: 0, failed: 0 });
    expect(list.rows.map((r) => r.id)).toContain(queued.id);
  });

  it('reports recipients the server refused while the others got the mail', async () => {
    // A server that refuses one mailbox at RCPT time, as a real one does for a mistyped address.
    const picky = new SMTPServer({
      authOptional: true,
      allowInsecureAuth: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onAuth: (_auth, _session, cb) => cb(null, { user: LI.user }),
      onRcptTo(address, _session, cb) {
        if (address.address.startsWith('nobody@')) cb(Object.assign(new Error('5.1.1 <nobody@hamburg-trade.de>: Recipient address rejected: User unknown'), { responseCode: 550 }));
        else cb();
      },
      onData(stream, _session, cb) {
        stream.resume();
        stream.on('end', () => cb());
      },
    });
    const port = await new Promise<number>((resolve) => picky.listen(0, '127.0.0.1', () => resolve((picky.server.address() as { port: number }).port)));
    const [account] = await app.call('mail.listAccounts', {});
    const edit = (smtpPort: number) =>
      app.call('mail.editAccount', {
        id: accountId,
        name: account!.name,
        email: account!.email,
        displayName: account!.displayName,
        aliases: account!.aliases,
        signatureText: account!.signatureText,
        imap: account!.imap!,
        smtp: { ...account!.smtp!, port: smtpPort },
      });
    await edit(port);
    try {
      const queued = await app.call('mail.send', { accountId, to: [{ address: 'anna@hamburg-trade.de' }, { address: 'nobody@hamburg-trade.de' }], subject: 'Two', text: 'x' });
      const sent = await untilStatus(queued.id, 'sent');
      expect(sent.lastError).toMatchObject({ reason: 'partiallyRejected', recipients: ['nobody@hamburg-trade.de'] });
      expect(sent.lastError!.detail).toContain('User unknown');
    } finally {
      await edit(sink.port);
      await new Promise<void>((resolve) => picky.close(() => resolve()));
    }
  });

  it('cancels a queued mail so that it is never sent', async () => {
    await sink.stop();
    const queued = await app.call('mail.send', { accountId, to: [{ address: 'anna@hamburg-trade.de' }], subject: 'Changed my mind', text: 'x' });
    await untilStatus(queued.id, 'queued', (r) => r.attempts === 1);
    expect(await app.call('mail.cancelOutbox', { id: queued.id })).toEqual({ count: 1 });
    await sink.start();
    clock.advance(60_000);
    app.core.mailSender().kick();
    await app.core.mailSender().whenIdle();
    expect(received(queued.messageId)).toHaveLength(0);
    expect(await app.fail('mail.getOutbox', { id: queued.id })).toMatchObject({ code: 'notFound', message: 'errors.mailOutboxNotFound' });
  });

  it('refuses a mail without recipients, and never reads a local file a caller names', async () => {
    expect(await app.fail('mail.send', { accountId, subject: 'x', text: 'y' })).toMatchObject({
      code: 'validation',
      fieldErrors: [{ path: 'to', message: 'validation.noRecipients' }],
    });
    const secretFile = path.join(dataDir, 'private-notes.txt');
    fs.writeFileSync(secretFile, '{"not":"for mailing"}');
    const forged: unknown = { accountId, to: [{ address: 'a@b.de' }], attachments: [{ path: secretFile }] };
    const refused = await app.fail('mail.send', forged as CallInput<'mail.send'>);
    expect(refused.code).toBe('validation');
    expect(refused.fieldErrors?.[0]?.path).toMatch(/^attachments\.0/);
    expect((await app.call('mail.listOutbox', {})).rows.some((r) => r.to.some((t) => t.address === 'a@b.de'))).toBe(false);
  });
});

describe('reply, reply all and forward', () => {
  let inquiryId: string;

  beforeAll(async () => {
    const inquiry = withAttachment({
      from: 'Anna Schmidt <anna@hamburg-trade.de>',
      to: `Li Wei <${LI.user}>, Bob <bob@hamburg-trade.de>`,
      subject: 'Inquiry 500 pcs',
      messageId: 'inq-2@hamburg-trade.de',
      body: 'Please quote 500 pcs.',
      filename: 'drawing.pdf',
      content: Buffer.from('%PDF-1.4 drawing'),
    });
    // Cc with our alias and a colleague of Anna's; References to an older mail of the thread.
    const withCc = Buffer.from(
      inquiry.toString('utf8').replace('MIME-Version', 'Cc: sales@tradefolio.test, Carl <carl@hamburg-trade.de>\r\nReferences: <inq-1@hamburg-trade.de>\r\nMIME-Version'),
    );
    await dovecot.deliver(withCc, LI.user);
    await app.call('mail.syncNow', { accountId });
    await app.core.mail().whenIdle();
    const inbox = (await app.call('mail.listMessages', { customerId })).rows.find((r) => r.subject === 'Inquiry 500 pcs')!;
    inquiryId = inbox.id;
  });

  it('drafts a reply to the sender with quote, threading headers and the signature', async () => {
    const draft = await app.call('mail.compose', { kind: 'reply', messageId: inquiryId, timeZone: 'UTC' });
    expect(draft).toMatchObject({
      accountId,
      kind: 'reply',
      sourceMessageId: inquiryId,
      from: { name: 'Li Wei', address: LI.user },
      to: [{ name: 'Anna Schmidt', address: 'anna@hamburg-trade.de' }],
      cc: [],
      subject: 'Re: Inquiry 500 pcs',
      inReplyTo: 'inq-2@hamburg-trade.de',
      references: ['inq-1@hamburg-trade.de', 'inq-2@hamburg-trade.de'],
      attachments: [],
      customerId,
    });
    expect(draft.text).toMatch(/^\n\n-- \nLi Wei\nTradeFolio\n\nOn .+, Anna Schmidt <anna@hamburg-trade\.de> wrote:\n> Please quote 500 pcs\./);
  });

  it('frames a reply in the language of the mail, whatever the UI speaks', async () => {
    // A Chinese UI answering an English buyer: no "于 … 写道：" in front of the buyer.
    const english = await app.call('mail.compose', { kind: 'reply', messageId: inquiryId, locale: 'zh-CN', timeZone: 'UTC' });
    expect(english.text).toMatch(/\nOn .+, Anna Schmidt <anna@hamburg-trade\.de> wrote:\n> Please quote 500 pcs\./);
    expect(english.text).not.toContain('写道');
  });

  it('drafts a reply to all without our own addresses', async () => {
    const draft = await app.call('mail.compose', { kind: 'replyAll', messageId: inquiryId });
    expect(draft.to.map((a) => a.address)).toEqual(['anna@hamburg-trade.de', 'bob@hamburg-trade.de']);
    expect(draft.cc.map((a) => a.address)).toEqual(['carl@hamburg-trade.de']);
  });

  it('sends the reply as drafted: threaded, in Sent, and the inquiry marked answered', async () => {
    const draft = await app.call('mail.compose', { kind: 'replyAll', messageId: inquiryId });
    const queued = await app.call('mail.send', { ...draft, text: `Dear Anna, the price is 3.20 USD.${draft.text}` });
    await untilStatus(queued.id, 'sent', (r) => r.sentCopyAt !== null);
    const parsed = await parseMail(received(queued.messageId)[0]!.raw);
    expect(parsed).toMatchObject({ subject: 'Re: Inquiry 500 pcs', inReplyTo: 'inq-2@hamburg-trade.de', references: ['inq-1@hamburg-trade.de', 'inq-2@hamburg-trade.de'] });
    expect(parsed.text).toContain('> Please quote 500 pcs.');

    const sentCopy = (await serverFolder(dovecot, LI.user, 'Sent')).find((m) => m.parsed.messageId === queued.messageId);
    expect(sentCopy?.parsed.subject).toBe('Re: Inquiry 500 pcs');
    const inbox = await serverFolder(dovecot, LI.user, 'INBOX');
    expect(inbox.find((m) => m.parsed.messageId === 'inq-2@hamburg-trade.de')!.flags).toContain('\\Answered');
    // Reply and inquiry are one conversation here.
    const reply = (await app.call('mail.listMessages', { customerId })).rows.find((r) => r.subject === 'Re: Inquiry 500 pcs')!;
    const inquiry = await app.call('mail.getMessage', { id: inquiryId });
    expect(reply.threadId).toBe(inquiry.threadId);
  });

  it('forwards with the original attachments', async () => {
    // The UI is in Chinese, the mail in English: the forward header speaks the mail's language.
    const draft = await app.call('mail.compose', { kind: 'forward', messageId: inquiryId, locale: 'zh-CN' });
    expect(draft).toMatchObject({ to: [], subject: 'Fwd: Inquiry 500 pcs', inReplyTo: null, attachments: [{ filename: 'drawing.pdf', contentType: 'application/pdf', inline: false }] });
    expect(draft.text).toContain('---------- Forwarded message ----------\nFrom: Anna Schmidt <anna@hamburg-trade.de>');
    const queued = await app.call('mail.send', { ...draft, to: [{ name: 'Wang', address: 'wang@factory.cn' }] });
    await untilStatus(queued.id, 'sent');
    const parsed = await parseMail(received(queued.messageId)[0]!.raw);
    expect(parsed.attachments.map((a) => [a.filename, a.content.toString()])).toEqual([['drawing.pdf', '%PDF-1.4 drawing']]);
  });

  it('drafts a new mail to a contact, filed under their customer', async () => {
    const detail = await app.call('customers.get', { id: customerId });
    const draft = await app.call('mail.compose', { kind: 'new', contactId: detail.contacts[0]!.id });
    expect(draft).toMatchObject({ accountId, kind: 'new', to: [{ name: 'Anna Schmidt', address: 'anna@hamburg-trade.de' }], customerId, subject: '', text: '\n\n-- \nLi Wei\nTradeFolio\n' });
    expect(await app.fail('mail.compose', { kind: 'reply' })).toMatchObject({ code: 'validation', fieldErrors: [{ path: 'messageId' }] });
  });
});

describe('after a crash mid-send', () => {
  it('counts a mail found in Sent as sent and never resends one it cannot find by itself', async () => {
    await sink.stop();
    const lost = await app.call('mail.send', { accountId, to: [{ address: 'anna@hamburg-trade.de' }], subject: 'Cut off', text: 'a' });
    const delivered = await app.call('mail.send', { accountId, to: [{ address: 'anna@hamburg-trade.de' }], subject: 'Made it', text: 'b' });
    await untilStatus(lost.id, 'queued', (r) => r.attempts === 1);
    // With the server unreachable, the other mail waits for the same retry time (tried once
    // already, or held back by the first failure): nothing keeps knocking in the meantime.
    await untilStatus(delivered.id, 'queued', (r) => r.nextAttemptAt === clock.now() + 15_000 && r.attempts <= 1);
    await app.close();

    // What a crash during SMTP leaves: both rows 'sending'; one of them reached the server,
    // whose copy is in Sent (a server that files sent mail itself, as Gmail does).
    const opened = await openDatabase(path.join(dataDir, DATABASE_FILE_NAME));
    await opened.db.updateTable('mail_outbox').set({ status: 'sending' }).where('id', 'in', [lost.id, delivered.id]).execute();
    await opened.close();
    const client = await dovecot.connect(LI.user);
    await client.append('Sent', rfc822({ from: LI.user, to: 'anna@hamburg-trade.de', subject: 'Made it', messageId: delivered.messageId }), ['\\Seen']);
    await client.logout();

    await sink.start();
    const before = sink.received.length;
    // The app starts again later than any send could take.
    clock.advance(6 * 60_000);
    app = await openSendCore(clock, dataDir);
    const madeIt = await untilStatus(delivered.id, 'sent');
    expect(madeIt.sentCopyAt).not.toBeNull();
    const cutOff = await untilStatus(lost.id, 'failed');
    expect(cutOff.lastError).toMatchObject({ reason: 'interrupted', message: 'mail.outbox.errors.interrupted' });
    expect(sink.received.length).toBe(before);

    // The user decides: retry sends it, once, with the same Message-ID.
    await app.call('mail.retryOutbox', { id: lost.id });
    await untilStatus(lost.id, 'sent', (r) => r.sentCopyAt !== null);
    expect(received(lost.messageId)).toHaveLength(1);
    expect(received(delivered.messageId)).toHaveLength(0);
    expect((await serverFolder(dovecot, LI.user, 'Sent')).filter((m) => m.parsed.messageId === delivered.messageId)).toHaveLength(1);
  });
});
