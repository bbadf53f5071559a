import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { navCount, pick, setupE2eSession } from '../helpers/e2e-session.ts';
import { startDovecot, type Dovecot } from '../helpers/mail-servers.ts';
import { rfc822 } from '../helpers/mail-test-kit.ts';

const ME = 'sales@mytrade.test';
const ANNA = 'anna@hamburg-trade.de';
const SUBJECT = 'Inquiry: 2,000 pcs TF-200';

/** Subjects in a server folder, read over IMAP as another mail program would. */
async function subjectsIn(dovecot: Dovecot, mailbox: string): Promise<string[]> {
  const client = await dovecot.connect(ME);
  try {
    await client.mailboxOpen(mailbox);
    const subjects: string[] = [];
    for await (const m of client.fetch('1:*', { envelope: true })) subjects.push(m.envelope?.subject ?? '');
    return subjects;
  } catch {
    return [];
  } finally {
    await client.logout();
  }
}

async function fillServer(page: Page, kind: 'imap' | 'smtp', host: string, port: number): Promise<void> {
  await page.getByTestId(`mail-field-${kind}-host`).fill(host);
  await page.getByTestId(`mail-field-${kind}-port`).fill(String(port));
}

describe('mail (Dovecot, web host, Chromium)', () => {
  const session = setupE2eSession();
  let dovecot: Dovecot;
  let customerId = '';

  beforeAll(async () => {
    dovecot = await startDovecot({ users: [{ user: ME, password: 'secret' }], submission: true });
    const customer = await session.seed('customers.create', { name: 'Hamburg Trade GmbH', country: 'DE', regionCode: 'EU', grade: 'A' });
    customerId = customer.id;
    await session.seed('contacts.create', { customerId, name: 'Anna Schulz', channels: [{ kind: 'email', value: ANNA }] });
    await dovecot.deliver(
      rfc822({ from: `Anna Schulz <${ANNA}>`, to: ME, subject: SUBJECT, messageId: 'inquiry-1@hamburg-trade.de', body: 'Dear Sales,\r\nplease quote FOB Ningbo.\r\nAnna' }),
      ME,
      ANNA,
    );
  });

  afterAll(async () => {
    await dovecot?.stop();
  });

  it('adds an account in the UI, syncs the mail, files it under the customer and replies from the folder', async () => {
    const page = await session.open({ locale: 'en-US' });
    await page.getByTestId('nav-mail').click();

    // No account yet: an invitation to add one.
    await expect.poll(() => page.getByTestId('mail-no-accounts').isVisible()).toBe(true);
    await page.getByTestId('mail-add-first-account').click();
    const form = page.getByTestId('mail-account-form');
    await expect.poll(() => form.isVisible()).toBe(true);

    // A QQ address suggests QQ Mail and says an authorization code is needed.
    await page.getByTestId('mail-field-email').fill('someone@qq.com');
    await expect.poll(() => page.getByTestId('mail-form-password-hint').getAttribute('data-kind')).toBe('authCode');
    expect(await page.getByTestId('mail-form-password-hint').textContent()).toContain('authorization code (授权码)');
    expect(await page.getByTestId('mail-field-imap-host').inputValue()).toBe('imap.qq.com');

    // Our own server: no preset; the servers are typed in.
    await page.getByTestId('mail-field-email').fill(ME);
    await pick(page, page.getByTestId('mail-field-provider'), 'Other (IMAP/SMTP)');
    expect(await page.getByTestId('mail-field-imap-user').inputValue()).toBe(ME);
    await fillServer(page, 'imap', 'imap.example.com', dovecot.imapPort);
    await pick(page, page.getByTestId('mail-field-imap-security'), 'None (this computer only)');
    await fillServer(page, 'smtp', '127.0.0.1', dovecot.submissionPort!);
    await pick(page, page.getByTestId('mail-field-smtp-security'), 'None (this computer only)');
    await page.getByTestId('mail-field-password').fill('wrong');

    // The contract refuses cleartext to a remote host; the error lands on the field.
    await page.getByTestId('mail-account-test').click();
    const fieldError = form.locator('.ant-form-item-explain-error', { hasText: 'only allowed to a server on this computer' });
    await expect.poll(() => fieldError.count()).toBe(1);

    // A wrong password: the login step fails with the translation and the server's words.
    await page.getByTestId('mail-field-imap-host').fill('127.0.0.1');
    await page.getByTestId('mail-account-test').click();
    const result = page.getByTestId('mail-test-result');
    await expect.poll(() => result.getAttribute('data-ok')).toBe('false');
    const login = result.locator('[data-step="login"]');
    expect(await login.getAttribute('data-state')).toBe('failed');
    expect(await login.getByTestId('mail-test-message').textContent()).toContain('The server refused the login');
    expect((await login.getByTestId('mail-test-detail').textContent())?.length).toBeGreaterThan(0);
    expect(await result.locator('[data-step="connect"]').getAttribute('data-state')).toBe('ok');
    // Folders are never reached; the outgoing server is tried on its own and refuses too.
    expect(await result.locator('[data-step="folders"]').getAttribute('data-state')).toBe('skipped');
    expect(await result.locator('[data-step="smtpLogin"]').getAttribute('data-state')).toBe('failed');

    // The right password: every step passes, IMAP and SMTP.
    await page.getByTestId('mail-field-password').fill('secret');
    await page.getByTestId('mail-account-test').click();
    await expect.poll(() => result.getAttribute('data-ok')).toBe('true');
    expect(await result.getByTestId('mail-test-step').evaluateAll((steps) => steps.map((s) => `${s.getAttribute('data-step')}:${s.getAttribute('data-state')}`))).toEqual([
      'dns:ok',
      'connect:ok',
      // Cleartext to this computer: there is no TLS step.
      'tls:notUsed',
      'login:ok',
      'folders:ok',
      'smtpConnect:ok',
      'smtpLogin:ok',
    ]);

    await page.getByTestId('mail-account-save').click();
    await expect.poll(() => form.isVisible()).toBe(false);

    // The folder tree, the inbox synced, the message in the list.
    const inbox = page.locator('[data-testid="mail-folder"][data-special-use="inbox"]');
    await expect.poll(() => inbox.count()).toBe(1);
    const row = page.getByTestId('mail-row').filter({ hasText: SUBJECT });
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => inbox.getAttribute('data-sync'), { timeout: 20_000 }).toBe('synced');
    expect(await row.getByTestId('mail-row-customer').textContent()).toBe('EU-001-A');
    // The nav badge counts the unread mail in the inboxes.
    await expect.poll(() => navCount(page, 'nav-mail-badge')).toBe(1);

    // Read it: plain text with its line breaks, filed under the customer.
    await row.click();
    await expect.poll(() => page.getByTestId('mail-reader-subject').textContent()).toBe(SUBJECT);
    expect(await page.getByTestId('mail-reader-from').textContent()).toBe(`Anna Schulz <${ANNA}>`);
    expect(await page.getByTestId('mail-plain').textContent()).toContain('Dear Sales,\nplease quote FOB Ningbo.');

    // Who this is, beside the mail: the customer's code, name, grade, stage, owner and last contact.
    const card = page.getByTestId('mail-customer-card');
    await expect.poll(() => card.getByTestId('customer-stage').count()).toBe(1);
    expect(await card.getByTestId('mail-reader-customer').textContent()).toBe('EU-001-AHamburg Trade GmbH');
    expect(await card.getByTestId('grade-tag').textContent()).toBe('A');
    expect(await card.getByTestId('customer-stage').textContent()).toBe('Potential');
    expect(await card.getByTestId('customer-owner').textContent()).toBe('No owner');
    expect(await card.getByTestId('customer-last-contact').textContent()).toBeTruthy();

    // The customer's folder: the mail is on the timeline, received from Anna.
    await page.getByTestId('mail-reader-customer').click();
    await expect.poll(() => page.getByTestId('customer-name').textContent()).toBe('Hamburg Trade GmbH');
    const entry = page.getByTestId('timeline-mail').filter({ hasText: SUBJECT });
    await expect.poll(() => entry.count()).toBe(1);
    expect(await entry.getAttribute('data-direction')).toBe('inbound');
    expect(await entry.getByTestId('timeline-mail-from').textContent()).toContain('Anna Schulz');

    // Reply from the folder: the compose drawer has the draft; the reply goes out over SMTP
    // and its copy lands in the server's Sent folder.
    await entry.click();
    const drawer = page.getByTestId('mail-drawer');
    await expect.poll(() => drawer.getByTestId('mail-reader-subject').textContent()).toBe(SUBJECT);
    await drawer.getByTestId('mail-reply').click();
    const compose = page.getByTestId('mail-compose');
    await expect.poll(() => compose.getByTestId('mail-compose-subject').inputValue()).toBe(`Re: ${SUBJECT}`);
    expect(await compose.getByTestId('mail-compose-to').inputValue()).toContain(ANNA);
    const body = compose.getByTestId('mail-compose-body');
    await body.press('Control+Home');
    await body.pressSequentially('Dear Anna, FOB Ningbo USD 5.20. ');
    await compose.getByTestId('mail-compose-send').click();
    await expect.poll(() => compose.isVisible()).toBe(false);

    await expect.poll(() => subjectsIn(dovecot, 'Sent'), { timeout: 30_000 }).toContain(`Re: ${SUBJECT}`);
    expect(dovecot.relayed.some((m) => m.to.includes(ANNA) && m.raw.toString('utf8').includes('FOB Ningbo USD 5.20'))).toBe(true);

    // The sent reply joins the customer's timeline, going out.
    await page.keyboard.press('Escape');
    const reply = page.getByTestId('timeline-mail').filter({ hasText: `Re: ${SUBJECT}` });
    await expect.poll(() => reply.count(), { timeout: 30_000 }).toBe(1);
    expect(await reply.getAttribute('data-direction')).toBe('outbound');
    await page.close();
  });

  it('moves through the list with the keyboard and reads the screens in Chinese', async () => {
    await dovecot.deliver(rfc822({ from: `Anna Schulz <${ANNA}>`, to: ME, subject: '样品已寄出', messageId: 'sample-1@hamburg-trade.de', body: '样品已寄出，请查收。' }), ME, ANNA);
    await session.seed('mail.syncNow', {});
    const page = await session.open({ locale: 'zh-CN' });
    await page.getByTestId('nav-mail').click();
    await expect.poll(() => page.getByTestId('nav-mail').textContent()).toMatch(/^邮件\d*$/);
    const inbox = page.locator('[data-testid="mail-folder"][data-special-use="inbox"]');
    await expect.poll(() => inbox.textContent()).toContain('收件箱');
    await expect.poll(() => page.getByTestId('mail-row').filter({ hasText: '样品已寄出' }).count(), { timeout: 20_000 }).toBe(1);

    // j opens the newest, j again the next one, k goes back.
    await page.locator('body').press('j');
    await expect.poll(() => page.getByTestId('mail-reader-subject').textContent()).toBe('样品已寄出');
    await page.locator('body').press('j');
    await expect.poll(() => page.getByTestId('mail-reader-subject').textContent()).toBe(SUBJECT);
    await page.locator('body').press('k');
    await expect.poll(() => page.getByTestId('mail-reader-subject').textContent()).toBe('样品已寄出');
    expect(await page.getByTestId('mail-plain').textContent()).toBe('样品已寄出，请查收。\n');
    // r replies to the open message.
    await page.locator('body').press('r');
    await expect.poll(() => page.getByTestId('mail-compose-subject').inputValue()).toBe('Re: 样品已寄出');
    await page.close();
  });

  it('removes an account from Settings after confirming, leaving the server alone', async () => {
    const page = await session.open({ locale: 'en-US' });
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-tab-mailAccounts').click();
    const account = page.getByTestId('mail-account-row').filter({ hasText: ME });
    await expect.poll(() => account.count()).toBe(1);
    await account.getByTestId('mail-account-remove').click();
    await page.getByTestId('mail-account-remove-ok').click();
    await expect.poll(() => page.getByTestId('mail-accounts-empty').isVisible()).toBe(true);
    // Nothing on the server was touched.
    expect(await subjectsIn(dovecot, 'INBOX')).toEqual(expect.arrayContaining([SUBJECT, '样品已寄出']));
    // The customer's timeline no longer shows the removed account's mail.
    const timeline = await session.seed('customers.timeline', { customerId });
    expect(timeline.rows.filter((r) => r.type === 'mail')).toEqual([]);
    await page.close();
  });
});
