import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writePhoto } from '../../../../../helpers/product-photos.ts';
import { createTempCore, type TempCore } from '../../../../../helpers/temp-core.ts';
import { tempFolders } from '../../../../../helpers/temp-folders.ts';

const cores: TempCore[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});
const folder = tempFolders('tf-product-import-');

async function app(): Promise<TempCore> {
  const core = await createTempCore();
  cores.push(core);
  return core;
}

/** A supplier's sheet as they come: a title row, Chinese headers, units and currencies in headers and cells. */
async function writeXlsx(file: string, rows: (string | number)[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('产品');
  sheet.addRow(['2026 产品目录']);
  sheet.addRow(['序号', '型号', '英文品名', '中文品名', '分类', '规格', '单价(USD)', '成本价', '装箱数', '外箱尺寸(cm)', '毛重(kg)', '净重(kg)', '单位', '认证']);
  for (const r of rows) sheet.addRow(r);
  await workbook.xlsx.writeFile(file);
  return file;
}

const products = async (a: TempCore) => (await a.call('products.list', { offset: 0, limit: 100 })).rows;

describe('product import', () => {
  it('imports an .xlsx with Chinese headers, upserts by model on a second run, and adds images matched by model', async () => {
    const a = await app();
    const dir = folder();
    const images = path.join(dir, 'images');
    fs.mkdirSync(images);
    await writePhoto(path.join(images, 'bv-100.JPG'), 400, 300);
    await writePhoto(path.join(images, 'GV200.png'), 200, 200, 'png');
    await writePhoto(path.join(images, 'ZZ-999.jpg'), 50, 50);
    fs.writeFileSync(path.join(images, 'readme.txt'), 'not an image');
    const sheet = await writeXlsx(path.join(dir, '产品.xlsx'), [
      [1, 'BV-100', 'Brass ball valve', '黄铜球阀', '阀门', 'DN15 PN16', 3.25, '¥12.5', 100, '50x40x30', 12.5, 11, 'pcs', 'CE'],
      [2, 'GV 200', 'Gate valve', '闸阀', '阀门', '', 'EUR 4.1', '', 50, '', '', '', 'pcs', ''],
      [3, '', 'No model', '', '', '', 1, '', '', '', '', '', '', ''],
      [4, 'PX-1', 'Pipe', '钢管', '管材', '', 'cheap', '', '', '', '', '', 'm', ''],
      [5, 'bv100', 'Repeat', '', '', '', 1, '', '', '', '', '', '', ''],
    ]);

    const first = await a.call('products.import', { path: sheet, imageFolder: images });
    expect(first).toMatchObject({ sheet: '产品', created: 2, updated: 0, imagesAdded: 2, imagesUnmatched: ['ZZ-999.jpg'], skippedCount: 3 });
    expect(first.columns.map((c) => c.target)).toEqual(['skip', 'model', 'nameEn', 'nameZh', 'category', 'specs', 'listPrice', 'cost', 'unitsPerCarton', 'cartonSize', 'grossWeightKg', 'netWeightKg', 'unit', 'extra']);
    expect(first.skipped).toEqual([
      { row: 5, message: 'products.import.noModel', params: {} },
      { row: 6, message: 'products.import.badPrice', params: { column: '单价(USD)', value: 'cheap' } },
      { row: 7, message: 'products.import.repeatedModel', params: { model: 'bv100', firstRow: 3 } },
    ]);
    const [bv, gv] = await products(a);
    const valve = await a.call('products.get', { id: bv!.id });
    expect(valve).toMatchObject({
      model: 'BV-100',
      nameEn: 'Brass ball valve',
      nameZh: '黄铜球阀',
      specs: 'DN15 PN16\n认证: CE',
      listPriceE4: 32_500,
      listCurrency: 'USD',
      costE4: 125_000,
      costCurrency: 'CNY',
      unitsPerCarton: 100,
      cartonLengthCm: 50,
      cartonWidthCm: 40,
      cartonHeightCm: 30,
      grossWeightKg: 12.5,
      netWeightKg: 11,
      unit: 'pcs',
    });
    expect(valve.images.map((i) => [i.fileName, i.width])).toEqual([['bv-100.JPG', 400]]);
    expect(gv).toMatchObject({ model: 'GV 200', listPriceE4: 41_000, listCurrency: 'EUR', thumbnail: expect.any(String) });
    const categories = await a.call('productCategories.list', {});
    expect(categories.map((c) => [c.nameEn, c.productCount])).toEqual([['阀门', 2]]);

    // The second run of a changed sheet updates; nothing is duplicated, images are not added twice.
    const again = await writeXlsx(path.join(dir, '产品2.xlsx'), [[1, 'bv 100', 'Brass ball valve, lead free', '', '', '', 3.1, '', '', '', '', '', '', '']]);
    const second = await a.call('products.import', { path: again, imageFolder: images });
    expect(second).toMatchObject({ created: 0, updated: 1, imagesAdded: 0, skippedCount: 0 });
    const after = await a.call('products.get', { id: bv!.id });
    // What the row left empty keeps its value.
    expect(after).toMatchObject({ model: 'bv 100', nameEn: 'Brass ball valve, lead free', nameZh: '黄铜球阀', listPriceE4: 31_000, costE4: 125_000, unitsPerCarton: 100 });
    expect(after.images).toHaveLength(1);
    expect(await products(a)).toHaveLength(2);
  });

  it('imports a GBK .csv with Chinese headers, and takes a chosen mapping over the headers’ names', async () => {
    const a = await app();
    const dir = folder();
    const csv = path.join(dir, 'products.csv');
    const text = ['型号,品名,价格,币种,货号备注', 'A-1,不锈钢水槽,"1,234.50",EUR,老款', 'A-2,水龙头,88,人民币,'].join('\r\n');
    fs.writeFileSync(csv, iconv.encode(text, 'gbk'));
    const report = await a.call('products.import', { path: csv, mapping: { 货号备注: 'notes' } });
    expect(report).toMatchObject({ created: 2, skippedCount: 0 });
    expect(report.columns.map((c) => [c.header, c.target])).toEqual([
      ['型号', 'model'],
      ['品名', 'nameZh'],
      ['价格', 'listPrice'],
      ['币种', 'listCurrency'],
      ['货号备注', 'notes'],
    ]);
    const rows = await products(a);
    expect(rows.map((r) => [r.model, r.nameZh, r.listPriceE4, r.listCurrency])).toEqual([
      ['A-1', '不锈钢水槽', 12_345_000, 'EUR'],
      ['A-2', '水龙头', 880_000, 'CNY'],
    ]);
    expect((await a.call('products.get', { id: rows[0]!.id })).notes).toBe('老款');
  });

  it('previews the columns as the import would map them, with their first values, writing nothing', async () => {
    const a = await app();
    const sheet = await writeXlsx(path.join(folder(), 'p.xlsx'), [
      [1, 'BV-100', 'Brass ball valve', '黄铜球阀', '', '', 3.25, '', 100, '', '', '', 'pcs', 'CE'],
      [2, 'GV-200', 'Gate valve', '闸阀', '', '', 4.1, '', 50, '', '', '', 'pcs', ''],
    ]);
    const preview = await a.call('products.previewImport', { path: sheet, mapping: { 认证: 'notes' } });
    expect(preview.sheet).toBe('产品');
    expect(preview.columns.find((c) => c.header === '型号')).toEqual({ letter: 'B', header: '型号', target: 'model', samples: ['BV-100', 'GV-200'] });
    expect(preview.columns.find((c) => c.header === '认证')).toMatchObject({ target: 'notes', samples: ['CE'] });
    expect((await products(a)).length).toBe(0);
  });

  it('remembers a chosen mapping for the next sheet with the same headers', async () => {
    const a = await app();
    const dir = folder();
    const write = (name: string, rows: string[]) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, ['型号,品名,认证', ...rows].join('\n'));
      return file;
    };
    const first = write('march.csv', ['A-1,水槽,CE']);
    expect((await a.call('products.previewImport', { path: first })).remembered).toBe(false);
    await a.call('products.import', { path: first, mapping: { 认证: 'notes', 品名: 'nameEn' } });
    // April's list from the same supplier: the same columns go to the same fields without asking.
    const second = write('april.csv', ['A-2,Faucet,RoHS']);
    const preview = await a.call('products.previewImport', { path: second });
    expect(preview.remembered).toBe(true);
    expect(preview.columns.map((c) => c.target)).toEqual(['model', 'nameEn', 'notes']);
    await a.call('products.import', { path: second });
    const rows = await products(a);
    expect(await a.call('products.get', { id: rows[1]!.id })).toMatchObject({ model: 'A-2', nameEn: 'Faucet', notes: 'RoHS' });
  });

  it('finds the header row below a supplier’s contact lines, which name contact fields', async () => {
    const a = await app();
    const dir = folder();
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('报价').addRows([
      ['宁波XX进出口有限公司 产品报价单'],
      ['联系人: 王强', '', '电话: 0574-12345678', '', '邮箱: wang@x.cn'],
      ['型号', '品名', '规格', '单价', '装箱数', '备注'],
      ['BV-100', '球阀', 'DN15', 3.25, 100, ''],
    ]);
    const xlsx = path.join(dir, 'quote.xlsx');
    await workbook.xlsx.writeFile(xlsx);
    const csv = path.join(dir, 'price-list.csv');
    fs.writeFileSync(csv, ['Price list 2026', 'Company,Ningbo Voyage,Tel,+86 574 1234', 'Item No.,Description,FOB Price,Pcs/Ctn,Remarks', 'GV-200,Gate valve,4.5,40,'].join('\n'));
    expect(await a.call('products.import', { path: xlsx })).toMatchObject({ created: 1, skippedCount: 0 });
    expect(await a.call('products.import', { path: csv })).toMatchObject({ created: 1, skippedCount: 0 });
    expect((await products(a)).map((p) => [p.model, p.nameEn ?? p.nameZh, p.listPriceE4])).toEqual([
      ['BV-100', '球阀', 32_500],
      ['GV-200', 'Gate valve', 45_000],
    ]);
  });

  it('refuses a sheet without a model column, and paths that are not absolute, naming them', async () => {
    const a = await app();
    const dir = folder();
    const csv = path.join(dir, 'contacts.csv');
    fs.writeFileSync(csv, 'Company,Email\nAcme,a@acme.com\n');
    expect(await a.fail('products.import', { path: csv })).toMatchObject({ message: 'products.import.noModelColumn', params: { file: 'contacts.csv' } });
    expect((await a.fail('products.import', { path: 'products.csv' })).fieldErrors?.[0]?.path).toBe('path');
    expect((await a.fail('products.import', { path: csv, imageFolder: path.join(dir, 'none') })).fieldErrors).toEqual([
      { path: 'imageFolder', message: 'products.import.imageFolderUnreadable', params: { folder: path.join(dir, 'none') } },
    ]);
  });
});
