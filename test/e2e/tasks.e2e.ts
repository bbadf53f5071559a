import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupE2eSession } from '../helpers/e2e-session.ts';
import { writeMbox } from '../helpers/mail-archives.ts';
import { rfc822 } from '../helpers/mail-test-kit.ts';
import { tempDir } from '../helpers/temp-core.ts';

/**
 * Tasks (issue 14 point 1) in Chromium: a follow-up created from a mail in the reading pane, seen
 * on the Tasks page and in Today, completed from Today, and on the customer's timeline as a contact; the new-task
 * shortcut on a customer's folder, in Chinese.
 */
describe('tasks (web host, Chromium)', () => {
  const session = setupE2eSession();
  const { seed } = session;
  let customerId: string;
  let folder: string;

  beforeAll(async () => {
    folder = tempDir('tf-e2e-tasks-');
    const owner = await seed('owners.create', { name: 'Li Wei', email: 'li.wei@mytrade.cn' });
    const customer = await seed('customers.create', { name: 'Hamburg Trade GmbH', regionCode: 'EU', country: 'DE', grade: 'A', ownerId: owner.id });
    customerId = customer.id;
    await seed('contacts.create', { customerId, name: 'Anna Berg', channels: [{ kind: 'email', value: 'anna@hamburg-trade.de' }] });
    const archive = path.join(folder, 'anna.mbox');
    const sent = new Date(Date.now() - 200 * 86_400_000);
    writeMbox(archive, [rfc822({ from: 'Anna <anna@hamburg-trade.de>', to: 'li.wei@mytrade.cn', subject: 'Catalogue for the autumn fair', body: 'Please send the new catalogue.', messageId: 'cat@hamburg-trade.de', date: sent })], {
      variant: 'mboxrd',
    });
    await seed('imports.startMail', { path: archive, ownerId: owner.id, ownAddresses: [] });
    await session.app.core.imports().whenIdle();
  });
  afterAll(() => {
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('follows up a mail from the reading pane, sees the task in Today, completes it there and shows it on the timeline', async () => {
    const page = await session.open({ locale: 'en-US' });
    await page.getByTestId('global-search').fill('catalogue');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('search-message').count()).toBe(1);
    await page.getByTestId('search-message').click();
    await page.getByTestId('mail-follow-up').click();

    // The form comes filled from the mail: its subject, the customer and contact it is filed under.
    const form = page.getByTestId('task-form');
    await form.waitFor();
    expect(await page.getByTestId('task-title').inputValue()).toBe('Catalogue for the autumn fair');
    await expect.poll(() => form.getByTestId('task-customer').textContent()).toContain('Hamburg Trade GmbH');
    await expect.poll(() => form.getByTestId('task-contact').textContent()).toContain('Anna Berg');
    expect(await page.getByTestId('task-mail-link').textContent()).toContain('Catalogue for the autumn fair');
    await page.getByTestId('task-title').fill('Send the autumn catalogue');
    // Due an hour ago rather than in the follow-up's 3 days, so that Today shows it now.
    const due = await page.evaluate(() => {
      const d = new Date(Date.now() - 3_600_000);
      const two = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
    });
    await page.getByTestId('task-due').click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(due);
    await page.keyboard.press('Enter');
    await page.getByTestId('task-form-save').click();
    await form.waitFor({ state: 'detached' });

    await page.evaluate(() => {
      window.location.hash = '#/tasks';
    });
    const row = page.getByTestId('task-row').filter({ hasText: 'Send the autumn catalogue' });
    await row.waitFor();
    expect(await row.getByTestId('task-customer-link').textContent()).toBe('Hamburg Trade GmbH');
    expect(await row.textContent()).toContain('Anna Berg');

    // Today lists it with the tasks, and completes it in one click.
    await page.getByTestId('nav-today').click();
    const todayRow = page.getByTestId('today-section-task').getByTestId('today-row').filter({ hasText: 'Send the autumn catalogue' });
    await todayRow.waitFor();
    expect(await todayRow.textContent()).toContain('Hamburg Trade GmbH');
    await todayRow.getByTestId('today-done').click();
    await expect.poll(() => page.getByTestId('today-section-task').count()).toBe(0);
    // A task made from Today's header is due within the hour, so it is in Today at once.
    await page.getByTestId('today-new-task').click();
    await page.getByTestId('task-title').fill('Call the forwarder');
    await page.getByTestId('task-form-save').click();
    await page.getByTestId('task-form').waitFor({ state: 'detached' });
    const fresh = page.getByTestId('today-section-task').getByTestId('today-row').filter({ hasText: 'Call the forwarder' });
    await fresh.waitFor();
    expect(await fresh.getByTestId('today-due').count()).toBe(1);

    await page.evaluate(() => {
      window.location.hash = '#/tasks';
    });
    await expect.poll(() => page.getByTestId('task-row').filter({ hasText: 'Send the autumn catalogue' }).count()).toBe(0);
    await page.getByTestId('tasks-status-done').click();
    await expect.poll(() => page.getByTestId('task-row').filter({ hasText: 'Send the autumn catalogue' }).getAttribute('data-done')).toBe('true');

    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, `#/customers/${customerId}`);
    const entry = page.locator('[data-testid="timeline-entry"][data-kind="task"]');
    await entry.waitFor();
    expect(await entry.getByTestId('timeline-entry-subject').textContent()).toBe('Send the autumn catalogue');
    expect(await entry.textContent()).toContain('Task done');
    // A done task is a contact: the folder no longer says contact is overdue.
    const detail = await seed('customers.get', { id: customerId });
    expect(detail.lastContactedAt).toBeGreaterThan(Date.now() - 60_000);
    await page.close();
  });

  it('opens the task form for the open customer with Alt+T, in Chinese, lists the appointment on its folder, deletes it and restores it from the trash', async () => {
    const page = await session.open({ locale: 'zh-CN' });
    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, `#/customers/${customerId}`);
    await page.getByTestId('customer-name').waitFor();
    await page.keyboard.press('Alt+t');
    const form = page.getByTestId('task-form');
    await form.waitFor();
    await expect.poll(() => form.getByTestId('task-customer').textContent()).toContain('Hamburg Trade GmbH');
    await form.getByText('约会').click();
    await page.getByTestId('task-title').fill('展会见面');
    await page.getByTestId('task-place').fill('Hall 3');
    await page.getByTestId('task-form-save').click();
    await form.waitFor({ state: 'detached' });
    await page.getByTestId('tab-tasks').click();
    const row = page.getByTestId('customer-tasks').getByTestId('task-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('展会见面');
    expect(await row.textContent()).toContain('Hall 3');
    expect(await row.textContent()).toContain('60 分钟');

    // Deleting asks first; the trash lists the task and restores it.
    await row.getByTestId('task-delete').click();
    await page.getByTestId('task-delete-confirm').click();
    await expect.poll(() => row.count()).toBe(0);
    await page.evaluate(() => {
      window.location.hash = '#/trash';
    });
    const trashed = page.getByTestId('trash-task-row');
    await expect.poll(() => trashed.count()).toBe(1);
    expect(await trashed.textContent()).toContain('展会见面');
    await trashed.getByTestId('trash-task-restore').click();
    await expect.poll(() => page.getByTestId('trash-tasks').count()).toBe(0);
    expect((await seed('tasks.list', { customerId, status: 'open' })).rows.map((r) => r.title)).toContain('展会见面');
    await page.close();
  });
});
