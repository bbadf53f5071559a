import { describe, expect, it } from 'vitest';
import { setupE2eSession } from '../helpers/e2e-session.ts';

describe('the shell (web host, Chromium)', () => {
  const session = setupE2eSession();

  it('hides the token from the address bar after start-up, and a reload still works', async () => {
    const page = await session.open();
    await expect.poll(() => page.getByTestId('customer-total').getAttribute('data-total')).toBe('0');
    await expect.poll(() => page.url(), { timeout: 10_000 }).not.toContain('token=');
    await page.reload();
    await expect.poll(() => page.getByTestId('customer-total').getAttribute('data-total')).toBe('0');
    await page.close();
  });

  it('keeps the token when the user moves on at once, and leaves the route alone', async () => {
    const page = await session.open();
    await page.getByTestId('nav-trash').click();
    await expect.poll(() => page.url()).toMatch(/#\/trash$/);
    await page.reload();
    await expect.poll(() => page.getByTestId('nav-trash').locator('xpath=ancestor::a').getAttribute('aria-current')).toBe('page');
    // Well after start-up the route is still the one the user chose.
    await page.waitForTimeout(2500);
    expect(page.url()).toMatch(/#\/trash$/);
    expect(await page.getByTestId('screen-error').count()).toBe(0);
    await page.close();
  });

  it('moves through the navigation with the arrow keys and marks the current screen', async () => {
    const page = await session.open();
    const link = (name: string) => page.getByTestId(`nav-${name}`).locator('xpath=ancestor::a');
    await expect.poll(() => link('customers').getAttribute('aria-current')).toBe('page');
    await link('customers').focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Mail');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Today');
    // Today is the first entry: up from it wraps to the last.
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Settings');
    await page.keyboard.press('Enter');
    await expect.poll(() => link('settings').getAttribute('aria-current')).toBe('page');
    expect(await link('customers').getAttribute('aria-current')).toBeNull();
    await page.close();
  });

  it('gives every screen the whole width beside the navigation, however narrow its content', async () => {
    const page = await session.open();
    const widths = () =>
      page.evaluate(() => {
        const nav = document.querySelector('.shell-nav')!.getBoundingClientRect();
        const main = document.querySelector('.shell-main')!.getBoundingClientRect();
        return { main: Math.round(main.width), rest: Math.round(window.innerWidth - nav.width) };
      });
    const list = await widths();
    expect(list.main).toBe(list.rest);
    // Settings' forms are narrow: the column around them used to shrink to them.
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-page').waitFor();
    const settings = await widths();
    expect(settings.main).toBe(settings.rest);
    await page.close();
  });

  it('shows boxes in place of the filters first, then the filters themselves, at the same size', async () => {
    const page = await session.open();
    const box = page.locator('.filter-placeholder').first();
    // The first screen may already have swapped them; hold the filters' code back to see the boxes.
    await page.route(/CustomerFilterControls/, () => {});
    await page.reload();
    await expect.poll(() => box.boundingBox()).not.toBeNull();
    const placeholder = await box.boundingBox();
    expect(await page.locator('.filter-placeholder').allTextContents()).toEqual(['Grade', 'Value', 'Stage', 'Country', 'Owner', 'Tag', 'Last contact', 'Sort by name']);
    await page.unroute(/CustomerFilterControls/);
    await page.reload();
    const grade = page.getByTestId('filter-grade');
    await expect.poll(() => grade.count()).toBe(1);
    expect(await page.locator('.filter-placeholder').count()).toBe(0);
    // Polled: under load, Playwright once found the Select in the DOM but got no box for it yet.
    await expect.poll(() => grade.boundingBox()).not.toBeNull();
    const real = await grade.boundingBox();
    expect(real && placeholder && Math.abs(real.width - placeholder.width)).toBeLessThanOrEqual(2);
    expect(real && placeholder && Math.abs(real.height - placeholder.height)).toBeLessThanOrEqual(1);
    await page.close();
  });

  it('narrows the navigation to icons in a small window, with the names as tooltips', async () => {
    const page = await session.open();
    const label = page.getByTestId('nav-mail');
    await expect.poll(() => label.isVisible()).toBe(true);
    await page.setViewportSize({ width: 900, height: 700 });
    await expect.poll(() => label.isVisible()).toBe(false);
    expect(await label.locator('xpath=ancestor::a').getAttribute('title')).toBe('Mail');
    await page.close();
  });

  it('paints the list with its own styles and adds all of antd’s before another screen shows', async () => {
    const page = await session.open();
    await expect.poll(() => page.getByTestId('customer-total').getAttribute('data-total')).toBe('0');
    const fullSheet = page.locator('link[rel="stylesheet"][href*="antd-full-"]');
    expect(await fullSheet.count()).toBe(0);
    // Settings is built of tabs, whose rules are not in the first screen's sheet.
    await page.getByTestId('nav-settings').click();
    const tabs = page.locator('.ant-tabs').first();
    await expect.poll(() => tabs.count()).toBe(1);
    expect(await fullSheet.count()).toBe(1);
    expect(await tabs.evaluate((el) => getComputedStyle(el).display)).toBe('flex');
    // After the first screen's antd sheet and before the app's own, as the cascade needs (the
    // host writes those two into the page it renders, as <style data-href>).
    const order = await page.evaluate(() =>
      [...document.querySelectorAll('link[rel="stylesheet"], style[data-href]')].map((l) => {
        const name = (l.getAttribute('href') ?? l.getAttribute('data-href') ?? '').replace(/.*\/assets\//, '');
        return name.startsWith('antd-full-') ? 'antd-full' : name.startsWith('antd-') ? 'antd' : name.startsWith('app-') ? 'app' : name;
      }),
    );
    expect(order.slice(0, 3)).toEqual(['antd', 'antd-full', 'app']);
    await page.close();
  });

  // Last in this file: the others expect no customers.
  it('asks before a bulk delete and reports it in a toast, drawn in the app’s theme', async () => {
    await session.seed('customers.create', { name: 'Feedback Test GmbH', country: 'DE', regionCode: 'EU', grade: 'C' });
    const page = await session.open();
    await expect.poll(() => page.getByTestId('customer-total').getAttribute('data-total')).toBe('1');
    await page.getByTestId('customer-row').first().getByRole('checkbox').check();
    await page.getByTestId('bulk-delete').click();
    const confirm = page.locator('.ant-modal-confirm');
    await expect.poll(() => confirm.isVisible()).toBe(true);
    expect(await confirm.locator('.ant-modal-confirm-title').textContent()).toBe('Delete 1 customer?');
    // antd's hooks render inside the app's ConfigProvider, with the full sheet loaded for them.
    expect(await confirm.evaluate((el) => el.closest('.css-var-tradefolio') !== null)).toBe(true);
    expect(await confirm.evaluate((el) => getComputedStyle(el.closest('.ant-modal-wrap') ?? el).position)).toBe('fixed');
    await confirm.getByRole('button', { name: 'Delete' }).click();
    const toast = page.locator('.ant-message-notice', { hasText: '1 customer moved to the Trash.' });
    await expect.poll(() => toast.isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('customer-total').getAttribute('data-total')).toBe('0');
    await page.close();
  });
});
