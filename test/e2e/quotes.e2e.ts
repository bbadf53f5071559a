import { describe, expect, it } from 'vitest';
import { pick, setupE2eSession } from '../helpers/e2e-session.ts';

const DAY = 86_400_000;
/** 2026-06-01 12:00 local: the app's clock, moved on to make the follow-up due. */
const START = new Date(2026, 5, 1, 12).getTime();

/**
 * Quotes against the web host in Chromium: a quote of a product to customer A, then another one
 * lower to A — the editor shows the earlier quote as soon as the product is on the line and warns
 * before saving the lower price — marked sent, found on A's Quotes tab, and its follow-up on the
 * reminders page once the follow-up days have passed (an injected clock).
 */
const SLOW = { timeout: 60_000 };

describe('Quotes (web host, Chromium)', () => {
  const session = setupE2eSession({ clockStart: START });

  it('quotes a product to A, warns when quoting it lower to A again, lists both on A’s Quotes tab, and reminds of the follow-up', SLOW, async () => {
    const acme = await session.seed('customers.create', { name: 'Acme Imports Ltd', regionCode: 'EU', country: 'DE' });
    await session.seed('products.create', { model: 'BV-100', nameEn: 'Brass ball valve', unit: 'pcs', listPriceE4: 32_500, listCurrency: 'USD' });
    const page = await session.open();

    async function writeQuote(price: string | null): Promise<void> {
      await page.getByTestId('nav-quotes').click();
      await page.getByTestId('quotes-page').waitFor();
      await page.keyboard.press('n');
      const editor = page.getByTestId('quote-editor');
      await editor.waitFor();
      await pick(page, editor.getByTestId('quote-customer'), 'Acme');
      await editor.getByTestId('quote-port').fill('Ningbo');
      await editor.getByTestId('quote-add-line').click();
      await pick(page, editor.getByTestId('line-0-product'), 'BV-100');
      await expect.poll(() => editor.getByTestId('line-0-price').inputValue()).toBe('3.25');
      await editor.getByTestId('price-history').waitFor();
      if (price !== null) await editor.getByTestId('line-0-price').fill(price);
    }

    await writeQuote(null);
    await page.getByTestId('price-history-none').waitFor();
    await page.getByTestId('quote-save').click();
    await expect.poll(() => page.getByTestId('quote-number').textContent()).toBe('Q2026-0001');

    await writeQuote('3.00');
    // The earlier quote to A shows at once: date, price, Incoterm, status.
    await expect.poll(() => page.getByTestId('price-history-customer').getByTestId('history-price').allTextContents()).toEqual(['3.25 USD']);
    await page.getByTestId('quote-save').click();
    const warning = page.getByTestId('price-warning');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('3.00 USD is lower than 3.25 USD');
    await page.getByTestId('price-warning-save').click();
    await expect.poll(() => page.getByTestId('quote-number').textContent()).toBe('Q2026-0002');

    await page.getByTestId('quote-mark-sent').click();
    await expect.poll(() => page.getByTestId('quote-page').locator('[data-testid="quote-status"]').first().getAttribute('data-status')).toBe('sent');
    await page.getByTestId('quote-view').waitFor();

    await page.goto(`${page.url().split('#')[0]}#/customers/${acme.id}`);
    await page.getByTestId('tab-quotes').click();
    const tab = page.getByTestId('customer-quotes');
    await expect.poll(() => tab.getByTestId('quote-row-number').allTextContents()).toHaveLength(2);
    expect(await tab.locator('[data-testid="quote-status"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')))).toEqual(['sent', 'draft']);

    // The follow-up is due 7 days (the default) after sending: not before.
    await page.goto(`${page.url().split('#')[0]}#/not-contacted?tab=quotes`);
    await page.getByTestId('quote-reminders-empty').waitFor();
    session.app.clock!.set(START + 7 * DAY);
    await page.reload();
    const reminder = page.getByTestId('quote-reminder');
    await expect.poll(() => reminder.getAttribute('data-kind')).toBe('followUp');
    expect(await reminder.textContent()).toMatch(/Follow up Q2026-0002.*Acme Imports Ltd/);
    await reminder.getByRole('link', { name: /Q2026-0002/ }).click();
    await expect.poll(() => page.getByTestId('quote-number').textContent()).toBe('Q2026-0002');
    await page.close();
  });
});
