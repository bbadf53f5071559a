import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { navCount, setupE2eSession, syncTestMailbox } from '../helpers/e2e-session.ts';
import { startDovecot, type Dovecot } from '../helpers/mail-servers.ts';
import { rfc822 } from '../helpers/mail-test-kit.ts';

const ME = 'sales@mytrade.cn';
const DAY = 86_400_000;
/** Over the badges' 99: each shows "99+". */
const MANY = 100;

/**
 * A nav count's words, and what cuts it: a box around it that clips, or its own box too small for
 * its text. Empty means all of it is drawn.
 */
async function badge(page: Page, testId: string) {
  return page.evaluate((id) => {
    const el = document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
    if (!el) return null;
    const box = el.getBoundingClientRect();
    const cutBy: string[] = [];
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      if (getComputedStyle(up).overflowX === 'visible') continue;
      const around = up.getBoundingClientRect();
      if (box.left < around.left - 0.5 || box.right > around.right + 0.5) cutBy.push(up.className);
    }
    // Its own text fits the pill (a squeezed flex item keeps a 14px box while "99+" runs out of it).
    if (el.scrollWidth > el.clientWidth) cutBy.push('its own box');
    return { text: el.textContent, title: el.getAttribute('title'), label: el.getAttribute('aria-label'), cutBy };
  }, testId);
}

describe('navigation counts say what they count (web host, Chromium, Dovecot)', () => {
  // The core's clock starts 100 days ago: customers created then are overdue now.
  const session = setupE2eSession({ clockStart: Date.now() - 100 * DAY });
  const { seed } = session;
  let dovecot: Dovecot;

  beforeAll(async () => {
    dovecot = await startDovecot({ users: [{ user: ME, password: 'secret' }] });
    for (let i = 0; i < MANY; i++) await seed('customers.create', { name: `Overdue Trading ${i}`, regionCode: 'EU', grade: 'C' });
    session.app.clock!.advance(100 * DAY);
    // As many customers whose mail of ten days ago still waits for our reply (and is unread).
    for (let i = 0; i < MANY; i++) {
      const customer = await seed('customers.create', { name: `Waiting Buyer ${i}`, regionCode: 'EU', grade: 'B' });
      const email = `buyer${i}@waiting-buyer-${i}.com`;
      await seed('contacts.create', { customerId: customer.id, name: `Buyer ${i}`, channels: [{ kind: 'email', value: email }] });
      await dovecot.deliver(rfc822({ from: email, to: ME, subject: `Inquiry ${i}`, date: new Date(Date.now() - 10 * DAY), messageId: `inquiry-${i}@waiting.test` }), ME);
    }
    await syncTestMailbox(session, dovecot.imapPort, ME, MANY);
  });
  afterAll(async () => {
    await dovecot?.stop();
  });

  it('names each count in words and draws "99+" whole beside "Not contacted" at 1366 wide, in English', async () => {
    const page = await session.open({ locale: 'en-US' });
    await page.setViewportSize({ width: 1366, height: 768 });
    await expect.poll(() => navCount(page, 'nav-not-contacted-badge')).toBe(MANY);
    await expect.poll(() => navCount(page, 'nav-waiting-badge')).toBe(MANY);
    await expect.poll(() => navCount(page, 'nav-mail-badge')).toBe(MANY);

    expect(await badge(page, 'nav-not-contacted-badge')).toEqual({ text: '99+', title: '100 customers overdue for contact', label: '100 customers overdue for contact', cutBy: [] });
    expect(await badge(page, 'nav-waiting-badge')).toEqual({ text: '99+', title: '100 customers waiting for our reply', label: '100 customers waiting for our reply', cutBy: [] });
    expect(await badge(page, 'nav-mail-badge')).toEqual({ text: '100', title: '100 unread mails in the inboxes', label: '100 unread mails in the inboxes', cutBy: [] });
    // The entry's name is read with its counts in words.
    const entry = page.getByRole('link', { name: 'Not contacted 100 customers overdue for contact 100 customers waiting for our reply' });
    expect(await entry.count()).toBe(1);

    // The reminder tabs' counts say the same.
    await page.getByTestId('nav-notContacted').click();
    const tabCount = (testId: string) => page.getByTestId(testId).locator('.ant-scroll-number').getAttribute('title');
    await expect.poll(() => tabCount('tab-not-contacted')).toBe('100 customers overdue for contact');
    expect(await tabCount('tab-waiting')).toBe('100 customers waiting for our reply');

    // A folder's unread count too.
    await page.getByTestId('nav-mail').click();
    const inbox = page.locator('[data-testid="mail-folder"][data-special-use="inbox"], [data-testid="mail-folder"]', { hasText: 'Inbox' }).first();
    await expect.poll(() => inbox.getByTestId('mail-folder-unread').locator('.ant-scroll-number').getAttribute('title')).toBe('100 unread mails');
    await page.close();
  });

  it('names them in Chinese', async () => {
    const page = await session.open({ locale: 'zh-CN' });
    await page.setViewportSize({ width: 1366, height: 768 });
    await expect.poll(() => navCount(page, 'nav-waiting-badge')).toBe(MANY);
    expect(await badge(page, 'nav-not-contacted-badge')).toMatchObject({ title: '100 个客户超期未联系', label: '100 个客户超期未联系', cutBy: [] });
    expect(await badge(page, 'nav-waiting-badge')).toMatchObject({ title: '100 个客户在等待我们回复', cutBy: [] });
    expect(await badge(page, 'nav-mail-badge')).toMatchObject({ title: '收件箱中有 100 封未读邮件', cutBy: [] });
    await page.close();
  });
});
