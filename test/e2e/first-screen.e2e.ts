import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { appInteractive, setupE2eSession } from '../helpers/e2e-session.ts';

const HOSTILE = 'Evil </script><img src=x onerror="window.__owned=1"> Ltd';

/** What the page reported as going wrong: uncaught errors and console errors (React reports a failed hydration there). */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  return errors;
}

function rowNames(page: Page): Promise<string[]> {
  return page.getByTestId('customer-row-name').allTextContents();
}

/**
 * The hosts render the customer list into the page (renderer/src/first-screen/server-renderer.tsx
 * through electron/web/first-screen-page.ts), and the app adopts that HTML when its scripts have
 * loaded: the list is on screen without them, and the same list then works as before.
 */
describe('the first screen rendered by the host (web host, Chromium)', () => {
  const session = setupE2eSession();

  beforeAll(async () => {
    for (const [name, localName, grade] of [
      ['Hamburg Kitchenware GmbH', '汉堡厨具', 'A'],
      ['Nordic Supply AB', '北欧供应', 'B'],
      [HOSTILE, '', 'C'],
    ] as const) {
      await session.seed('customers.create', { name, localName, regionCode: 'EU', country: 'DE', grade });
    }
  });

  it('shows the customers before any script runs, with names as text', async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN' });
    try {
      const page = await context.newPage();
      await page.goto(`${session.app.host.url}#/customers`);
      expect(await rowNames(page)).toEqual(['Evil </script><img src=x onerror="window.__owned=1"> Ltd', 'Hamburg Kitchenware GmbH', 'Nordic Supply AB']);
      expect(await page.getByTestId('customer-total').textContent()).toBe('共 3 个客户');
      expect(await page.getByTestId('nav-customers').textContent()).toBe('客户');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
      expect(await page.locator('img[src=x]').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  for (const locale of ['en-US', 'zh-CN'] as const) {
    it(`takes over the host's list without re-rendering it, and it works (${locale})`, async () => {
      const context = await session.browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const errors = collectErrors(page);
      try {
        await page.goto(`${session.app.host.url}#/customers`);
        // Marks a node of the host's HTML: adopting keeps it, rendering anew would replace it.
        await page.getByTestId('customer-row').first().evaluate((row) => row.setAttribute('data-from-host', ''));
        await appInteractive(page);
        expect(await page.locator('[data-testid=customer-row][data-from-host]').count()).toBe(1);
        expect(await page.evaluate(() => (window as unknown as { __owned?: number }).__owned)).toBeUndefined();
        // Sorting by name, descending, and a search: the adopted list responds.
        await page.getByTestId('sort-head-name').click();
        await expect.poll(() => rowNames(page)).toEqual(['Nordic Supply AB', 'Hamburg Kitchenware GmbH', HOSTILE]);
        await page.getByTestId('customer-search').fill(locale === 'zh-CN' ? '汉堡' : 'Hamburg');
        await expect.poll(() => rowNames(page)).toEqual(['Hamburg Kitchenware GmbH']);
        // The token has left the address bar. A reload gets the plain page (the host keeps the
        // token in no cookie, which every server on 127.0.0.1 would receive), and the browser
        // renders the list with the tab's own copy of the token.
        await expect.poll(() => page.url(), { timeout: 10_000 }).not.toContain('token=');
        await page.reload();
        await appInteractive(page);
        expect(await page.locator('#first-screen-state').count()).toBe(0);
        await expect.poll(() => rowNames(page)).toHaveLength(3);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it('renders the screen the address asks for on a reload elsewhere, not the list', async () => {
    const page = await session.open({ locale: 'en-US' });
    const errors = collectErrors(page);
    await page.getByTestId('nav-settings').click();
    await expect.poll(() => page.url()).toMatch(/#\/settings$/);
    await page.reload();
    await appInteractive(page);
    await page.getByTestId('settings-tab-general').waitFor();
    expect(await page.getByTestId('customer-list-page').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.classList.contains('screen-elsewhere'))).toBe(false);
    // The same for a link with the token that names another screen: the host rendered the list
    // into that page, and the browser hides it and renders the screen asked for.
    await page.goto(`${session.app.host.url}#/settings`);
    expect(await page.locator('#first-screen-state').count()).toBe(1);
    await appInteractive(page);
    await page.getByTestId('settings-tab-general').waitFor();
    expect(await page.getByTestId('customer-list-page').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.classList.contains('screen-elsewhere'))).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('renders the rows for the window size the page reported last time', async () => {
    const page = await session.open({ locale: 'en-US' });
    await expect.poll(() => page.evaluate(() => document.cookie)).toContain('tradefolio-viewport=1280x800');
    await page.setViewportSize({ width: 1000, height: 640 });
    await expect.poll(() => page.evaluate(() => document.cookie), { timeout: 5000 }).toContain('tradefolio-viewport=1000x640');
    // Opened again by its link, in a new tab of the same browser (its cookie): the page's own
    // address may still be that link, and going to it again would not load the page anew.
    const again = await page.context().newPage();
    await again.goto(`${session.app.host.url}#/customers`);
    const state = await again.evaluate(() => JSON.parse(document.getElementById('first-screen-state')?.textContent ?? 'null') as { viewport: unknown } | null);
    expect(state?.viewport).toEqual({ width: 1000, height: 640 });
    await page.close();
  });
  // Last: it adds a customer.
  it('catches up with a change made before its event stream opened', async () => {
    const context = await session.browser.newContext({ locale: 'en-US' });
    try {
      const tab = await context.newPage();
      let release = () => {};
      const released = new Promise<void>((resolve) => (release = resolve));
      // The event stream opens only when the test says so; the change happens before.
      await tab.route('**/api/events**', async (route) => {
        await released;
        await route.continue();
      });
      await tab.goto(`${session.app.host.url}#/customers`);
      await appInteractive(tab);
      const total = () => tab.getByTestId('customer-total').getAttribute('data-total');
      expect(await total()).toBe('3');
      await session.seed('customers.create', { name: 'Lyon Import SARL', regionCode: 'EU', country: 'FR', grade: 'B' });
      // Nobody heard it: the list still shows what the host rendered.
      await tab.waitForTimeout(500);
      expect(await total()).toBe('3');
      release();
      await expect.poll(total).toBe('4');
      expect(await rowNames(tab)).toContain('Lyon Import SARL');
    } finally {
      await context.close();
    }
  });
});
