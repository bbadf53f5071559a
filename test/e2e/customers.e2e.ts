import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CallOutput } from '../../shared/contract/contract.ts';
import { pick, setupE2eSession } from '../helpers/e2e-session.ts';

async function search(page: Page, text: string): Promise<void> {
  const box = page.getByTestId('customer-search');
  await box.fill(text);
}

function rows(page: Page): Locator {
  return page.getByTestId('customer-row');
}

describe('customers (web host, Chromium)', () => {
  const session = setupE2eSession();

  beforeAll(async () => {
    // A second customer, so a search has something to leave out.
    const other = await session.app.core.dispatch('customers.create', { name: 'Nordic Supply AB', localName: '北欧供应', country: 'SE', regionCode: 'EU', grade: 'B' });
    expect(other.ok).toBe(true);
  });

  it('creates a customer, adds a contact, logs a call and finds it in English and Chinese', async () => {
    const page = await session.open({ locale: 'en-US' });
    await expect.poll(() => rows(page).count()).toBe(1);

    // Create through the form; the code is generated on save and follows the country's region and the grade.
    await page.getByTestId('new-customer').click();
    await page.getByTestId('field-name').fill('Minghua Trading GmbH');
    await page.getByTestId('field-localName').fill('明华贸易有限公司');
    await pick(page, page.getByTestId('field-country'), 'Germany');
    await pick(page, page.getByTestId('field-grade'), 'VIP');
    await page.getByTestId('field-website').fill('www.minghua-trading.de');
    await page.getByTestId('customer-form-save').click();

    const code = page.getByTestId('customer-code');
    await expect.poll(() => code.textContent()).toBe('EU-002-A');
    await expect.poll(() => page.getByTestId('customer-name').textContent()).toBe('Minghua Trading GmbH');
    expect(await page.getByTestId('customer-last-contact').textContent()).toBe('Never');

    // A contact with an email and a phone.
    await page.getByTestId('tab-contacts').click();
    await page.getByTestId('add-contact').click();
    const contactForm = page.getByTestId('contact-form');
    await contactForm.getByTestId('contact-name').fill('Hans Becker');
    await contactForm.getByTestId('contact-title').fill('Head of Purchasing');
    await contactForm.getByTestId('channel-value-0').fill('hans.becker@minghua-trading.de');
    await contactForm.getByTestId('channel-value-1').fill('+49 30 1234567');
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    const card = page.getByTestId('contact-card');
    await expect.poll(() => card.count()).toBe(1);
    await expect.poll(() => card.textContent()).toContain('hans.becker@minghua-trading.de');
    expect(await card.textContent()).toContain('+49 30 1234567');

    // Log a call from the header; it appears on the timeline and counts as the last contact.
    await page.getByTestId('action-log-call').click();
    await page.getByTestId('activity-subject').fill('Price list for the autumn range');
    await page.getByTestId('activity-body').fill('Asked for FOB Ningbo prices on 3 models.');
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    const entry = page.getByTestId('timeline-entry');
    await expect.poll(() => entry.count()).toBe(1);
    expect(await entry.getAttribute('data-kind')).toBe('call');
    expect(await entry.getByTestId('timeline-entry-subject').textContent()).toBe('Price list for the autumn range');
    await expect.poll(() => page.getByTestId('customer-last-contact').textContent()).not.toBe('Never');

    // Back to the list: an English word of the name, the contact's email and a two-character Chinese word all find it.
    await page.getByTestId('back-to-list').click();
    await expect.poll(() => rows(page).count()).toBe(2);
    for (const query of ['minghua', 'hans.becker@minghua', '明华', 'Becker']) {
      await search(page, query);
      await expect.poll(() => page.getByTestId('customer-total').getAttribute('data-total'), { message: `search ${query}` }).toBe('1');
      await expect.poll(() => rows(page).first().getAttribute('data-code'), { message: `search ${query}` }).toBe('EU-002-A');
    }
    await search(page, '北欧');
    await expect.poll(() => rows(page).first().getAttribute('data-code')).toBe('EU-001-B');
    await search(page, 'no such customer zzz');
    await expect.poll(() => page.getByTestId('customer-list-empty').isVisible()).toBe(true);

    // Opening the row shows the folder with the logged call.
    await search(page, '明华');
    await expect.poll(() => rows(page).count()).toBe(1);
    await rows(page).first().click();
    await expect.poll(() => page.getByTestId('timeline-entry-subject').first().textContent()).toBe('Price list for the autumn range');
    await page.close();
  });

  it('shows the field-level message when the name is left empty', async () => {
    const page = await session.open({ locale: 'en-US' });
    await page.getByTestId('new-customer').click();
    await page.getByTestId('field-localName').fill('无名公司');
    await page.getByTestId('customer-form-save').click();
    const error = page.locator('.ant-form-item-explain-error', { hasText: 'Company name is required.' });
    await expect.poll(() => error.count()).toBe(1);
    // The drawer stays open with what was typed; nothing was stored.
    expect(await page.getByTestId('field-localName').inputValue()).toBe('无名公司');
    const list = await session.app.core.dispatch('customers.list', { search: '无名' });
    expect(list.ok && (list.value as CallOutput<'customers.list'>).total).toBe(0);
    await page.close();
  });

  it('shows Chinese navigation labels when the system language is Chinese', async () => {
    const page = await session.open({ locale: 'zh-CN' });
    await expect.poll(() => page.getByTestId('nav-customers').textContent()).toBe('客户');
    expect(await page.getByTestId('nav-notContacted').textContent()).toContain('未联系');
    expect(await page.getByTestId('nav-duplicates').textContent()).toBe('重复客户');
    expect(await page.getByTestId('nav-trash').textContent()).toBe('回收站');
    expect(await page.getByTestId('nav-settings').textContent()).toBe('设置');
    expect(await page.getByTestId('new-customer').textContent()).toBe('新建客户');
    await expect.poll(() => page.getByTestId('customer-total').textContent()).toBe('共 2 个客户');
    await page.close();
  });
});
