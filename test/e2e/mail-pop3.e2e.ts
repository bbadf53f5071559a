import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pick, setupE2eSession } from '../helpers/e2e-session.ts';
import { startDovecot, type Dovecot } from '../helpers/mail-servers.ts';
import { rfc822 } from '../helpers/mail-test-kit.ts';

const ME = 'pop@mytrade.test';
const SUBJECT = 'Order 4471: shipping marks';

/** A POP3 mailbox added through the account form (issue 14 point 7), against Dovecot's POP3 on loopback. */
describe('POP3 account (Dovecot POP3, web host, Chromium)', () => {
  const session = setupE2eSession();
  let dovecot: Dovecot;

  beforeAll(async () => {
    dovecot = await startDovecot({ users: [{ user: ME, password: 'secret' }], pop3: true });
    const customer = await session.seed('customers.create', { name: 'Lisbon Imports Lda', country: 'PT', regionCode: 'EU', grade: 'B' });
    await session.seed('contacts.create', { customerId: customer.id, name: 'Rui Costa', channels: [{ kind: 'email', value: 'rui@lisbon-imports.pt' }] });
    await dovecot.deliver(rfc822({ from: 'Rui Costa <rui@lisbon-imports.pt>', to: ME, subject: SUBJECT, messageId: 'order-4471@lisbon-imports.pt' }), ME);
  });

  afterAll(async () => {
    await dovecot?.stop();
  });

  it('chooses POP3 in the form, keeps a copy on the server by default, tests the login and downloads the Inbox', async () => {
    const page = await session.open({ locale: 'en-US' });
    await page.getByTestId('nav-mail').click();
    await page.getByTestId('mail-add-first-account').click();
    const form = page.getByTestId('mail-account-form');
    await expect.poll(() => form.isVisible()).toBe(true);

    await page.getByTestId('mail-field-email').fill(ME);
    await pick(page, page.getByTestId('mail-field-provider'), 'Other (IMAP/SMTP)');
    await page.getByTestId('mail-field-kind').getByText('POP3', { exact: false }).click();
    // The incoming port follows the kind while it is the standard one; leave on server is on.
    await expect.poll(() => page.getByTestId('mail-field-imap-port').inputValue()).toBe('995');
    expect(await page.getByTestId('mail-server-imap').locator('legend').textContent()).toBe('Incoming mail (POP3)');
    expect(await page.getByTestId('mail-field-leave-on-server').getAttribute('aria-checked')).toBe('true');
    expect(await page.getByTestId('mail-field-sync-window').isVisible()).toBe(false);

    await page.getByTestId('mail-field-imap-host').fill('127.0.0.1');
    await page.getByTestId('mail-field-imap-port').fill(String(dovecot.pop3Port));
    await pick(page, page.getByTestId('mail-field-imap-security'), 'None (this computer only)');
    // No SMTP test server here: the incoming steps are what this test is about.
    await page.getByTestId('mail-field-smtp-host').fill('127.0.0.1');
    await page.getByTestId('mail-field-smtp-port').fill(String(dovecot.imapPort));
    await pick(page, page.getByTestId('mail-field-smtp-security'), 'None (this computer only)');
    await page.getByTestId('mail-field-password').fill('secret');

    await page.getByTestId('mail-account-test').click();
    const result = page.getByTestId('mail-test-result');
    await expect.poll(() => result.locator('[data-step="login"]').getAttribute('data-state')).toBe('ok');
    expect(await result.locator('[data-step="folders"]').getAttribute('data-state')).toBe('ok');

    await page.getByTestId('mail-account-save').click();
    await expect.poll(() => form.isVisible()).toBe(false);
    const row = page.getByTestId('mail-row').filter({ hasText: SUBJECT });
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(1);
    expect(await row.getByTestId('mail-row-customer').textContent()).toBe('EU-001-B');

    // Still on the server for the phone and webmail: leave a copy was on.
    const accounts = await session.seed('mail.listAccounts', {});
    expect(accounts).toMatchObject([{ kind: 'pop3', pop3: { leaveOnServer: true, deleteAfterDays: null } }]);
  });
});
