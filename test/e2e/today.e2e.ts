import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { navCount, setupE2eSession } from '../helpers/e2e-session.ts';

const DAY = 86_400_000;

const section = (page: Page, kind: string) => page.getByTestId(`today-section-${kind}`);
const row = (page: Page, kind: string, title: string) => section(page, kind).getByTestId('today-row').filter({ hasText: title });

describe('Today, the home screen (web host, Chromium)', () => {
  // 09:00 UTC: outside the default quiet hours (22:00–08:00) of a browser in UTC.
  const session = setupE2eSession({ clockStart: Date.UTC(2026, 5, 1, 9) });
  const { seed } = session;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const harbor = await seed('customers.create', { name: 'Harbor Lights Ltd', regionCode: 'EU', grade: 'A' });
    ids.harbor = harbor.id;
    await seed('contacts.create', { customerId: harbor.id, name: 'Hannah', channels: [{ kind: 'email', value: 'hannah@harbor.co.uk' }] });
    ids.quiet = (await seed('customers.create', { name: 'Quiet Waters GmbH', regionCode: 'EU', grade: 'A' })).id;
    const quote = await seed('quotes.create', { customerId: harbor.id, lines: [{ productId: null, description: 'Brass valve', quantity: 100, unit: 'pcs', unitPriceE4: 25_000, currency: 'USD' }] });
    ids.quote = quote.id;
    ids.quoteNumber = quote.number;
    await seed('quotes.setStatus', { id: quote.id, status: 'sent' });
    const shipment = await seed('samples.create', { customerId: ids.quiet, courier: 'dhl', trackingNumber: '5566778899', items: [{ productId: null, description: 'Swatch book', quantity: 1 }] });
    await seed('samples.setStatus', { id: shipment.id, status: 'sent' });
    await seed('samples.setStatus', { id: shipment.id, status: 'delivered' });
    // 40 days on: the quote's follow-up (7 days), the sample's feedback (7 days) and both grade-A customers (30 days) are due.
    session.app.clock!.advance(40 * DAY);
  });

  it('opens on Today, with every kind that is due, and its one-click actions clear them', async () => {
    const page = await session.open({ locale: 'en-US', hash: '', timezoneId: 'UTC' });
    await page.getByTestId('today-page').waitFor();
    expect(await page.locator('a.shell-nav-item').first().getAttribute('href')).toBe('#/today');
    expect(await page.locator('a.shell-nav-item.selected').getAttribute('href')).toBe('#/today');
    await expect.poll(() => navCount(page, 'nav-today-badge')).toBe(4);
    expect(await page.getByTestId('today-total').textContent()).toBe('4 items due today');
    expect(await page.locator('[data-testid^="today-section-"] .ant-card-head-title').allTextContents()).toEqual([
      'Quote follow-ups (1)',
      'Sample feedback (1)',
      'Due for contact (2)',
    ]);

    // The follow-up's title opens the quote; "Done" clears it.
    const follow = row(page, 'quoteFollowUp', ids.quoteNumber!);
    expect(await follow.getByTestId('today-row-title').getAttribute('href')).toBe(`#/quotes/${ids.quote}`);
    expect(await follow.getByTestId('today-overdue').textContent()).toBe('33 days overdue');
    await follow.getByTestId('today-done').click();
    await expect.poll(() => section(page, 'quoteFollowUp').count()).toBe(0);
    await expect.poll(() => navCount(page, 'nav-today-badge')).toBe(3);
    expect((await seed('quotes.get', { id: ids.quote! })).followUpAt).toBeNull();

    // Snooze a customer due for contact to tomorrow: gone from Today, still on the not-contacted list.
    await row(page, 'notContacted', 'Quiet Waters GmbH').getByTestId('today-snooze').click();
    await page.getByRole('menuitem', { name: 'Tomorrow' }).click();
    await expect.poll(() => row(page, 'notContacted', 'Quiet Waters GmbH').count()).toBe(0);
    await expect.poll(() => navCount(page, 'nav-today-badge')).toBe(2);
    expect((await seed('reminders.notContacted', {})).total).toBe(2);

    // Log a call: a timeline entry, and the customer is contacted.
    await row(page, 'notContacted', 'Harbor Lights Ltd').getByTestId('today-log-call').click();
    await page.getByTestId('activity-subject').fill('Asked about the valve order');
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => section(page, 'notContacted').count()).toBe(0);
    const timeline = await seed('activities.list', { customerId: ids.harbor! });
    expect(timeline.rows.map((a) => [a.kind, a.subject])).toEqual([['call', 'Asked about the valve order']]);

    // The sample's row leads to its shipment to record the feedback.
    await section(page, 'sampleFeedback').getByTestId('today-feedback').click();
    await page.getByTestId('sample-drawer').waitFor();
    await page.close();
  });

  it('speaks Chinese, and says so when nothing is due', async () => {
    const page = await session.open({ locale: 'zh-CN', hash: '#/today', timezoneId: 'UTC' });
    await page.getByTestId('today-section-sampleFeedback').waitFor();
    expect(await page.getByTestId('nav-today').textContent()).toContain('今日');
    expect(await page.locator('[data-testid="today-section-sampleFeedback"] .ant-card-head-title').textContent()).toBe('样品反馈 (1)');
    await page.getByTestId('today-section-sampleFeedback').getByTestId('today-snooze').click();
    await page.getByRole('menuitem', { name: '下周' }).click();
    await page.getByTestId('today-empty').waitFor();
    expect(await page.getByTestId('today-empty').textContent()).toContain('今天没有到期事项。');
    await page.close();
  });
});

describe('desktop notifications in the browser (web host, Chromium)', () => {
  const session = setupE2eSession({ clockStart: Date.UTC(2026, 5, 1, 9) });

  beforeAll(async () => {
    const customer = await session.seed('customers.create', { name: 'Notify Me Trading', regionCode: 'EU' });
    const quote = await session.seed('quotes.create', { customerId: customer.id, lines: [{ productId: null, description: 'Gate valve', quantity: 10, unit: 'pcs', unitPriceE4: 90_000, currency: 'USD' }] });
    await session.seed('quotes.setStatus', { id: quote.id, status: 'sent' });
    session.app.clock!.advance(8 * DAY);
  });

  it('asks for permission from a click, then shows a due follow-up once', async () => {
    const page = await session.open({ locale: 'en-US', hash: '', timezoneId: 'UTC' });
    // Record what the page shows through the browser's own Notification (still the real one).
    await page.evaluate(() => {
      const Real = window.Notification;
      const shown: string[] = [];
      (window as unknown as { shown: string[] }).shown = shown;
      class Recorded extends Real {
        constructor(title: string, options?: NotificationOptions) {
          super(title, options);
          shown.push(`${title} | ${options?.body ?? ''}`);
        }
      }
      Object.defineProperty(window, 'Notification', { value: Recorded, configurable: true });
    });
    // The button is there while the browser has not been asked (Today's code may still be loading).
    await page.getByTestId('notifications-allow').waitFor();
    await page.context().grantPermissions(['notifications']);
    await page.getByTestId('notifications-allow').click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { shown: string[] }).shown), { timeout: 10_000 }).toEqual([
      expect.stringMatching(/^Quote follow-ups \| Q\d{4}-\d{4} · Notify Me Trading$/),
    ]);
    // Handed out once: another page asking finds nothing new.
    const again = await session.seed('today.takeNotifications', { timeZone: 'UTC' });
    expect(again.items).toEqual([]);
    await page.close();
  });
});
