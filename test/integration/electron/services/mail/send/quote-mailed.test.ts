import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../../../../electron/services/core/clock.ts';
import { startDovecot, startSmtpSink, type Dovecot, type SmtpSink } from '../../../../../helpers/mail-servers.ts';
import { tempDir } from '../../../../../helpers/temp-core.ts';
import { addSendingAccount, openSendCore, waitFor, type SendCore } from './mail-send-kit.ts';

/** "Mail this quote" (issue 13 point 4): sending the mail marks the quote sent and schedules its follow-up. */

const LI = { user: 'li@tradefolio.test', password: 'auth-code-51f0' };
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 5, 1, 9);

let dovecot: Dovecot;
let sink: SmtpSink;
let app: SendCore;
let accountId: string;
let customerId: string;
const clock = fixedClock(T0);
const dataDir = tempDir('tf-quote-mail-');

type QuoteRow = { status: string; sent_at: number | null; follow_up_at: number | null };
const quoteRow = (id: string) => app.core.database().sqlite.prepare('SELECT status, sent_at, follow_up_at FROM quotes WHERE id = ?').get(id) as QuoteRow;

beforeAll(async () => {
  [dovecot, sink] = await Promise.all([startDovecot({ users: [LI] }), startSmtpSink({ auth: { user: LI.user, pass: LI.password } })]);
  app = await openSendCore(clock, dataDir);
  accountId = await addSendingAccount(app, dovecot, sink, LI, { displayName: 'Li Wei' });
  customerId = (await app.call('customers.create', { name: 'Hamburg Trade GmbH', regionCode: 'EU', country: 'DE' })).id;
  await app.call('mail.syncNow', { accountId });
  await app.core.mail().whenIdle();
  const sqlite = app.core.database().sqlite;
  const quote = sqlite.prepare(`INSERT INTO quotes (id, number, base_number, customer_id, status, language, quoted_at, created_at, updated_at, follow_up_at)
    VALUES (?, ?, ?, ?, ?, 'en', 1, 1, 1, ?)`);
  quote.run('draft', 'Q2026-0042', 'Q2026-0042', customerId, 'draft', null);
  quote.run('won', 'Q2026-0043', 'Q2026-0043', customerId, 'accepted', 5);
  sqlite.prepare(`INSERT INTO settings (key, value, updated_at) VALUES ('quoteFollowUpDays', '3', 1)`).run();
});

afterAll(async () => {
  await app?.close();
  await Promise.all([dovecot?.stop(), sink?.stop()]);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const mailQuote = (quoteId: string, number: string) =>
  app.call('mail.send', {
    accountId,
    to: [{ address: 'anna@hamburg-trade.de' }],
    subject: `Quotation ${number}`,
    text: 'Please find our quotation attached.',
    attachments: [{ filename: `${number}.pdf`, contentBase64: Buffer.from('%PDF-1.4 quote').toString('base64') }],
    customerId,
    quoteId,
  });

describe('a mail that sends a quote', () => {
  it('marks a draft quote sent when the mail has gone out, with its follow-up the set days later, and links the sent copy', async () => {
    const queued = await mailQuote('draft', 'Q2026-0042');
    // Queued is not sent: the quote waits for the server to take the mail.
    expect(quoteRow('draft').status).toBe('draft');
    await waitFor(async () => (await app.call('mail.getOutbox', { id: queued.id })).sentCopyAt !== null, 15_000, 'the quote mail to be sent and copied');
    expect(quoteRow('draft')).toEqual({ status: 'sent', sent_at: T0, follow_up_at: T0 + 3 * DAY });
    expect(sink.received.filter((m) => m.raw.includes('Q2026-0042.pdf'))).toHaveLength(1);
    // The copy in Sent names the number, so it shows on the quote.
    await waitFor(async () => (await app.call('quotes.mail', { quoteId: 'draft' })).rows.length === 1, 15_000, 'the sent copy to be linked');
  });

  it('leaves a decided quote as it was, and names an unknown quote', async () => {
    const queued = await mailQuote('won', 'Q2026-0043');
    await waitFor(async () => (await app.call('mail.getOutbox', { id: queued.id })).status === 'sent', 15_000, 'the mail to be sent');
    expect(quoteRow('won')).toEqual({ status: 'accepted', sent_at: null, follow_up_at: 5 });
    const error = await app.fail('mail.send', { accountId, to: [{ address: 'anna@hamburg-trade.de' }], subject: 'x', quoteId: 'gone' });
    expect(error.fieldErrors?.[0]).toMatchObject({ path: 'quoteId', message: 'quoteMail.errors.quoteNotFound' });
  });
});
