import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { pick, setupE2eSession } from '../helpers/e2e-session.ts';

async function goTo(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
}

/*
 * Value score on screen (issue 14 point 4). Two customers ordered today, in USD: Yarrow twice for
 * 2,500 (5,000 in all), Xenon once for 1,000; Zephyr never. Nearest-rank quartiles of n = 2:
 * q1 = q2 = 1,000, q3 = 5,000 → Xenon M 1, Yarrow M 3. Default weights 3/3/4:
 * Yarrow 100 × (3·5/5 + 3·2/6 + 4·3/4) / 10 = 70 (high); Xenon 100 × (3 + 0.5 + 1) / 10 = 45; Zephyr 0.
 * Money only (0/0/1): Yarrow 100 × 3/4 = 75, Xenon 25.
 */
describe('Value score (web host, Chromium)', () => {
  const session = setupE2eSession({ clockStart: Date.UTC(2026, 5, 1, 9) });
  const { seed } = session;
  const ids: Record<string, string> = {};

  async function order(customerId: string, unitPriceE4: number): Promise<void> {
    const q = await seed('quotes.create', {
      customerId,
      lines: [{ productId: null, description: 'Ball valve', quantity: 1000, unit: 'pcs', unitPriceE4, currency: 'USD' }],
    });
    await seed('quotes.setStatus', { id: q.id, status: 'sent' });
    await seed('quotes.setStatus', { id: q.id, status: 'accepted' });
  }

  beforeAll(async () => {
    for (const name of ['Xenon Trading', 'Yarrow Imports', 'Zephyr Supplies']) {
      ids[name] = (await seed('customers.create', { name, country: 'DE', regionCode: 'EU' })).id;
    }
    await order(ids['Yarrow Imports']!, 25_000);
    await order(ids['Yarrow Imports']!, 25_000);
    await order(ids['Xenon Trading']!, 10_000);
  });

  const scoreOf = (page: Page, name: string) =>
    page.getByTestId('customer-row').filter({ hasText: name }).getByTestId('score-tag').textContent();

  it('shows the score in the list, filters by it, and follows new weights', async () => {
    const page = await session.open({ locale: 'en-US' });
    await goTo(page, '#/customers');
    await page.getByTestId('customer-row').first().waitFor();
    await expect.poll(() => scoreOf(page, 'Yarrow Imports')).toBe('70');
    expect(await scoreOf(page, 'Xenon Trading')).toBe('45');
    expect(await scoreOf(page, 'Zephyr Supplies')).toBe('0');

    await pick(page, page.getByTestId('filter-value'), 'High');
    await expect.poll(() => page.getByTestId('customer-row').count()).toBe(1);
    expect(await page.getByTestId('customer-row').textContent()).toContain('Yarrow Imports');

    await goTo(page, '#/settings?tab=general');
    const weights = page.getByTestId('score-weight-settings');
    await weights.waitFor();
    await weights.getByTestId('score-weight-recency').fill('0');
    await weights.getByTestId('score-weight-frequency').fill('0');
    await weights.getByTestId('score-weight-monetary').fill('1');
    await weights.getByTestId('score-weights-save').click();
    await page.getByText('Weights saved; the scores were recomputed.').waitFor();
    expect((await seed('scores.get', { customerId: ids['Yarrow Imports']! })).score).toBe(75);
    await seed('scores.setWeights', { recency: 3, frequency: 3, monetary: 4 });
  });

  it('shows the score in the folder and confirms a stage suggestion there, in Chinese too', async () => {
    const page = await session.open({ locale: 'en-US' });
    await goTo(page, `#/customers/${ids['Xenon Trading']!}`);
    const panel = page.getByTestId('customer-value');
    await panel.waitFor();
    expect(await panel.getByTestId('score-tag').textContent()).toBe('45');
    expect(await panel.getByTestId('score-part-recency').textContent()).toBe('Recency 5 of 5');
    expect(await panel.textContent()).toContain('1,000.00 USD — quartile 1 of 4');
    const suggestion = panel.getByTestId('stage-suggestion');
    expect(await suggestion.textContent()).toContain('Potential → Customer');
    await suggestion.getByTestId('suggestion-confirm').click();
    await expect.poll(() => page.getByTestId('customer-stage').textContent()).toBe('Customer');
    await expect.poll(() => panel.getByTestId('stage-suggestion').count()).toBe(0);

    // The list's drawer holds the other pending one (Yarrow's) and dismisses it.
    await goTo(page, '#/customers');
    await page.getByTestId('stage-suggestions-open').click();
    const rows = page.getByTestId('stage-suggestion-row');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Yarrow Imports');
    await rows.first().getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => rows.count()).toBe(0);
    expect((await seed('scores.suggestions', {})).total).toBe(0);

    const zh = await session.open({ locale: 'zh-CN' });
    await goTo(zh, `#/customers/${ids['Yarrow Imports']!}`);
    const zhPanel = zh.getByTestId('customer-value');
    await zhPanel.waitFor();
    expect(await zhPanel.textContent()).toContain('客户价值评分');
    expect(await zhPanel.getByTestId('score-part-frequency').textContent()).toBe('下单频次（F） 2 / 6');
  });
});
