import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupE2eSession } from '../helpers/e2e-session.ts';
import { writePhoto } from '../helpers/product-photos.ts';

/**
 * The Products page against the web host in Chromium: a product added with the keyboard, given an
 * image by its typed path (the web host has no file dialog) and found by its model; a Chinese
 * product sheet imported with images matched by model, and its skipped row named.
 */
const SLOW = { timeout: 45_000 };

describe('Products (web host, Chromium)', () => {
  const session = setupE2eSession();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradefolio-products-e2e-'));
  const photo = path.join(dir, 'bv-100-front.jpg');
  const sheet = path.join(dir, '产品目录.xlsx');
  const images = path.join(dir, 'images');

  beforeAll(async () => {
    fs.mkdirSync(images);
    await writePhoto(photo, 800, 600);
    await writePhoto(path.join(images, 'gv-200.jpg'), 300, 300);
    const book = new ExcelJS.Workbook();
    book.addWorksheet('产品').addRows([
      ['型号', '英文品名', '中文品名', '单价(USD)', '装箱数'],
      ['GV-200', 'Gate valve', '闸阀', 4.5, 40],
      ['CV-300', 'Check valve', '止回阀', 'n/a', 20],
    ]);
    await book.xlsx.writeFile(sheet);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('adds a product with N, gives it an image by path, and finds it by its model', SLOW, async () => {
    const page = await session.open();
    await page.getByTestId('nav-products').click();
    await page.getByTestId('products-empty').waitFor();
    await page.keyboard.press('n');
    const drawer = page.getByTestId('product-drawer');
    await drawer.getByTestId('product-field-model').fill('BV-100');
    await drawer.getByTestId('product-field-nameEn').fill('Brass ball valve');
    await drawer.getByTestId('product-field-nameZh').fill('黄铜球阀');
    await drawer.getByTestId('product-field-listPrice').fill('3.25');
    await drawer.getByTestId('product-save').click();
    // Saved, the drawer stays open on the product so its images can be added.
    await drawer.getByTestId('product-images').waitFor();
    await drawer.getByTestId('product-image-path').fill(photo);
    await drawer.getByTestId('product-image-add').click();
    await expect.poll(() => drawer.getByTestId('product-image').count()).toBe(1);
    await drawer.getByTestId('product-image').getByTestId('product-thumb').waitFor();
    // The photo as added, at its size, on a click.
    await drawer.getByRole('button', { name: 'bv-100-front.jpg' }).click();
    const full = page.getByTestId('product-image-full');
    await full.getByText('bv-100-front.jpg · 800×600').waitFor();
    await expect.poll(() => full.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(800);
    await page.keyboard.press('Escape');
    await full.waitFor({ state: 'hidden' });
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // A duplicate model is refused under the field, naming it.
    await page.getByTestId('products-new').click();
    await page.getByTestId('product-field-model').fill('bv 100');
    await page.getByTestId('product-save').click();
    await page.getByText('Model BV-100 is already in the product list', { exact: false }).first().waitFor();
    await page.keyboard.press('Escape');

    await page.getByTestId('products-search').locator('input').fill('bv10');
    await expect.poll(() => page.getByTestId('product-row-model').allTextContents()).toEqual(['BV-100']);
    await page.getByTestId('products-table').getByTestId('product-thumb').waitFor();
    await page.getByTestId('products-search').locator('input').fill('球阀');
    await expect.poll(() => page.getByTestId('product-row-model').allTextContents()).toEqual(['BV-100']);
    await page.close();
  });

  it('makes a category with an attribute template and fills the attribute on a product', SLOW, async () => {
    const page = await session.open();
    await page.getByTestId('nav-products').click();
    await page.getByTestId('products-categories').click();
    const categories = page.getByTestId('product-categories');
    await categories.getByTestId('category-new').click();
    await categories.getByTestId('category-nameEn').fill('Valves');
    await categories.getByTestId('category-nameZh').fill('阀门');
    await categories.getByTestId('category-attribute-add').click();
    await categories.getByTestId('category-attribute-label').fill('Pressure (bar)');
    await categories.getByTestId('category-attribute-type').click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'Number' }).click();
    await categories.getByTestId('category-save').click();
    await categories.getByText('Valves · 阀门').waitFor();
    await page.keyboard.press('Escape');
    await categories.waitFor({ state: 'hidden' });

    await page.getByTestId('products-new').click();
    const drawer = page.getByTestId('product-drawer');
    await drawer.getByTestId('product-field-model').fill('SV-10');
    await drawer.getByTestId('product-field-categoryId').click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'Valves · 阀门' }).click();
    await drawer.getByTestId('product-attribute-Pressure (bar)').fill('16');
    await drawer.getByTestId('product-save').click();
    await drawer.getByTestId('product-images').waitFor();
    const [stored] = (await session.seed('products.list', { query: 'SV-10', offset: 0, limit: 5 })).rows;
    const product = await session.seed('products.get', { id: stored!.id });
    const [category] = await session.seed('productCategories.list', {});
    expect(product.categoryId).toBe(category!.id);
    expect(product.attributes).toEqual({ [category!.attributes[0]!.id]: 16 });
    await page.close();
  });

  it('imports a product sheet with images matched by model and names the skipped row', SLOW, async () => {
    const page = await session.open();
    await page.getByTestId('nav-products').click();
    await page.getByTestId('products-import').click();
    await page.getByTestId('product-import-path').fill(sheet);
    await page.getByTestId('product-import-imageFolder').fill(images);
    await page.getByTestId('product-import-start').click();
    // The columns as they will be read, with their first values; one is sent elsewhere by hand.
    const mapping = page.getByTestId('product-import-mapping');
    await mapping.getByText('Gate valve · Check valve').waitFor();
    await mapping.getByTestId('product-import-target-装箱数').click();
    await page.keyboard.type('Notes');
    await page.locator('.ant-select-item-option').filter({ hasText: /^Notes$/ }).click();
    await page.getByTestId('product-import-run').click();
    const report = page.getByTestId('product-import-report');
    await report.getByText('1 created, 0 updated, 1 images added, 1 rows skipped').waitFor();
    expect(await report.getByTestId('product-import-columns').textContent()).toContain('型号 → Model');
    expect(await report.getByTestId('product-import-skipped').allTextContents()).toEqual(['Row 3: 单价(USD): “n/a” is not a price (at most four decimals).']);
    await report.getByRole('button', { name: 'Close', exact: true }).click();
    await page.getByTestId('products-search').locator('input').fill('gv');
    await expect.poll(() => page.getByTestId('product-row-model').allTextContents()).toEqual(['GV-200']);
    await page.getByTestId('products-table').getByTestId('product-thumb').waitFor();
    const stored = await session.seed('products.list', { query: 'GV-200', offset: 0, limit: 5 });
    expect(stored.rows[0]).toMatchObject({ nameZh: '闸阀', listPriceE4: 45_000, listCurrency: 'USD' });
    expect(await session.seed('products.get', { id: stored.rows[0]!.id })).toMatchObject({ notes: '40', unitsPerCarton: null });
    await page.close();
  });
});
