import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupE2eSession } from '../helpers/e2e-session.ts';

/** The test id of the focused element, or of the input it belongs to (antd puts the id on the input). */
const focused = (page: Page) => page.evaluate(() => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? null);

describe('the two search boxes and their keys (web host, Chromium)', () => {
  const session = setupE2eSession();

  beforeAll(async () => {
    await session.seed('customers.create', { name: 'Acme Lighting GmbH', country: 'DE', regionCode: 'EU', grade: 'B' });
  });

  it('shows each box the key that reaches it: Ctrl+K the header box, / the list box', async () => {
    const page = await session.open({ locale: 'en-US' });
    const list = page.getByTestId('customer-search');
    const global = page.getByTestId('global-search');
    // antd puts the test id on the input; the hint is beside it in the same wrapper.
    const hint = (box: typeof list) => box.locator('xpath=ancestor::span[contains(@class,"ant-input-affix-wrapper")][1]').locator('.ant-input-suffix');
    await expect.poll(() => hint(list).textContent()).toBe('/');
    expect(await hint(global).textContent()).toBe('Ctrl+K');
    expect(await hint(global).locator('kbd').getAttribute('title')).toBe('Press Ctrl+K to search customers, contacts, mail and quotes from any screen');
    expect(await hint(list).locator('kbd').getAttribute('title')).toBe('Press / to search the customer list from any screen');

    // The keys do what the hints say.
    await page.locator('body').click({ position: { x: 5, y: 700 } });
    await page.keyboard.press('Control+k');
    await expect.poll(() => focused(page)).toBe('global-search');
    await page.locator('body').click({ position: { x: 5, y: 700 } });
    await page.keyboard.press('/');
    await expect.poll(() => focused(page)).toBe('customer-search');
    await page.close();
  });

  it('says so in Chinese', async () => {
    const page = await session.open({ locale: 'zh-CN' });
    const global = page.getByTestId('global-search');
    await expect.poll(() => global.getAttribute('placeholder')).toBe('搜索客户、联系人、邮件和报价');
    expect(await page.locator('.key-hint').evaluateAll((hints) => hints.map((h) => h.getAttribute('title')))).toEqual([
      '在任何页面按 Ctrl+K 即可搜索客户、联系人、邮件和报价',
      '在任何页面按 / 即可搜索客户列表',
    ]);
    await page.close();
  });

  it('keeps the header query on its results, and empties it on other screens', async () => {
    const page = await session.open({ locale: 'en-US' });
    const global = page.getByTestId('global-search');
    await global.fill('acme');
    await global.press('Enter');
    await expect.poll(() => page.url()).toMatch(/#\/search/);
    // The results page has come (its code loads on first use): typed sooner, its first render
    // would set the box back to the query it opened with.
    await page.getByTestId('search-customers').getByText('Acme Lighting GmbH').first().waitFor();
    // Typing on the results page refines them in place; the box keeps it.
    await global.fill('acme lighting');
    await expect.poll(() => decodeURIComponent(page.url())).toMatch(/acme lighting/);
    expect(await global.inputValue()).toBe('acme lighting');

    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-page').waitFor();
    await expect.poll(() => global.inputValue()).toBe('');

    // Back on the results: the query is theirs again.
    await page.goBack();
    await expect.poll(() => page.url()).toMatch(/#\/search/);
    await expect.poll(() => global.inputValue()).toBe('acme lighting');

    // Opening a hit leaves the results: the folder is not filtered by it.
    await page.getByText('Acme Lighting GmbH').first().click();
    await expect.poll(() => page.getByTestId('customer-name').textContent()).toBe('Acme Lighting GmbH');
    expect(await global.inputValue()).toBe('');
    await page.close();
  });
});
