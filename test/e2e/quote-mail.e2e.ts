import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMail } from '../../electron/services/mail/store/mail-parse.ts';
import { setupE2eSession } from '../helpers/e2e-session.ts';
import { startDovecot, startSmtpSink, type Dovecot, type SmtpSink } from '../helpers/mail-servers.ts';
import { tempDir } from '../helpers/temp-core.ts';

/**
 * "Mail to customer" on a quote (issue 13 point 4): one click opens a mail to the quote's contact
 * with its PDF attached; once it is sent the quote is marked sent, and the sent copy shows on it.
 */

const ME = { user: 'li@mytrade.test', password: 'auth-code-7c1e' };

describe('mailing a quote (Dovecot + SMTP sink, web host, Chromium)', () => {
  const session = setupE2eSession();
  let dovecot: Dovecot;
  let sink: SmtpSink;
  let quoteId: string;
  let number: string;

  beforeAll(async () => {
    [dovecot, sink] = await Promise.all([startDovecot({ users: [ME] }), startSmtpSink({ auth: { user: ME.user, pass: ME.password } })]);
    const account = await session.seed('mail.addAccount', {
      name: 'Work',
      email: ME.user,
      displayName: 'Li Na',
      imap: { host: '127.0.0.1', port: dovecot.imapPort, security: 'none', user: ME.user },
      smtp: { host: '127.0.0.1', port: sink.port, security: 'none', user: ME.user },
      password: ME.password,
    });
    await session.seed('mail.syncNow', { accountId: account.id });
    await session.app.core.mail().whenIdle();
    const customer = await session.seed('customers.create', { name: 'Hamburg Trade GmbH', regionCode: 'EU', country: 'DE' });
    const anna = await session.seed('contacts.create', { customerId: customer.id, name: 'Anna Schmidt', channels: [{ kind: 'email', value: 'anna@hamburg-trade.de' }] });
    const quote = await session.seed('quotes.create', {
      customerId: customer.id,
      contactId: anna.id,
      incoterm: 'FOB',
      incotermPort: 'Ningbo',
      lines: [{ description: 'LED panel 600x600 40W', quantity: 500, unit: 'pcs', unitPriceE4: 125_000, currency: 'USD' }],
    });
    quoteId = quote.id;
    number = quote.number;
  });
  const folder = tempDir('tf-e2e-quote-pdf-');
  afterAll(async () => {
    await Promise.all([dovecot?.stop(), sink?.stop()]);
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('exports the quote as a PDF on the letterhead from its page', async () => {
    const page = await session.open({ locale: 'en-US' });
    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, `#/quotes/${quoteId}`);
    await page.getByTestId('quote-export').click();
    const file = path.join(folder, `${number}.pdf`);
    await page.getByTestId('quote-export-path').fill(file);
    await page.getByTestId('quote-export-ok').click();
    await expect.poll(() => fs.existsSync(file), { timeout: 15_000 }).toBe(true);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain(number);
    expect(text).toMatch(/LED panel 600x600 40W\s+500\s+pcs\s+USD\s+12.50\s+6,250.00/);
    await page.close();
  });

  it('opens a mail to the contact with the PDF, and sending it marks the draft quote sent', async () => {
    const page = await session.open({ locale: 'en-US' });
    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, `#/quotes/${quoteId}`);
    await expect.poll(() => page.getByTestId('quote-status').getAttribute('data-status')).toBe('draft');
    await page.getByTestId('quote-mail').click();
    await expect.poll(() => page.getByTestId('mail-compose-subject').inputValue()).toBe(`Quotation ${number}`);
    expect(await page.getByTestId('mail-compose-to').inputValue()).toContain('anna@hamburg-trade.de');
    expect(await page.getByTestId('mail-compose-body').inputValue()).toMatch(/^Dear Anna Schmidt,\n\nPlease find attached our quotation /);
    expect(await page.getByTestId('mail-compose-attachment').textContent()).toContain(`${number}.pdf`);
    await page.getByTestId('mail-compose-send').click();

    await expect.poll(() => sink.received.filter((m) => m.to.includes('anna@hamburg-trade.de')).length, { timeout: 15_000 }).toBe(1);
    const sent = await parseMail(sink.received.find((m) => m.to.includes('anna@hamburg-trade.de'))!.raw);
    expect(sent.attachments.map((a) => [a.filename, a.contentType, a.content.subarray(0, 5).toString()])).toEqual([[`${number}.pdf`, 'application/pdf', '%PDF-']]);
    // The page follows: the quote is sent, and the copy in Sent names its number, so it is listed under Mail.
    await expect.poll(() => page.getByTestId('quote-status').getAttribute('data-status'), { timeout: 15_000 }).toBe('sent');
    await expect.poll(() => page.getByTestId('quote-mail-row').count(), { timeout: 15_000 }).toBe(1);
    await page.close();
  });
});
