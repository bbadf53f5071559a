import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { navCount, setupE2eSession, syncTestMailbox } from '../helpers/e2e-session.ts';
import { startDovecot, type Dovecot } from '../helpers/mail-servers.ts';
import { rfc822 } from '../helpers/mail-test-kit.ts';

const ME = 'sales@mytrade.cn';
const DAY = 86_400_000;

/** antd's Badge renders nothing at 0 and animates its digits, so read the count from its title. */

describe('global search, new leads and waiting for our reply (web host, Chromium, Dovecot)', () => {
  const session = setupE2eSession();
  const { seed } = session;
  let dovecot: Dovecot;
  let minghuaId: string;

  beforeAll(async () => {
    dovecot = await startDovecot({ users: [{ user: ME, password: 'secret' }] });
    const minghua = await seed('customers.create', { name: 'Shenzhen Minghua Lighting', localName: '深圳明华照明', regionCode: 'AS', grade: 'A' });
    minghuaId = minghua.id;
    await seed('contacts.create', { customerId: minghua.id, name: '王芳', channels: [{ kind: 'email', value: 'wang.fang@minghua.cn' }] });
    const ago = (days: number) => new Date(Date.now() - days * DAY);
    await dovecot.deliver(rfc822({ from: '王芳 <wang.fang@minghua.cn>', to: ME, subject: '关于LED灯具的报价', body: '这是深圳明华照明的最新报价，请确认样品颜色。', date: ago(10), messageId: 'quote@minghua.cn' }), ME);
    await dovecot.deliver(rfc822({ from: 'Bob Buyer <buyer@fresh-buyer.com>', to: ME, subject: '样品什么时候发货？', body: 'We need the samples before the fair.', date: ago(3), messageId: 'q@fresh-buyer.com' }), ME);
    await syncTestMailbox(session, dovecot.imapPort, ME, 2);
  });
  afterAll(async () => {
    await dovecot?.stop();
  });

  it('finds a customer and a mail by a Chinese word from the header box (Ctrl+K)', async () => {
    const page = await session.open({ locale: 'zh-CN' });
    await page.keyboard.press('Control+k');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-testid=global-search]') !== null)).toBe(true);
    await page.keyboard.type('明华');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('search-customer').count()).toBe(1);
    expect(await page.getByTestId('search-customer-name').textContent()).toBe('Shenzhen Minghua Lighting');
    const mail = page.getByTestId('search-message');
    await expect.poll(() => mail.count()).toBe(1);
    expect(await mail.getByTestId('search-message-subject').textContent()).toBe('关于LED灯具的报价');
    expect(await mail.getByTestId('search-message-snippet').locator('mark').allTextContents()).toEqual(['明华']);
    expect(await mail.getByTestId('search-message-customer').textContent()).toBe('Shenzhen Minghua Lighting');
    expect(page.url()).toContain('#/search?q=');

    // Typing on the results page updates them in place.
    await page.getByTestId('global-search').fill('样品');
    await expect.poll(() => page.getByTestId('search-mail-total').getAttribute('data-total')).toBe('2');
    expect(await page.getByTestId('search-customer').count()).toBe(0);

    // A hit opens the customer's folder.
    await page.getByTestId('global-search').fill('明华');
    await expect.poll(() => page.getByTestId('search-customer').count()).toBe(1);
    await page.getByTestId('search-customer').click();
    await expect.poll(() => page.getByTestId('customer-folder').getAttribute('data-customer-id')).toBe(minghuaId);
    await page.close();
  });

  it('shows the unanswered customer mail under "Waiting for our reply"', async () => {
    const page = await session.open({ locale: 'en-US' });
    await expect.poll(() => navCount(page, 'nav-waiting-badge')).toBe(1);
    await page.getByTestId('nav-notContacted').click();
    await page.getByTestId('tab-waiting').click();
    const rows = page.getByTestId('waiting-row');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getByTestId('waiting-name').textContent()).toBe('Shenzhen Minghua Lighting');
    expect(await rows.first().getByTestId('waiting-subject').textContent()).toContain('关于LED灯具的报价');
    expect(await rows.first().getByTestId('waiting-days').textContent()).toMatch(/^\d+ working days$/);
    await page.close();
  });

  it('turns a new lead into a customer whose mail then shows in its folder', async () => {
    const page = await session.open({ locale: 'en-US' });
    await page.getByTestId('nav-leads').click();
    const lead = page.locator('[data-testid=lead][data-key="fresh-buyer.com"]');
    await expect.poll(() => lead.count()).toBe(1);
    expect(await lead.getByTestId('lead-messages').textContent()).toBe('1 message');
    expect(await lead.getByTestId('lead-addresses').textContent()).toContain('Bob Buyer <buyer@fresh-buyer.com>');
    expect(await lead.getByTestId('lead-sample').first().textContent()).toContain('样品什么时候发货？');

    await lead.getByTestId('lead-create').click();
    const name = page.getByTestId('lead-create-name');
    await expect.poll(() => name.inputValue()).toBe('Fresh Buyer');
    await name.fill('Fresh Buyer Ltd');
    expect(await page.getByTestId('lead-create-website').inputValue()).toBe('fresh-buyer.com');
    await page.getByTestId('lead-create-ok').click();

    await expect.poll(() => lead.count()).toBe(0);
    await expect.poll(() => page.getByTestId('leads-empty').isVisible()).toBe(true);
    await page.getByTestId('lead-done-open').click();
    await expect.poll(() => page.getByTestId('customer-name').textContent()).toBe('Fresh Buyer Ltd');
    await expect.poll(() => page.getByTestId('timeline-mail-subject').allTextContents()).toEqual(['样品什么时候发货？']);

    const created = (await seed('customers.list', { search: 'Fresh Buyer' })).rows[0]!;
    expect(created.primaryEmail).toBe('buyer@fresh-buyer.com');
    expect(created.lastContactedAt).not.toBeNull();
    await page.close();
  });

  it('finds a call by words of its body, in the header box and in the customer list (issue 11, point 7)', async () => {
    const callisto = await seed('customers.create', { name: 'Callisto Imports', regionCode: 'EU' });
    await seed('activities.create', { customerId: callisto.id, kind: 'call', body: '客户要求先寄样品，报价 FOB Ningbo', occurredAt: Date.now() - DAY });
    const page = await session.open({ locale: 'zh-CN' });
    await page.keyboard.press('Control+k');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-testid=global-search]') !== null)).toBe(true);
    await page.keyboard.type('寄样品');
    await page.keyboard.press('Enter');
    const activity = page.getByTestId('search-activity');
    await expect.poll(() => activity.count()).toBe(1);
    expect(await activity.getByTestId('search-activity-snippet').locator('mark').allTextContents()).toEqual(['寄样品']);
    expect(await activity.getByTestId('search-activity-customer').textContent()).toContain('Callisto Imports');
    expect(await page.getByTestId('search-customer-name').allTextContents()).toEqual(['Callisto Imports']);
    // The hit opens the customer's folder, where the call is on the timeline.
    await activity.click();
    await expect.poll(() => page.getByTestId('customer-folder').getAttribute('data-customer-id')).toBe(callisto.id);

    await page.getByTestId('nav-customers').click();
    await page.getByTestId('customer-search').fill('Ningbo');
    await expect.poll(() => page.getByTestId('customer-row-name').allTextContents()).toEqual(['Callisto Imports']);
    await page.close();
  });
});
