import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMail } from '../../electron/services/mail/store/mail-parse.ts';
import { appInteractive, navCount, pick, setupE2eSession } from '../helpers/e2e-session.ts';
import { startDovecot, startSmtpSink, type Dovecot, type SmtpSink } from '../helpers/mail-servers.ts';
import { serverFolder } from '../integration/electron/services/mail/send/mail-send-kit.ts';
import { rfc822 } from '../helpers/mail-test-kit.ts';

/**
 * Writing and sending mail in the UI: a new mail with a file to a customer's contact, the
 * outbox when the outgoing server is down, a personalised send to customers picked in the
 * list, and reading an unread message. Dovecot holds the mailbox (Inbox, Sent); an
 * smtp-server sink is the outgoing server, stopped and started at will.
 */

const ME = { user: 'li@mytrade.test', password: 'auth-code-2f9d' };
const ANNA = 'anna@hamburg-trade.de';
const PIERRE = 'pierre@lyon-import.fr';
const INQUIRY = 'Inquiry: 500 pcs TF-300';

/** Every mail the outgoing server took for one recipient, parsed. */
async function receivedBy(sink: SmtpSink, address: string) {
  return Promise.all(sink.received.filter((m) => m.to.includes(address)).map((m) => parseMail(m.raw)));
}

async function openCustomer(page: Page, name: string): Promise<void> {
  await page.getByTestId('nav-customers').click();
  await page.getByTestId('customer-row-name').filter({ hasText: name }).click();
  await expect.poll(() => page.getByTestId('customer-name').textContent()).toBe(name);
}

/** The message shown after "Send": sent, waiting, failed. */
const outcome = (page: Page) => page.getByTestId('mail-send-outcome').last().getAttribute('data-outcome');

describe('writing mail (Dovecot + SMTP sink, web host, Chromium)', () => {
  const session = setupE2eSession();
  let dovecot: Dovecot;
  let sink: SmtpSink;
  const customers: Record<'hamburg' | 'lyon' | 'osaka', string> = { hamburg: '', lyon: '', osaka: '' };

  beforeAll(async () => {
    [dovecot, sink] = await Promise.all([startDovecot({ users: [ME] }), startSmtpSink({ auth: { user: ME.user, pass: ME.password } })]);
    const account = await session.seed('mail.addAccount', {
      name: 'Work',
      email: ME.user,
      displayName: 'Li Na',
      signatureText: 'Li Na\nMyTrade Ltd.',
      imap: { host: '127.0.0.1', port: dovecot.imapPort, security: 'none', user: ME.user },
      smtp: { host: '127.0.0.1', port: sink.port, security: 'none', user: ME.user },
      password: ME.password,
    });
    const make = async (name: string, country: string, contact: { name: string; email?: string; phone?: string }) => {
      const customer = await session.seed('customers.create', { name, country, regionCode: 'EU', grade: 'A' });
      const channels = [
        ...(contact.email ? [{ kind: 'email' as const, value: contact.email }] : []),
        ...(contact.phone ? [{ kind: 'phone' as const, value: contact.phone }] : []),
      ];
      await session.seed('contacts.create', { customerId: customer.id, name: contact.name, isPrimary: true, channels });
      return customer.id;
    };
    customers.hamburg = await make('Hamburg Trade GmbH', 'DE', { name: 'Anna Schulz', email: ANNA });
    customers.lyon = await make('Lyon Import SARL', 'FR', { name: 'Pierre Martin', email: PIERRE });
    customers.osaka = await make('Osaka Trading KK', 'JP', { name: 'Kenji Sato', phone: '+81 6 1234 5678' });
    await dovecot.deliver(rfc822({ from: `Anna Schulz <${ANNA}>`, to: ME.user, subject: INQUIRY, messageId: 'inquiry-300@hamburg-trade.de' }), ME.user, ANNA);
    await session.seed('mail.syncNow', { accountId: account.id });
    await session.app.core.mail().whenIdle();
  });

  afterAll(async () => {
    await Promise.all([dovecot?.stop(), sink?.stop()]);
  });

  it('opening an unread message marks it read after a moment: the badge clears and the server has \\Seen', async () => {
    const page = await session.open();
    const unread = () => navCount(page, 'nav-mail-badge');
    await expect.poll(unread).toBe(1);
    await page.getByTestId('nav-mail').click();
    const row = page.getByTestId('mail-row').filter({ hasText: INQUIRY });
    await expect.poll(() => row.getAttribute('class')).toContain('unread');
    await row.click();
    await expect.poll(() => page.getByTestId('mail-reader-subject').textContent()).toBe(INQUIRY);
    // About a second later: read here (list, badges) and on the server.
    await expect.poll(unread).toBe(0);
    // The list and the badges are separate queries, refreshed one after the other.
    await expect.poll(() => row.getAttribute('class')).not.toContain('unread');
    await expect.poll(() => page.getByTestId('mail-folder-unread').count()).toBe(0);
    await expect.poll(async () => (await serverFolder(dovecot, ME.user, 'INBOX'))[0]?.flags).toContain('\\Seen');

    // "Mark unread" stays unread (no second automatic read), and the star reaches the server too.
    await page.getByTestId('mail-toggle-read').click();
    await expect.poll(unread).toBe(1);
    await page.getByTestId('mail-toggle-star').click();
    await expect.poll(() => row.getByTestId('mail-row-star').count()).toBe(1);
    await expect.poll(async () => (await serverFolder(dovecot, ME.user, 'INBOX'))[0]?.flags.sort()).toEqual(['\\Flagged']);
    await page.waitForTimeout(1500);
    expect(await unread()).toBe(1);
    await page.close();
  });

  it('writes to a contact from the customer folder with a file; it arrives with the file and shows in Sent', async () => {
    const page = await session.open();
    await openCustomer(page, 'Hamburg Trade GmbH');
    await page.getByTestId('tab-contacts').click();
    await page.getByTestId('contact-card').filter({ hasText: 'Anna Schulz' }).getByTestId('contact-write-mail').click();

    const compose = page.getByTestId('mail-compose');
    await expect.poll(() => compose.getByTestId('mail-compose-to').inputValue()).toBe(`Anna Schulz <${ANNA}>`);
    expect(await compose.getByTestId('mail-compose-from').textContent()).toBe(`Li Na <${ME.user}>`);
    // The signature is in the body, below the room to write.
    const body = compose.getByTestId('mail-compose-body');
    expect(await body.inputValue()).toBe('\n\n-- \nLi Na\nMyTrade Ltd.\n');
    await compose.getByTestId('mail-compose-subject').fill('Catalogue 2026');
    await body.press('Control+Home');
    await body.pressSequentially('Dear Anna, our new catalogue is attached.');

    // Two files picked, one removed again; sizes are shown against the limit.
    const catalogue = Buffer.from('%PDF-1.4 TradeFolio catalogue 2026\n'.repeat(40));
    await compose.getByTestId('mail-compose-file-input').setInputFiles([
      { name: 'Catalogue 2026.pdf', mimeType: 'application/pdf', buffer: catalogue },
      { name: 'old-prices.xlsx', mimeType: 'application/vnd.ms-excel', buffer: Buffer.from('old') },
    ]);
    const files = compose.getByTestId('mail-compose-attachment');
    await expect.poll(() => files.count()).toBe(2);
    await files.filter({ hasText: 'old-prices.xlsx' }).getByTestId('mail-compose-attachment-remove').click();
    await expect.poll(() => files.count()).toBe(1);
    expect(await compose.getByTestId('mail-compose-attachments-total').textContent()).toMatch(/KB of 25 MB$/);

    // Ctrl+Enter sends; the drawer closes and the mail goes out at once.
    await body.press('Control+Enter');
    await expect.poll(() => compose.count()).toBe(0);
    await expect.poll(() => outcome(page)).toBe('sent');

    const [mail] = await receivedBy(sink, ANNA);
    expect(mail?.subject).toBe('Catalogue 2026');
    expect(mail?.text).toContain('Dear Anna, our new catalogue is attached.\n\n-- \nLi Na');
    expect(mail?.attachments.map((a) => a.filename)).toEqual(['Catalogue 2026.pdf']);
    expect(mail?.attachments[0]?.content.equals(catalogue)).toBe(true);
    await expect.poll(async () => (await serverFolder(dovecot, ME.user, 'Sent')).map((m) => m.parsed.subject)).toContain('Catalogue 2026');

    // In the Sent folder here, and on the customer's timeline, going out.
    await page.getByTestId('tab-timeline').click();
    const entry = page.getByTestId('timeline-mail').filter({ hasText: 'Catalogue 2026' });
    await expect.poll(() => entry.getAttribute('data-direction')).toBe('outbound');
    await page.getByTestId('nav-mail').click();
    await page.locator('[data-testid="mail-folder"][data-special-use="sent"]').click();
    await expect.poll(() => page.getByTestId('mail-row').filter({ hasText: 'Catalogue 2026' }).count()).toBe(1);
    await page.close();
  });

  it('with the outgoing server down the mail waits in the outbox with the server’s error; Retry sends it once it is back', async () => {
    const page = await session.open();
    await page.getByTestId('nav-mail').click();
    await expect.poll(() => page.getByTestId('mail-new').isEnabled()).toBe(true);

    // c opens a new mail; closing it after typing asks first.
    await page.locator('body').press('c');
    const compose = page.getByTestId('mail-compose');
    await expect.poll(() => compose.getByTestId('mail-compose-to').evaluate((el) => el === document.activeElement)).toBe(true);
    await compose.getByTestId('mail-compose-subject').fill('Draft to lose');
    await page.keyboard.press('Escape');
    await page.getByTestId('mail-compose-discard').click();
    await expect.poll(() => compose.count()).toBe(0);

    await sink.stop();
    await page.getByTestId('mail-new').click();
    await compose.getByTestId('mail-compose-to').fill('Pierre <not an address');
    await compose.getByTestId('mail-compose-send').click();
    await expect.poll(() => compose.locator('.ant-form-item-explain-error').first().textContent()).toContain('is not a valid email address');
    await compose.getByTestId('mail-compose-to').fill(`Pierre Martin <${PIERRE}>`);
    await compose.getByTestId('mail-compose-subject').fill('Samples shipped');
    await compose.getByTestId('mail-compose-body').fill('Dear Pierre, the samples left Ningbo today.');
    await compose.getByTestId('mail-compose-send').click();
    await expect.poll(() => compose.count()).toBe(0);
    await expect.poll(() => outcome(page)).toBe('waiting');
    expect(await page.getByTestId('mail-send-outcome').last().textContent()).toContain('Queued — it will be sent when the mail server can be reached.');

    // The outbox, with its count: waiting, one attempt, the translated reason and the network's own words.
    await expect.poll(() => page.getByTestId('mail-outbox-badge').locator('.ant-scroll-number').getAttribute('title')).toBe('1 mail waiting to go out');
    await page.getByTestId('mail-view-outbox').click();
    const row = page.getByTestId('outbox-row').filter({ hasText: 'Samples shipped' });
    await expect.poll(() => row.getAttribute('data-status')).toBe('queued');
    expect(await row.getByTestId('outbox-attempts').textContent()).toBe('1 attempt');
    expect(await row.getByTestId('outbox-error-message').textContent()).toContain('could not be reached');
    expect(await row.getByTestId('outbox-error-detail').textContent()).toMatch(/ECONNREFUSED|connect/i);

    await sink.start();
    await row.getByTestId('outbox-retry').click();
    await expect.poll(() => row.getAttribute('data-status')).toBe('sent');
    expect(await row.getByTestId('outbox-error').count()).toBe(0);
    const [mail] = await receivedBy(sink, PIERRE);
    expect(mail?.subject).toBe('Samples shipped');
    await expect.poll(() => page.getByTestId('mail-outbox-badge').count()).toBe(0);
    await page.close();
  });

  it('writes a template with placeholders and sends it, personalised, to customers picked in the list', async () => {
    const page = await session.open();
    await page.getByTestId('nav-mail').click();
    await page.getByTestId('mail-view-templates').click();
    await expect.poll(() => page.getByTestId('templates-empty').isVisible()).toBe(true);
    await page.getByTestId('template-new').click();
    await page.getByTestId('template-name').fill('Spring offer');
    // Placeholders from the menu go where the cursor is.
    await page.getByTestId('template-subject').fill('Spring offer for ');
    await page.getByTestId('template-insert-placeholder').click();
    await page.getByTestId('template-placeholder-customer.name').click();
    await expect.poll(() => page.getByTestId('template-subject').inputValue()).toBe('Spring offer for {{customer.name}}');
    const text = page.getByTestId('template-text');
    await text.fill('Dear {{contact.nmae}},\nour spring prices are attached.');
    // A typo is caught on the field, before anything is sent.
    await expect.poll(() => page.getByTestId('template-form').locator('.ant-form-item-explain-error').textContent()).toContain('Unknown placeholder “contact.nmae”');
    await text.fill(',\nour spring prices are attached.');
    await text.press('Control+Home');
    await text.pressSequentially('Dear ');
    await page.getByTestId('template-insert-placeholder').click();
    await page.getByTestId('template-placeholder-contact.firstName').click();
    await expect.poll(() => text.inputValue()).toBe('Dear {{contact.firstName}},\nour spring prices are attached.');
    await page.getByTestId('template-save').click();
    await expect.poll(() => page.getByTestId('template-item').filter({ hasText: 'Spring offer' }).count()).toBe(1);

    // Preview for a customer's contact, as they would read it.
    await pick(page, page.getByTestId('template-preview-customer'), 'Lyon');
    await expect.poll(() => page.getByTestId('template-preview-subject').textContent()).toBe('Spring offer for Lyon Import SARL');
    expect(await page.getByTestId('template-preview-body').textContent()).toBe('Dear Pierre,\nour spring prices are attached.');
    expect(await page.getByTestId('template-preview-to').textContent()).toBe(`Pierre Martin <${PIERRE}>`);

    // Three customers picked in the list; one has no email address.
    await page.getByTestId('nav-customers').click();
    for (const id of [customers.hamburg, customers.lyon, customers.osaka]) {
      await page.locator(`[data-testid="customer-row"][data-id="${id}"] input[type=checkbox]`).check();
    }
    await page.getByTestId('bulk-send-mail').click();
    const dialog = page.getByTestId('batch-dialog');
    await pick(page, dialog.getByTestId('batch-template'), 'Spring offer');
    await dialog.getByTestId('batch-rate').fill('120');
    expect(await dialog.getByTestId('batch-skipped-before').textContent()).toContain('Osaka Trading KK');
    expect(await dialog.locator('[data-testid="batch-recipient"][data-skipped="true"]').textContent()).toContain('Osaka Trading KK');
    await expect.poll(() => dialog.getByTestId('template-preview-subject').textContent()).toBe('Spring offer for Hamburg Trade GmbH');
    expect(await dialog.getByTestId('batch-send').textContent()).toBe('Send to 2 contacts');
    await dialog.getByTestId('batch-send').click();
    await expect.poll(() => dialog.getByTestId('batch-done').isVisible()).toBe(true);
    expect(await dialog.getByTestId('batch-skipped-contact').allTextContents()).toEqual(['Osaka Trading KK — no email address']);

    // The outbox, filtered to this send, with its progress; both go out, each personalised.
    await dialog.getByTestId('batch-open-outbox').click();
    await expect.poll(() => page.getByTestId('outbox-batch').isVisible()).toBe(true);
    const rows = page.getByTestId('outbox-row');
    await expect.poll(() => rows.count()).toBe(2);
    await expect.poll(() => rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-status')))).toEqual(['sent', 'sent']);
    await expect.poll(() => page.getByTestId('outbox-batch-progress').textContent()).toContain('2 of 2 done');
    const [toAnna] = (await receivedBy(sink, ANNA)).filter((m) => m.subject?.startsWith('Spring offer'));
    const [toPierre] = (await receivedBy(sink, PIERRE)).filter((m) => m.subject?.startsWith('Spring offer'));
    expect(toAnna?.subject).toBe('Spring offer for Hamburg Trade GmbH');
    expect(toAnna?.text).toContain('Dear Anna,\nour spring prices are attached.');
    expect(toPierre?.subject).toBe('Spring offer for Lyon Import SARL');
    expect(toPierre?.text).toContain('Dear Pierre,\nour spring prices are attached.');

    // Narrowed to one customer as well: only the mail to Lyon; the address keeps both filters.
    await pick(page, page.getByTestId('outbox-customer-filter'), 'Lyon');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Spring offer for Lyon Import SARL');
    expect(page.url()).toMatch(/[?&]customer=/);
    expect(page.url()).toMatch(/[?&]batch=/);
    // A reload keeps it, with the customer's name in the filter.
    await page.reload();
    await appInteractive(page);
    await expect.poll(() => page.getByTestId('outbox-customer-filter').textContent()).toContain('Lyon Import SARL');
    await expect.poll(() => rows.count()).toBe(1);
    await page.close();
  });
});
