import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempCore, tempDir, type TempCore } from '../../../../helpers/temp-core.ts';
import { seedReports } from './report-seed.ts';

let app: TempCore;
let dir: string;
const window = { from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 5, 1) - 1, timeZone: 'UTC' };

beforeEach(async () => {
  app = await createTempCore();
  await seedReports(app);
  dir = tempDir('tradefolio-report-xlsx-');
});
afterEach(async () => {
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function sheetOf(file: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.worksheets[0]!;
}

const values = (sheet: ExcelJS.Worksheet, row: number) => (sheet.getRow(row).values as unknown[]).slice(1);

describe('reports.exportXlsx', () => {
  it('writes the top customers with headers in the chosen language, a formula-looking name kept as text', async () => {
    const file = path.join(dir, 'top.xlsx');
    const written = await app.call('reports.exportXlsx', { report: 'topCustomers', params: { ...window, currency: 'USD', limit: 10 }, path: file, language: 'zh-CN' });
    expect(written).toMatchObject({ path: file, rows: 2 });
    const sheet = await sheetOf(file);
    expect(sheet.name).toBe('重点客户');
    expect(values(sheet, 1)).toEqual(['排名', '客户', '编号', '国家', '报价数', '币种', '报价金额']);
    const first = values(sheet, 2);
    expect(first[1]).toBe(`'=HYPERLINK("http://x")`);
    expect(sheet.getRow(2).getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect([first[0], first[4], first[5], first[6]]).toEqual([1, 2, 'USD', 2500]);
    expect(values(sheet, 3)[6]).toBe(300);
  });

  it('writes the quotes report with win rates as numbers, and sample costs one row per currency', async () => {
    const quotes = path.join(dir, 'quotes.xlsx');
    await app.call('reports.exportXlsx', { report: 'quotes', params: window, path: quotes, language: 'en' });
    const sheet = await sheetOf(quotes);
    expect(values(sheet, 1)).toEqual(['Month', 'Salesperson', 'Sent', 'Won', 'Rejected', 'Expired', 'Win rate']);
    expect(values(sheet, 2)).toEqual(['2026-01', 'Alice', 2, 1, 1, 0, 0.5]);
    expect(sheet.getRow(2).getCell(7).numFmt).toBe('0.0%');

    const samples = path.join(dir, 'samples.xlsx');
    await app.call('reports.exportXlsx', { report: 'samples', params: { ...window, groupBy: 'customer' }, path: samples, language: 'en' });
    const s = await sheetOf(samples);
    expect(values(s, 1)).toEqual(['Customer', 'Shipments', 'Items', 'Currency', 'Sample cost', 'Freight cost', 'Total cost']);
    expect(values(s, 2)).toEqual([`'=HYPERLINK("http://x")`, 2, 5, 'USD', 30, 45, 75]);
    // The second currency of the same customer: its own row, never added to the first.
    expect(values(s, 3)).toEqual([undefined, undefined, undefined, 'CNY', 0, 200, 200]);

    // By product in Chinese: items typed as free text are one group, named in the sheet's language.
    const products = path.join(dir, 'products.xlsx');
    await app.call('reports.exportXlsx', { report: 'samples', params: { ...window, groupBy: 'product' }, path: products, language: 'zh-CN' });
    const p = await sheetOf(products);
    expect(values(p, 1)[0]).toBe('产品');
    expect([values(p, 2)[0], values(p, 3)[0], values(p, 4)[0]]).toEqual(['LP-600', 'LP-1200', '不在产品库中的物品']);
  });

  it('refuses to replace a file unless asked, and a name not ending in .xlsx', async () => {
    const file = path.join(dir, 'quotes.xlsx');
    fs.writeFileSync(file, 'keep me');
    const refused = await app.fail('reports.exportXlsx', { report: 'quotes', params: window, path: file });
    expect([refused.code, refused.message]).toEqual(['conflict', 'exports.errors.exists']);
    expect(fs.readFileSync(file, 'utf8')).toBe('keep me');
    await app.call('reports.exportXlsx', { report: 'quotes', params: window, path: file, overwrite: true });
    expect((await sheetOf(file)).rowCount).toBe(5);
    const wrong = await app.fail('reports.exportXlsx', { report: 'quotes', params: window, path: path.join(dir, 'quotes.csv') });
    expect([wrong.message, wrong.fieldErrors?.[0]?.path]).toEqual(['reports.errors.notXlsx', 'path']);
    expect(fs.readdirSync(dir)).toEqual(['quotes.xlsx']);
  });
});
