import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tinyPng } from '../fixtures/quote-document-fixtures.ts';
import { setupE2eSession } from '../helpers/e2e-session.ts';

describe('Settings → Letterhead (web host, Chromium)', () => {
  const session = setupE2eSession();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tradefolio-letterhead-e2e-'));
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('saves the company, takes a logo by its typed path, and names a refused one under the logo', async () => {
    const page = await session.open({ locale: 'zh-CN' });
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-tab-letterhead').click();
    await expect.poll(() => page.getByTestId('letterhead-settings').isVisible()).toBe(true);
    expect(await page.getByTestId('letterhead-logo-state').textContent()).toBe('未设置 Logo');

    await page.getByTestId('letterhead-companyName').fill('宁波远航贸易有限公司 Ningbo Voyage Trading Co., Ltd.');
    await page.getByTestId('letterhead-bankDetails').fill('Bank of China, Ningbo Branch\nSWIFT: BKCHCNBJ92A');
    await page.getByTestId('letterhead-save').click();
    await expect.poll(async () => (await session.seed('settings.get', {})).letterhead.companyName).toBe('宁波远航贸易有限公司 Ningbo Voyage Trading Co., Ltd.');

    // Not a picture: refused under the logo, nothing stored.
    const text = path.join(work, 'logo.png');
    fs.writeFileSync(text, 'not a picture');
    await page.getByTestId('letterhead-logo-path').fill(text);
    await page.getByTestId('letterhead-logo-use').click();
    await expect.poll(() => page.getByText(`Logo 必须是 PNG 或 JPEG 图片：${text}`).isVisible()).toBe(true);

    const png = path.join(work, 'real.png');
    fs.writeFileSync(png, tinyPng());
    await page.getByTestId('letterhead-logo-path').fill(png);
    await page.getByTestId('letterhead-logo-use').click();
    await expect.poll(() => page.getByTestId('letterhead-logo-state').textContent()).toMatch(/^PNG · [0-9a-f]{12}$/);
    // The preview shows the stored copy, decoded as an image.
    await expect.poll(() => page.getByTestId('letterhead-logo-preview').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(4);
    // The earlier refusal is gone with the typed path.
    await expect.poll(() => page.getByText('Logo 必须是 PNG 或 JPEG 图片').count()).toBe(0);
    expect(await page.getByTestId('letterhead-logo-path').inputValue()).toBe('');
    expect(await page.getByTestId('letterhead-bankDetails').inputValue()).toBe('Bank of China, Ningbo Branch\nSWIFT: BKCHCNBJ92A');
    if (process.env.TRADEFOLIO_E2E_SCREENSHOTS) await page.screenshot({ path: path.join(process.env.TRADEFOLIO_E2E_SCREENSHOTS, 'letterhead.png'), fullPage: true });
    expect((await session.seed('settings.get', {})).letterhead.logo?.mimeType).toBe('image/png');
  });
});
