import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupE2eSession } from '../helpers/e2e-session.ts';

describe('backup and restore from Settings (web host, Chromium)', () => {
  const session = setupE2eSession();
  const { seed } = session;
  const extraFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'tradefolio-backups-'));

  beforeAll(async () => {
    await seed('customers.create', { name: 'Before Backup GmbH', country: 'DE', regionCode: 'EU', grade: 'A' });
  });

  afterAll(async () => {
    fs.rmSync(extraFolder, { recursive: true, force: true });
  });

  async function openBackups(page: Page): Promise<void> {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-tab-backups').click();
    await expect.poll(() => page.getByTestId('backup-settings').isVisible()).toBe(true);
  }

  async function customerNames(page: Page): Promise<string[]> {
    return page.getByTestId('customer-row-name').allTextContents();
  }

  it('backs up now, restores after a change, and keeps the replaced database', async () => {
    const page = await session.open({ locale: 'en-US' });
    await openBackups(page);
    const defaultFolder = path.join(session.app.dataDir, 'backups');
    await expect.poll(() => page.getByTestId('backup-folder').inputValue()).toBe(defaultFolder);
    expect(await page.getByTestId('backup-last').textContent()).toBe('No backup has been made yet.');
    await expect.poll(() => page.getByTestId('backups-empty').isVisible()).toBe(true);

    await page.getByTestId('backup-now').click();
    const rows = page.getByTestId('backup-row');
    await expect.poll(() => rows.count()).toBe(1);
    const file = await rows.first().getAttribute('data-file');
    expect(file).toMatch(/^tradefolio-\d{8}-\d{6}\.sqlite$/);
    expect(fs.existsSync(path.join(defaultFolder, file!))).toBe(true);
    await expect.poll(() => page.getByTestId('backup-last').textContent()).toMatch(/^Last backup: /);

    // A change after the backup.
    await seed('customers.create', { name: 'After Backup Ltd', country: 'GB', regionCode: 'EU', grade: 'B' });
    await page.getByTestId('nav-customers').click();
    await expect.poll(() => customerNames(page)).toEqual(expect.arrayContaining(['Before Backup GmbH', 'After Backup Ltd']));

    // Restore, with the confirmation that the current database is kept.
    await openBackups(page);
    await rows.first().getByTestId('backup-restore').click();
    const confirm = page.getByTestId('restore-confirm');
    await expect.poll(() => confirm.isVisible()).toBe(true);
    expect(await confirm.textContent()).toContain('kept as a copy');
    await page.getByTestId('restore-confirm-ok').click();
    const success = page.getByTestId('restore-success');
    await expect.poll(() => success.isVisible()).toBe(true);
    const replacedPath = (await page.getByTestId('restore-replaced-path').textContent()) ?? '';
    expect(path.dirname(replacedPath)).toBe(session.app.dataDir);
    expect(fs.existsSync(replacedPath)).toBe(true);

    // The UI shows the restored data: the later customer is gone.
    await page.getByTestId('nav-customers').click();
    await expect.poll(() => customerNames(page)).toEqual(['Before Backup GmbH']);
    const list = await seed('customers.list', {});
    expect(list.rows.map((r) => r.name)).toEqual(['Before Backup GmbH']);
    await page.close();
  });

  it('refuses a file that is not a backup and changes nothing', async () => {
    const defaultFolder = path.join(session.app.dataDir, 'backups');
    fs.writeFileSync(path.join(defaultFolder, 'tradefolio-20200101-000000.sqlite'), 'this is not a database');
    const page = await session.open({ locale: 'en-US' });
    await openBackups(page);
    const bad = page.getByTestId('backup-row').filter({ hasText: 'tradefolio-20200101-000000.sqlite' });
    await expect.poll(() => bad.count()).toBe(1);
    await bad.getByTestId('backup-restore').click();
    await page.getByTestId('restore-confirm-ok').click();
    const error = page.locator('.ant-message-notice', { hasText: 'tradefolio-20200101-000000.sqlite' });
    await expect.poll(() => error.count()).toBe(1);
    expect(await error.textContent()).toContain('Nothing was changed.');
    expect(await page.getByTestId('restore-success').count()).toBe(0);
    const list = await seed('customers.list', {});
    expect(list.rows.map((r) => r.name)).toEqual(['Before Backup GmbH']);
    await page.close();
  });

  it('says under the field why a typed folder cannot be used, at once, and keeps the old one', async () => {
    const before = (await seed('settings.get', {})).backupFolder;
    const page = await session.open({ locale: 'en-US' });
    await openBackups(page);
    // The web host has no folder dialog: the path is typed and checked.
    expect(await page.getByTestId('backup-folder-choose').count()).toBe(0);
    const field = page.locator('.ant-form-item-explain-error');

    await page.getByTestId('backup-folder').fill('backups');
    await page.getByTestId('backup-folder-save').click();
    await expect.poll(() => field.textContent()).toContain('is not a full path');

    const started = Date.now();
    await page.getByTestId('backup-folder').fill('/proc/nope/backups');
    await page.getByTestId('backup-folder-save').click();
    await expect.poll(() => field.textContent()).toContain('/proc/nope/backups cannot be created');
    expect(Date.now() - started).toBeLessThan(5000);
    // The host still answers every page: the list is there.
    await expect.poll(() => page.getByTestId('backups-empty').isVisible().then((empty) => empty || page.getByTestId('backup-row').first().isVisible())).toBe(true);
    expect((await seed('settings.get', {})).backupFolder).toBe(before);
    await page.close();
  });

  it('writes backups into a folder typed in, and turns automatic backups off', async () => {
    const page = await session.open({ locale: 'zh-CN' });
    await openBackups(page);
    await page.getByTestId('backup-folder').fill(extraFolder);
    await page.getByTestId('backup-folder-save').click();
    await expect.poll(async () => (await seed('settings.get', {})).backupFolder).toBe(extraFolder);
    await expect.poll(() => page.getByTestId('backups-empty').isVisible()).toBe(true);
    await page.getByTestId('backup-now').click();
    await expect.poll(() => page.getByTestId('backup-row').count()).toBe(1);
    expect(fs.readdirSync(extraFolder).filter((f) => f.endsWith('.sqlite'))).toHaveLength(1);
    await expect.poll(() => page.getByTestId('backup-last').textContent()).toMatch(/^上次备份：/);

    await page.getByTestId('backup-automatic').click();
    await expect.poll(async () => (await seed('settings.get', {})).backupEnabled).toBe(false);
    await expect.poll(() => page.getByTestId('backup-automatic').getAttribute('aria-checked')).toBe('false');
    await page.close();
  });
});
