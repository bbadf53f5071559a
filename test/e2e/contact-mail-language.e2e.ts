import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pick, setupE2eSession } from '../helpers/e2e-session.ts';
import { startDovecot, startSmtpSink, type Dovecot, type SmtpSink } from '../helpers/mail-servers.ts';
import { rfc822 } from '../helpers/mail-test-kit.ts';

/**
 * A contact's mail language (issue 11, point 9), set in the contact form and followed by the
 * reply: with the UI in Chinese, a Chinese mail from a buyer is first answered with a Chinese
 * quote line (the mail's language); once the buyer's contact says "English", the reply to the
 * same mail is framed in English.
 */

const ME = { user: 'li@mytrade.test', password: 'auth-code-8e21' };
const LUKAS = 'lukas@ivanova-trading.ee';
const SUBJECT = '询价：500 件 TF-300';

async function replyBody(page: Page): Promise<string> {
  await page.getByTestId('nav-mail').click();
  await page.getByTestId('mail-row').filter({ hasText: SUBJECT }).click();
  await expect.poll(() => page.getByTestId('mail-reader-subject').textContent()).toBe(SUBJECT);
  await page.getByTestId('mail-reply').click();
  const compose = page.getByTestId('mail-compose');
  const body = compose.getByTestId('mail-compose-body');
  await expect.poll(() => body.inputValue()).toContain('李经理您好');
  const text = await body.inputValue();
  // Nothing typed: the drawer closes without asking.
  await page.keyboard.press('Escape');
  await expect.poll(() => compose.count()).toBe(0);
  return text;
}

describe('mail language of a contact (Dovecot, web host, Chromium)', () => {
  const session = setupE2eSession();
  let dovecot: Dovecot;
  let sink: SmtpSink;

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
    const customer = await session.seed('customers.create', { name: 'Ivanova Trading OÜ', country: 'EE', regionCode: 'EU', grade: 'A' });
    await session.seed('contacts.create', { customerId: customer.id, name: 'Lukas Ivanova', isPrimary: true, channels: [{ kind: 'email', value: LUKAS }] });
    const mail = rfc822({
      from: `Lukas Ivanova <${LUKAS}>`,
      to: ME.user,
      subject: SUBJECT,
      date: new Date('2026-11-29T03:24:00Z'),
      messageId: 'inquiry-tf300@ivanova-trading.ee',
      body: '李经理您好，请报500件TF-300 FOB宁波的价格，谢谢。',
    });
    await dovecot.deliver(mail, ME.user, LUKAS);
    await session.seed('mail.syncNow', { accountId: account.id });
    await session.app.core.mail().whenIdle();
  });

  afterAll(async () => {
    await Promise.all([dovecot?.stop(), sink?.stop()]);
  });

  it('follows the mail until the contact form says English; then the reply header is English with the UI in Chinese', async () => {
    const page = await session.open({ locale: 'zh-CN' });

    // No preference: the Chinese mail is answered with a Chinese quote line.
    const before = await replyBody(page);
    expect(before).toMatch(/Lukas Ivanova <lukas@ivanova-trading\.ee> 于 .+ 写道：\n> 李经理您好/);

    // The contact form: "Mail language" starts at "Follow each mail"; choose English.
    await page.getByTestId('nav-customers').click();
    await page.getByTestId('customer-row-name').filter({ hasText: 'Ivanova Trading OÜ' }).click();
    await page.getByTestId('tab-contacts').click();
    const card = page.getByTestId('contact-card').filter({ hasText: 'Lukas Ivanova' });
    await card.getByTestId('contact-edit').click();
    const language = page.getByTestId('contact-form').getByTestId('contact-mail-language');
    await expect.poll(() => language.textContent()).toBe('跟随每封邮件');
    await pick(page, language, 'English');
    await page.getByRole('dialog').getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => page.getByTestId('contact-form').count()).toBe(0);
    // Reopened, the form shows what was saved.
    await card.getByTestId('contact-edit').click();
    await expect.poll(() => page.getByTestId('contact-form').getByTestId('contact-mail-language').textContent()).toBe('English');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('contact-form').count()).toBe(0);

    // The same Chinese mail, the UI still in Chinese: the reply is framed in English now.
    const after = await replyBody(page);
    expect(after).toMatch(/\nOn .+, Lukas Ivanova <lukas@ivanova-trading\.ee> wrote:\n> 李经理您好/);
    expect(after).not.toContain('写道');
    await page.close();
  });
});
