import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setupE2eSession } from '../helpers/e2e-session.ts';

/** 2026-06-01 12:00 local: the app's clock, so "due within 7 days" is known. */
const START = new Date(2026, 5, 1, 12).getTime();
const SLOW = { timeout: 90_000 };

/** Types a day into an antd DatePicker (the test id sits on its input or on its wrapper). */
async function pickDate(page: Page, testId: string, day: string): Promise<void> {
  const el = page.getByTestId(testId);
  const input = (await el.evaluate((e) => e.tagName)) === 'INPUT' ? el : el.locator('input');
  await input.click();
  await input.fill(day);
  await input.press('Enter');
}

/**
 * Money deadlines against the web host in Chromium: accepting a quote offers its payment terms,
 * prefilled 30% / 70% from "30% T/T deposit, 70% before shipment"; the deposit and balance get
 * their dates, show on the customer folder's Payments tab with their state colours, and the deposit
 * is marked received in one click.
 */
describe('Payments (web host, Chromium)', () => {
  const session = setupE2eSession({ clockStart: START });

  it('accepts a quote, records a deposit and a balance, sees them on the customer folder and marks one received', SLOW, async () => {
    const acme = await session.seed('customers.create', { name: 'Acme Imports Ltd', regionCode: 'EU', country: 'DE' });
    const quote = await session.seed('quotes.create', {
      customerId: acme.id,
      incoterm: 'FOB',
      incotermPort: 'Ningbo',
      paymentTerms: '30% T/T deposit, 70% before shipment',
      lines: [{ productId: null, description: 'Brass ball valve DN15', quantity: 1000, unit: 'pcs', unitPriceE4: 32_500, currency: 'USD' }],
    });
    await session.seed('quotes.setStatus', { id: quote.id, status: 'sent' });
    const page = await session.open();
    const base = page.url().split('#')[0];

    await page.goto(`${base}#/quotes/${quote.id}`);
    await page.getByTestId('quote-accept').click();
    await page.getByTestId('quote-pi-number').fill('PI-2026-031');
    await page.getByRole('button', { name: 'OK' }).click();
    // Accepting offers the terms; it does not force them.
    await page.getByTestId('payment-offer-record').click();
    const dialog = page.getByTestId('payment-terms-dialog');
    await dialog.getByTestId('payment-terms-prefilled').waitFor();
    expect(await dialog.getByTestId('payment-amount-0').inputValue()).toBe('975.00');
    expect(await dialog.getByTestId('payment-amount-1').inputValue()).toBe('2,275.00');
    await pickDate(page, 'payment-due-0', '2026-06-05');
    await pickDate(page, 'payment-due-1', '2026-07-15');
    await dialog.getByTestId('payment-terms-save').click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await page.getByTestId('quote-tab-payments').click();
    await expect.poll(() => page.getByTestId('quote-payments').getByTestId('payment-state').evaluateAll((els) => els.map((e) => e.getAttribute('data-state')))).toEqual(['dueSoon', 'open']);

    await page.goto(`${base}#/customers/${acme.id}`);
    await page.getByTestId('tab-payments').click();
    const tab = page.getByTestId('customer-payments');
    const states = () => tab.getByTestId('payment-state').evaluateAll((els) => els.map((e) => e.getAttribute('data-state')));
    await expect.poll(states).toEqual(['dueSoon', 'open']);
    expect(await tab.getByTestId('payment-amount').allTextContents()).toEqual(['975.00 USD', '2,275.00 USD']);
    // The deposit's tag is orange: due within the 7 reminder days.
    expect(await tab.getByTestId('payment-state').first().getAttribute('class')).toContain('orange');

    await tab.getByTestId('payment-mark-received').first().click();
    await expect.poll(states).toEqual(['open']);
    await tab.getByTestId('payments-show-settled').click();
    await expect.poll(states).toEqual(['open', 'received']);
    await page.close();
  });
});
