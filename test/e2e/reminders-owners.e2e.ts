import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { appInteractive, navCount, pick, setupE2eSession } from '../helpers/e2e-session.ts';

const DAY = 86_400_000;

const badgeCount = (page: Page) => navCount(page, 'nav-not-contacted-badge');

function overdueRow(page: Page, name: string): Locator {
  return page.getByTestId('overdue-row').filter({ hasText: name });
}

describe('Not contacted, salespeople, transfer and settings (web host, Chromium)', () => {
  // The core's clock starts 100 days ago: customers created now were created "then".
  const session = setupE2eSession({ clockStart: Date.now() - 100 * DAY });
  const { seed } = session;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const alice = await seed('owners.create', { name: 'Alice Zhou', email: 'alice@example.com' });
    ids.alice = alice.id;
    ids.harbor = (await seed('customers.create', { name: 'Harbor Lights Ltd', country: 'GB', regionCode: 'EU', grade: 'C', ownerId: alice.id })).id;
    ids.seaside = (await seed('customers.create', { name: 'Seaside Foods Inc', country: 'US', regionCode: 'NA', grade: 'B' })).id;
    // Grade D is never reminded, however long ago.
    ids.dormant = (await seed('customers.create', { name: 'Dormant Trading', country: 'DE', regionCode: 'EU', grade: 'D', ownerId: alice.id })).id;
    session.app.clock!.advance(100 * DAY);
    // Created "today": not due for another 90 days.
    ids.fresh = (await seed('customers.create', { name: 'Fresh Lead GmbH', country: 'DE', regionCode: 'EU', grade: 'C', ownerId: alice.id })).id;
  });

  it('lists overdue customers with days overdue and the badge; transfer and a logged call take effect', async () => {
    const page = await session.open({ locale: 'en-US' });
    await expect.poll(() => badgeCount(page)).toBe(2);

    // A new salesperson, added in Settings.
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-tab-owners').click();
    await page.getByTestId('owner-add').click();
    await page.getByTestId('owner-name').fill('Carol Wang');
    await page.getByTestId('owner-email').fill('carol@example.com');
    await page.getByTestId('owner-save').click();
    const carolRow = page.getByTestId('owner-row').filter({ hasText: 'Carol Wang' });
    await expect.poll(() => carolRow.count()).toBe(1);
    expect(await carolRow.textContent()).toContain('Active');

    await page.getByTestId('nav-notContacted').click();
    const rows = page.getByTestId('overdue-row');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await page.getByTestId('not-contacted-total').textContent()).toBe('2 customers overdue for contact');
    // Most overdue first: B's 60 days ran out 40 days ago, C's 90 days 10 days ago.
    expect(await rows.nth(0).getByTestId('overdue-name').textContent()).toBe('Seaside Foods Inc');
    expect(await rows.nth(0).getByTestId('overdue-days').textContent()).toBe('40 days');
    const harbor = overdueRow(page, 'Harbor Lights Ltd');
    expect(await harbor.getByTestId('overdue-days').textContent()).toBe('10 days');
    expect(await harbor.getByTestId('overdue-owner').textContent()).toBe('Alice Zhou');
    expect(await harbor.textContent()).toContain('Never');
    expect(await page.getByTestId('intervals-note').textContent()).toContain('A: every 30 days · B: every 60 days · C: every 90 days · D: never');

    // Filter by salesperson.
    await pick(page, page.getByTestId('not-contacted-owner-filter'), 'Alice Zhou');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getByTestId('overdue-name').textContent()).toBe('Harbor Lights Ltd');
    await page.getByTestId('not-contacted-owner-filter').hover();
    await page.getByTestId('not-contacted-owner-filter').locator('.ant-select-clear').click();
    await expect.poll(() => rows.count()).toBe(2);

    // Bulk transfer from the list.
    await harbor.locator('.ant-table-selection-column input[type=checkbox]').check();
    await page.getByTestId('not-contacted-transfer').click();
    await pick(page, page.getByTestId('transfer-owner-select'), 'Carol Wang');
    await page.getByTestId('transfer-ok').click();
    await expect.poll(() => harbor.getByTestId('overdue-owner').textContent()).toBe('Carol Wang');
    const stored = await seed('customers.get', { id: ids.harbor! });
    expect(stored.ownerName).toBe('Carol Wang');

    // Open the folder from the row and log a call there.
    await harbor.getByTestId('overdue-name').click();
    await expect.poll(() => page.getByTestId('customer-folder').getAttribute('data-customer-id')).toBe(ids.harbor);
    expect(await page.getByTestId('customer-owner').textContent()).toBe('Carol Wang');
    await page.getByTestId('action-log-call').click();
    await page.getByTestId('activity-subject').fill('Asked about the spring order');
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByTestId('timeline-entry').count()).toBe(1);

    // It leaves the list; the badge follows.
    await page.getByTestId('nav-notContacted').click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getByTestId('overdue-name').textContent()).toBe('Seaside Foods Inc');
    await expect.poll(() => badgeCount(page)).toBe(1);

    // Salesperson counts follow the transfer.
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-tab-owners').click();
    await expect.poll(() => carolRow.textContent()).toContain('carol@example.com');
    expect(await page.getByTestId('owner-row').filter({ hasText: 'Alice Zhou' }).locator('td').nth(3).textContent()).toBe('2');
    expect(await carolRow.locator('td').nth(3).textContent()).toBe('1');
    await page.close();
  });

  it('logs a call right from the list', async () => {
    const page = await session.open({ locale: 'en-US' });
    await page.getByTestId('nav-notContacted').click();
    const seaside = overdueRow(page, 'Seaside Foods Inc');
    await expect.poll(() => seaside.count()).toBe(1);
    await seaside.getByTestId('overdue-log-call').click();
    await page.getByTestId('activity-subject').fill('Catalogue follow-up');
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByTestId('not-contacted-empty').isVisible()).toBe(true);
    expect(await page.getByTestId('not-contacted-empty').textContent()).toContain('Everyone has been contacted in time.');
    await expect.poll(() => badgeCount(page)).toBe(0);
    const timeline = await seed('activities.list', { customerId: ids.seaside! });
    expect(timeline.rows.map((a) => [a.kind, a.subject])).toEqual([['call', 'Catalogue follow-up']]);
    await page.close();
  });

  it('follows the intervals edited in Settings, in Chinese too', async () => {
    // Dormant (grade D) is 100 days past creation but D is never reminded; give D 60 days.
    const page = await session.open({ locale: 'zh-CN' });
    await page.getByTestId('nav-notContacted').click();
    await expect.poll(() => page.getByTestId('not-contacted-empty').textContent()).toContain('所有客户都已按时联系');
    await page.getByTestId('intervals-settings-link').click();
    await expect.poll(() => page.getByTestId('reminder-settings').isVisible()).toBe(true);

    // Validation: an empty interval names the field.
    await page.getByTestId('interval-never-D').uncheck();
    await page.getByTestId('interval-days-D').fill('');
    await page.getByTestId('reminder-settings-save').click();
    await expect.poll(() => page.locator('.ant-form-item-explain-error').first().textContent()).toContain('D 级的间隔');
    await page.getByTestId('interval-days-D').fill('60');
    await page.getByTestId('reminder-settings-save').click();
    await expect.poll(async () => (await seed('settings.get', {})).contactIntervals.D).toBe(60);

    await page.getByTestId('nav-notContacted').click();
    const rows = page.getByTestId('overdue-row');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getByTestId('overdue-name').textContent()).toBe('Dormant Trading');
    expect(await rows.first().getByTestId('overdue-days').textContent()).toBe('40 天');
    expect(await rows.first().textContent()).toContain('从未联系');
    expect(await page.getByTestId('intervals-note').textContent()).toContain('D：每 60 天');
    await expect.poll(() => badgeCount(page)).toBe(1);
    await page.close();
  });

  it('keeps a calendar of days off and working weekends, picked in Settings', async () => {
    const page = await session.open({ locale: 'en-US' });
    await page.goto(`${session.app.host.url}#/settings?tab=reminders`);
    await appInteractive(page);
    await expect.poll(() => page.getByTestId('reminder-settings').isVisible()).toBe(true);
    // The picker opens at this month: its first weekday and its first Saturday.
    const now = new Date();
    const days = Array.from({ length: 28 }, (_, i) => new Date(now.getFullYear(), now.getMonth(), i + 1));
    const key = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const weekday = key(days.find((d) => d.getDay() >= 1 && d.getDay() <= 5)!);
    const saturday = key(days.find((d) => d.getDay() === 6)!);
    const cell = (date: string) => page.locator('.ant-picker-dropdown:visible').locator(`.ant-picker-cell[title="${date}"]`);

    await page.getByTestId('calendar-days-off').locator('.ant-picker').click();
    // A Saturday is no day off: it cannot be picked there.
    expect(await cell(saturday).getAttribute('class')).toContain('ant-picker-cell-disabled');
    await cell(weekday).click();
    await page.keyboard.press('Escape');
    // The first calendar is gone (not fading out) before the second opens.
    await expect.poll(() => page.locator('.ant-picker-dropdown:visible').count()).toBe(0);
    await page.getByTestId('calendar-working-weekends').locator('.ant-picker').click();
    expect(await cell(weekday).getAttribute('class')).toContain('ant-picker-cell-disabled');
    await cell(saturday).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('reminder-settings-save').click();
    await expect.poll(async () => (await seed('settings.get', {})).workingCalendar).toEqual({ daysOff: [weekday], workingWeekends: [saturday] });

    // Shown again after a reload.
    await page.reload();
    await appInteractive(page);
    await expect.poll(() => page.getByTestId('calendar-days-off').textContent()).toContain(weekday);
    expect(await page.getByTestId('calendar-working-weekends').textContent()).toContain(saturday);
    await seed('settings.update', { workingCalendar: { daysOff: [], workingWeekends: [] } });
    await page.close();
  });

  it('edits regions and custom fields, and switches the language', async () => {
    const page = await session.open({ locale: 'en-US' });
    await page.getByTestId('nav-settings').click();
    const okInPopconfirm = page.locator('.ant-popconfirm:visible').getByRole('button', { name: 'OK' });

    // Regions: a bad code is named, a good one is upper-cased; a region in use cannot be deleted.
    await page.getByTestId('settings-tab-regions').click();
    await page.getByTestId('region-add').click();
    await page.getByTestId('region-code').fill('u1');
    await page.getByTestId('region-name-en').fill('United Kingdom');
    await page.getByTestId('region-name-zh').fill('英国');
    await page.getByTestId('region-save').click();
    await expect.poll(() => page.locator('.ant-form-item-explain-error').first().textContent()).toBe('Code is not in the right format.');
    await page.getByTestId('region-code').fill('uk');
    await page.getByTestId('region-save').click();
    const uk = page.locator('[data-testid=region-row][data-code=UK]');
    await expect.poll(() => uk.count()).toBe(1);
    expect(await uk.textContent()).toContain('United Kingdom');
    await uk.getByTestId('region-edit').click();
    await page.getByTestId('region-name-en').fill('Great Britain');
    await page.getByTestId('region-save').click();
    await expect.poll(() => uk.textContent()).toContain('Great Britain');
    expect((await seed('regions.list', {})).find((r) => r.code === 'UK')?.nameEn).toBe('Great Britain');
    expect(await page.locator('[data-testid=region-row][data-code=EU]').getByTestId('region-remove').count()).toBe(0);
    await uk.getByTestId('region-remove').click();
    await okInPopconfirm.click();
    await expect.poll(() => uk.count()).toBe(0);

    // Custom fields: a choice list needs options.
    await page.getByTestId('settings-tab-customFields').click();
    await page.getByTestId('field-add').click();
    await page.getByTestId('field-label').fill('Payment terms');
    await pick(page, page.getByTestId('field-type'), 'Choice list');
    await page.getByTestId('field-save').click();
    await expect.poll(() => page.locator('.ant-form-item-explain-error').first().textContent()).toBe('A choice field needs at least one option.');
    await page.getByTestId('field-options').click();
    await page.keyboard.type('T/T');
    await page.keyboard.press('Enter');
    await page.keyboard.type('L/C');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.getByTestId('field-save').click();
    const field = page.getByTestId('field-row').filter({ hasText: 'Payment terms' });
    await expect.poll(() => field.count()).toBe(1);
    expect(await field.textContent()).toContain('Choice list');
    expect(await field.locator('.ant-tag').allTextContents()).toEqual(['T/T', 'L/C']);
    expect((await seed('customFields.list', {})).map((f) => [f.label, f.type, f.options])).toEqual([['Payment terms', 'select', ['T/T', 'L/C']]]);
    await field.getByTestId('field-remove').click();
    await okInPopconfirm.click();
    await expect.poll(() => field.count()).toBe(0);

    // Language: the whole shell follows the setting, and "system" goes back to the browser's.
    await page.getByTestId('settings-tab-general').click();
    await page.getByTestId('settings-language').getByText('简体中文').click();
    await expect.poll(() => page.getByTestId('nav-customers').textContent()).toBe('客户');
    expect(await page.getByTestId('settings-tab-general').textContent()).toBe('常规');
    expect((await seed('settings.get', {})).language).toBe('zh-CN');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    // A reload starts in the saved language, and only that language's pack is loaded.
    await page.reload();
    await appInteractive(page);
    await expect.poll(() => page.getByTestId('nav-customers').textContent()).toBe('客户');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    const packs = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name).filter((n) => n.includes('language-pack-')));
    expect(packs.some((n) => n.includes('/language-pack-zh-CN-'))).toBe(true);
    expect(packs.some((n) => n.includes('/language-pack-en-'))).toBe(false);
    await page.getByTestId('settings-tab-general').click();
    await page.getByTestId('settings-language').getByText('跟随系统').click();
    await expect.poll(() => page.getByTestId('nav-customers').textContent()).toBe('Customers');
    expect((await seed('settings.get', {})).language).toBe('system');
    await page.close();
  });
});
