import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupE2eSession } from '../helpers/e2e-session.ts';
import { writeMbox } from '../helpers/mail-archives.ts';
import { rfc822 } from '../helpers/mail-test-kit.ts';
import { tempDir } from '../helpers/temp-core.ts';

/**
 * Quotes and samples where a salesperson meets them outside their own pages (issue 13 point 6):
 * the search box finds a quote by number and a shipment by tracking number, a mail naming a
 * quote shows it with the customer's last quote and open samples, and the timeline lists both.
 */
describe('quotes and samples in search, mail and the timeline (web host, Chromium)', () => {
  const session = setupE2eSession();
  const { seed } = session;
  let customerId: string;
  let folder: string;

  beforeAll(async () => {
    folder = tempDir('tf-e2e-deals-');
    const owner = await seed('owners.create', { name: 'Li Wei', email: 'li.wei@mytrade.cn' });
    const customer = await seed('customers.create', { name: 'Hamburg Trade GmbH', regionCode: 'EU', country: 'DE', ownerId: owner.id });
    customerId = customer.id;
    await seed('contacts.create', { customerId, name: 'Anna', channels: [{ kind: 'email', value: 'anna@hamburg-trade.de' }] });
    // Written as the quotes and samples services store them: these tests are about the places that read them.
    const sqlite = session.app.core.database().sqlite;
    sqlite.exec(`
      INSERT INTO quotes (id, number, base_number, customer_id, owner_id, status, language, incoterm, incoterm_port, quoted_at, sent_at, created_at, updated_at)
        VALUES ('q42', 'Q2026-0042', 'Q2026-0042', '${customerId}', '${owner.id}', 'sent', 'en', 'FOB', 'Ningbo', ${Date.UTC(2026, 2, 1)}, ${Date.UTC(2026, 2, 1)}, 1, 1);
      INSERT INTO quote_lines (id, quote_id, seq, description, quantity, unit, unit_price_e4, currency, amount_e4)
        VALUES ('l1', 'q42', 1, 'LED panel 600x600', 500, 'pcs', 125000, 'USD', 62500000);
      INSERT INTO sample_shipments (id, customer_id, courier, tracking_number, status, sent_at, created_at, updated_at)
        VALUES ('s1', '${customerId}', 'dhl', '4711081500', 'sent', ${Date.UTC(2026, 1, 20)}, 1, 1);
    `);
    const archive = path.join(folder, 'anna.mbox');
    writeMbox(
      archive,
      [rfc822({ from: 'Anna <anna@hamburg-trade.de>', to: 'li.wei@mytrade.cn', subject: 'RE: q2026-0042 price', body: 'Can you do better on Q2026-0042?', messageId: 'a@hamburg-trade.de', date: new Date(Date.UTC(2026, 2, 3)) })],
      { variant: 'mboxrd' },
    );
    await seed('imports.startMail', { path: archive, ownerId: owner.id, ownAddresses: [] });
    await session.app.core.imports().whenIdle();
  });
  afterAll(() => {
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('finds the quote by number and the shipment by tracking number, and opens the quote', async () => {
    const page = await session.open({ locale: 'en-US' });
    await page.getByTestId('global-search').fill('q2026-0042');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('search-quote').count()).toBe(1);
    expect(await page.getByTestId('search-quote-number').textContent()).toBe('Q2026-0042');
    // The mail naming it is found too, by the same words.
    await expect.poll(() => page.getByTestId('search-message').count()).toBe(1);

    await page.getByTestId('global-search').fill('4711');
    await expect.poll(() => page.getByTestId('search-shipment').count()).toBe(1);
    expect(await page.getByTestId('search-shipment-tracking').textContent()).toBe('4711081500');
    await page.getByTestId('search-shipment').click();
    await expect.poll(() => page.url()).toContain('#/samples?open=s1');

    await page.getByTestId('global-search').fill('Q2026-0042');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('search-quote').count()).toBe(1);
    await page.getByTestId('search-quote').click();
    await expect.poll(() => page.url()).toContain('#/quotes/q42');
    await page.close();
  });

  it('shows the linked quote, the last quote and the open sample beside the mail', async () => {
    const page = await session.open({ locale: 'en-US' });
    await page.getByTestId('global-search').fill('better');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('search-message').count()).toBe(1);
    await page.getByTestId('search-message').click();
    await expect.poll(() => page.getByTestId('mail-linked-quote').count()).toBe(1);
    expect(await page.getByTestId('mail-linked-quote').textContent()).toBe('Q2026-0042');
    await expect.poll(() => page.getByTestId('mail-last-quote').count()).toBe(1);
    expect(await page.getByTestId('mail-last-quote').textContent()).toContain('USD 6,250.00');
    expect(await page.getByTestId('mail-open-samples').textContent()).toContain('DHL 4711081500 Sent');
    await page.close();
  });

  it("lists the quote and the shipment on the customer's timeline, in Chinese too", async () => {
    const page = await session.open({ locale: 'zh-CN' });
    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, `#/customers/${customerId}`);
    await expect.poll(() => page.getByTestId('timeline-quote').count()).toBe(1);
    expect(await page.getByTestId('timeline-quote').textContent()).toContain('已发送');
    expect(await page.getByTestId('timeline-quote').textContent()).toContain('FOB Ningbo');
    expect(await page.getByTestId('timeline-sample').textContent()).toContain('已寄出');
    await page.getByTestId('timeline-sample').click();
    await expect.poll(() => page.url()).toContain('#/samples?open=s1');
    await page.close();
  });
});
