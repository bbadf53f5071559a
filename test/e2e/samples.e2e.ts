import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { appInteractive, pick, setupE2eSession } from '../helpers/e2e-session.ts';

const DAY = 86_400_000;

async function goTo(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
}

describe('Sample shipments (web host, Chromium)', () => {
  // An injected clock: the follow-up comes due when the test moves it, not after a real week.
  const session = setupE2eSession({ clockStart: Date.UTC(2026, 5, 1, 9) });
  const { seed } = session;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ids.customer = (await seed('customers.create', { name: 'Harbor Lights Ltd', country: 'GB', regionCode: 'EU', grade: 'B' })).id;
    ids.product = (await seed('products.create', { model: 'BV-100', nameEn: 'Brass ball valve' })).id;
    await seed('samples.moveStock', { productId: ids.product, kind: 'in', quantity: 5, location: 'Shelf A' });
  });

  it('sends a sample shipment from the customer folder, marks it delivered, and reminds of feedback after the interval', async () => {
    const page = await session.open({ locale: 'en-US' });
    await goTo(page, `#/customers/${ids.customer}`);
    await page.getByTestId('tab-samples').click();
    await page.getByTestId('samples-empty').waitFor();
    await page.getByTestId('customer-sample-new').click();

    const drawer = page.getByTestId('sample-drawer');
    await drawer.waitFor();
    expect(await drawer.getByTestId('sample-customer').textContent()).toContain('Harbor Lights Ltd');
    await pick(page, drawer.getByTestId('sample-item-product-0'), 'BV-100');
    // antd puts an InputNumber's test id on the <input> itself.
    await drawer.getByTestId('sample-item-quantity-0').fill('2');
    await drawer.getByTestId('sample-save').click();

    // Saved and still open, at "preparing": marking sent needs the DHL tracking number.
    await drawer.getByTestId('sample-mark-sent').click();
    await expect.poll(() => drawer.locator('.ant-form-item-explain-error').allTextContents()).toContain('Tracking number is needed to mark the shipment sent with this courier.');
    await drawer.getByTestId('sample-tracking-input').fill('1234567890');
    const link = drawer.locator('a[data-testid="sample-tracking"]');
    expect(await link.getAttribute('href')).toBe('https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id=1234567890');
    expect(await link.getAttribute('target')).toBe('_blank');
    await drawer.getByTestId('sample-mark-sent').click();
    await expect.poll(() => drawer.getByTestId('sample-status').getAttribute('data-status')).toBe('sent');
    // The refusal's message goes once the shipment is sent.
    await expect.poll(() => drawer.locator('.ant-form-item-explain-error').count()).toBe(0);
    expect((await seed('samples.stock', { productId: ids.product! })).onHand).toBe(3);

    await drawer.getByTestId('sample-mark-delivered').click();
    await expect.poll(() => drawer.getByTestId('sample-status').getAttribute('data-status')).toBe('delivered');
    expect(await drawer.getByTestId('sample-dates').textContent()).toContain('Ask for feedback on');
    await page.keyboard.press('Escape');

    // The folder's tab lists it.
    const row = page.getByTestId('customer-samples').getByTestId('sample-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getByTestId('sample-row-items').textContent()).toBe('BV-100 Brass ball valve × 2');

    // Not yet due: nothing in the reminders' sample section.
    await goTo(page, '#/not-contacted');
    await page.getByTestId('tab-sample-reminders').click();
    await page.getByTestId('sample-reminders-empty').waitFor();

    // Eight days later (the default interval is 7) the follow-up is there.
    session.app.clock!.advance(8 * DAY);
    await page.reload();
    await appInteractive(page);
    await page.getByTestId('tab-sample-reminders').click();
    const reminder = page.getByTestId('sample-reminder-row');
    await expect.poll(() => reminder.count()).toBe(1);
    expect(await reminder.getByTestId('sample-reminder-overdue').textContent()).toBe('1 day');

    // The row opens the shipment; recording the feedback takes it off the list.
    await reminder.click();
    await drawer.getByTestId('sample-feedback').fill('Good finish; asks for a quote on 2,000 pcs');
    await drawer.getByTestId('sample-record-feedback').click();
    await expect.poll(() => drawer.getByTestId('sample-status').getAttribute('data-status')).toBe('feedback');
    await page.keyboard.press('Escape');
    await page.getByTestId('sample-reminders-empty').waitFor();
    await page.close();
  });

  it('lists shipments on the Samples page, filters by tracking number, and N opens a new one', async () => {
    const page = await session.open({ locale: 'en-US' });
    await page.getByTestId('nav-samples').click();
    const rows = page.getByTestId('sample-row');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.getByTestId('sample-status').textContent()).toBe('Feedback received');
    await page.getByTestId('samples-search').locator('input').fill('99999');
    await page.getByTestId('samples-empty').waitFor();
    await page.getByTestId('samples-search').locator('input').fill('45678');
    await expect.poll(() => rows.count()).toBe(1);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('n');
    await page.getByTestId('sample-drawer').waitFor();
    expect(await page.getByTestId('sample-drawer').textContent()).toContain('New sample shipment');
    await page.close();
  });

  it('shows and records a product\'s sample stock on the product, warning below zero', async () => {
    const page = await session.open({ locale: 'en-US' });
    await page.getByTestId('nav-products').click();
    await page.getByTestId('product-row-model').filter({ hasText: 'BV-100' }).click();
    const panel = page.getByTestId('sample-stock-panel');
    await panel.waitFor();
    // 5 in, 2 sent with the shipment above.
    // Polled: the count shows 0 until the stock has loaded.
    await expect.poll(() => panel.getByTestId('sample-stock-locations').textContent()).toBe('Shelf A: 3');
    expect(await panel.getByTestId('sample-stock-on-hand').textContent()).toContain('3');

    await pick(page, panel.getByTestId('sample-stock-kind'), 'Out');
    await panel.getByTestId('sample-stock-quantity').fill('0');
    await panel.getByTestId('sample-stock-record').click();
    await expect.poll(() => panel.locator('.ant-form-item-explain-error').allTextContents()).toEqual(['Quantity must be more than 0.']);
    await panel.getByTestId('sample-stock-quantity').fill('4');
    await panel.getByTestId('sample-stock-location').fill('Shelf A');
    await panel.getByTestId('sample-stock-record').click();
    await panel.getByTestId('sample-stock-below-zero').waitFor();
    expect(await panel.getByTestId('sample-stock-on-hand').textContent()).toContain('-1');
    await expect.poll(() => panel.getByTestId('sample-stock-moves').locator('tbody tr').count()).toBe(3);
    // The move the shipment wrote opens that shipment.
    await panel.getByTestId('sample-stock-moves').getByRole('link', { name: 'Shipment' }).click();
    await expect.poll(() => page.getByTestId('sample-drawer').locator('[data-testid="sample-status"]').getAttribute('data-status')).toBe('feedback');
    await page.close();
  });
});
