import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMailSource } from '../../electron/services/imports/mail-sources/open-mail-source.ts';
import { setupE2eSession } from '../helpers/e2e-session.ts';
import { writeMbox } from '../helpers/mail-archives.ts';
import { rfc822 } from '../helpers/mail-test-kit.ts';

/**
 * The Import center's Export tab against the web host: customers exported from the screen to a
 * typed path (the web host has no save dialog), the written file read back — in English as CSV
 * and in Chinese as .xlsx — and a path that cannot be written answered with a message naming it.
 */
const SLOW = { timeout: 30_000 };

describe('Import center: Export (web host, Chromium)', () => {
  const session = setupE2eSession();
  const { seed } = session;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradefolio-export-e2e-'));

  beforeAll(async () => {
    const li = await seed('owners.create', { name: 'Li Wei', email: 'li.wei@mytrade.cn' });
    const shenzhen = await seed('customers.create', { name: 'Shenzhen Minghua Trading', localName: '深圳明华贸易有限公司', regionCode: 'AS', country: 'CN', ownerId: li.id });
    await seed('contacts.create', { customerId: shenzhen.id, name: '张伟', channels: [{ kind: 'email', value: 'zhang@minghua.cn' }] });
    await seed('customers.create', { name: '=HYPERLINK("http://evil.example","x")', regionCode: 'EU', country: 'DE' });
    // Zhang's mail, filed under Shenzhen by the import, and a newsletter that is nobody's.
    const archive = path.join(os.tmpdir(), `tradefolio-export-e2e-${process.pid}.mbox`);
    const at = (d: number) => new Date(Date.UTC(2025, 5, d));
    writeMbox(
      archive,
      [
        rfc822({ from: 'zhang@minghua.cn', to: 'li.wei@mytrade.cn', subject: '询价', body: 'From here on: 500 pcs.\r\n', messageId: 'z1@minghua.cn', date: at(1) }),
        rfc822({ from: 'li.wei@mytrade.cn', to: 'zhang@minghua.cn', subject: 'Re: 询价', body: '报价见附件。\r\n', messageId: 'z2@mytrade.cn', date: at(2) }),
        rfc822({ from: 'news@promo.example', to: 'li.wei@mytrade.cn', subject: 'Deals', body: 'Deals.\r\n', messageId: 'n1@promo.example', date: at(3) }),
      ],
      { variant: 'mboxrd' },
    );
    await seed('imports.startMail', { path: archive, ownerId: li.id, ownAddresses: [] });
    await session.app.core.imports().whenIdle();
    fs.rmSync(archive);
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function openExport(page: Page): Promise<void> {
    await page.getByTestId('nav-imports').click();
    await page.getByTestId('import-center').waitFor();
    await page.getByTestId('import-tab-export').click();
    await page.getByTestId('export-tab').waitFor();
  }

  const customersForm = (page: Page) => page.getByTestId('export-customers-form');

  it('exports customers to .csv from the screen: the file has a BOM, Chinese intact and formulas as text', SLOW, async () => {
    const page = await session.open({ locale: 'en-US' });
    await openExport(page);
    expect(await page.getByTestId('import-tab-export').textContent()).toBe('Export');
    await customersForm(page).getByText('CSV', { exact: true }).click();

    // A relative path, or one with the other format's extension, is refused before anything is sent.
    await page.getByTestId('export-customers-path').fill('customers.csv');
    await page.getByTestId('export-customers-start').click();
    await expect.poll(() => customersForm(page).locator('.ant-form-item-explain-error').textContent()).toContain('is not a full path');
    const file = path.join(dir, 'customers.csv');
    await page.getByTestId('export-customers-path').fill(path.join(dir, 'customers.xlsx'));
    await page.getByTestId('export-customers-start').click();
    await expect.poll(() => customersForm(page).locator('.ant-form-item-explain-error').textContent()).toContain('must end in .csv');

    await page.getByTestId('export-customers-path').fill(file);
    await page.getByTestId('export-customers-start').click();
    await expect.poll(() => page.getByTestId('export-done').textContent()).toContain(`Exported 2 customers and 1 contacts to ${file}`);
    const bytes = fs.readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')[0]).toMatch(/^\uFEFFCustomer code,Company name,Chinese name,/);
    expect(text).toContain('深圳明华贸易有限公司');
    expect(text).toContain('张伟');
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('customers'))).toEqual(['customers.csv']);

    // The same name again: the file is not replaced until the user says so.
    fs.writeFileSync(file, 'older export');
    await page.getByTestId('export-customers-start').click();
    const confirm = page.locator('.ant-modal-confirm');
    await expect.poll(() => confirm.textContent()).toContain(`${file} already exists. Replace it with this export?`);
    expect(fs.readFileSync(file, 'utf8')).toBe('older export');
    await confirm.getByRole('button', { name: 'Replace' }).click();
    await expect.poll(() => fs.readFileSync(file, 'utf8')).toContain('深圳明华贸易有限公司');
    await page.close();
  });

  it('exports a customer\u2019s mail, chosen by searching, as an mbox our reader gives back', SLOW, async () => {
    const page = await session.open({ locale: 'en-US' });
    await openExport(page);
    const form = page.getByTestId('export-mail-form');
    await page.getByTestId('export-mail-customer').click();
    await page.keyboard.type('Shenzhen');
    await page.locator('.ant-select-item-option').filter({ hasText: 'Shenzhen Minghua Trading' }).click();
    const file = path.join(dir, 'shenzhen.mbox');
    await page.getByTestId('export-mail-path').fill(file);
    await form.getByTestId('export-mail-start').click();
    await expect.poll(() => page.getByTestId('export-done').textContent()).toContain(`Exported 2 messages to ${file}`);
    const ids: string[] = [];
    for await (const item of (await openMailSource(file)).items()) if (item.kind === 'message') ids.push(/^Message-ID: <([^>]+)>/im.exec(item.raw.toString('latin1'))![1]!);
    expect(ids).toEqual(['z1@minghua.cn', 'z2@mytrade.cn']);
    expect(fs.readFileSync(file, 'utf8')).toContain('\n>From here on: 500 pcs.');
    await page.close();
  });

  it('exports to .xlsx in Chinese, and names the file when its folder does not exist', SLOW, async () => {
    const page = await session.open({ locale: 'zh-CN' });
    await openExport(page);
    expect(await page.getByTestId('import-tab-export').textContent()).toBe('导出');

    const missing = path.join(dir, '没有这个文件夹', '客户.xlsx');
    await page.getByTestId('export-customers-path').fill(missing);
    await page.getByTestId('export-customers-start').click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain(`无法写入 ${missing}：文件夹 ${path.dirname(missing)} 不存在。`);

    const file = path.join(dir, '客户.xlsx');
    await page.getByTestId('export-customers-path').fill(file);
    await page.getByTestId('export-customers-start').click();
    await expect.poll(() => page.getByTestId('export-done').textContent()).toContain(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['客户', '联系人']);
    const sheet = workbook.getWorksheet('客户')!;
    expect(sheet.getRow(1).getCell(2).value).toBe('公司名称');
    const names = [2, 3].map((r) => String(sheet.getRow(r).getCell(2).value));
    expect(names.sort()).toEqual([`'=HYPERLINK("http://evil.example","x")`, 'Shenzhen Minghua Trading']);
    expect(workbook.getWorksheet('联系人')!.getRow(2).getCell(3).value).toBe('张伟');
    await page.close();
  });
});
