import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedCustomers } from '../fixtures/customer-fixtures.ts';
import { duplicatesCodeLoaded, firstGroupPainted } from '../helpers/duplicates-page.ts';
import { setupE2eSession } from '../helpers/e2e-session.ts';

describe('duplicates, merge and trash (web host, Chromium)', () => {
  const session = setupE2eSession();
  const { seed } = session;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const now = Date.now();
    // Two records of one company, entered by two people: same company domain, different names.
    ids.acme = (await seed('customers.create', { name: 'Acme Industrial Co', country: 'US', regionCode: 'NA', grade: 'B', website: 'https://www.acme-industrial.com' })).id;
    ids.acme2 = (await seed('customers.create', { name: 'Rocket Supplies (Acme)', country: 'US', regionCode: 'NA', grade: 'C' })).id;
    await seed('contacts.create', { customerId: ids.acme, name: 'John Smith', isPrimary: true, channels: [{ kind: 'email', value: 'john@acme-industrial.com' }] });
    await seed('contacts.create', { customerId: ids.acme2, name: 'Mary Lee', isPrimary: true, channels: [{ kind: 'email', value: 'mary@acme-industrial.com' }] });
    await seed('activities.create', { customerId: ids.acme, kind: 'call', subject: 'Intro call', occurredAt: now - 3 * 86_400_000 });
    await seed('activities.create', { customerId: ids.acme2, kind: 'meeting', subject: 'Met at the Canton Fair', occurredAt: now - 86_400_000 });
    // Free-mail addresses never make two companies duplicates.
    ids.solo1 = (await seed('customers.create', { name: 'Blue River Imports', country: 'AU', regionCode: 'OC' })).id;
    ids.solo2 = (await seed('customers.create', { name: 'Sunrise Textiles', country: 'IN', regionCode: 'AS' })).id;
    await seed('contacts.create', { customerId: ids.solo1, name: 'Tom', channels: [{ kind: 'email', value: 'tom.blue@gmail.com' }] });
    await seed('contacts.create', { customerId: ids.solo2, name: 'Raj', channels: [{ kind: 'email', value: 'raj.sunrise@gmail.com' }] });
  });

  async function openDuplicates(page: Page): Promise<void> {
    await page.getByTestId('nav-duplicates').click();
    await expect.poll(() => page.getByTestId('duplicates-page').isVisible()).toBe(true);
  }

  it('warns about an existing company while a new customer is typed in', async () => {
    const page = await session.open({ locale: 'en-US' });
    await page.getByTestId('new-customer').click();
    await page.getByTestId('field-name').fill('Acme Industrial Company');
    await page.getByTestId('field-website').fill('acme-industrial.com');
    const warning = page.getByTestId('duplicate-warning');
    await expect.poll(() => warning.isVisible()).toBe(true);
    const match = warning.getByTestId('duplicate-warning-match').filter({ hasText: 'Acme Industrial Co' });
    await expect.poll(() => match.count()).toBe(1);
    // Polled: the answer to the name alone ("similar name") can show before the one to the website.
    await expect.poll(() => match.textContent()).toContain('same company domain acme-industrial.com');
    await page.close();
  });

  it('shows the two records as one group and merges them without losing contacts or activities', async () => {
    const page = await session.open({ locale: 'en-US' });
    await openDuplicates(page);
    const group = page.getByTestId('duplicate-group').filter({ hasText: 'Same company domain: acme-industrial.com' });
    await expect.poll(() => group.count()).toBe(1);
    // Gmail addresses do not group Blue River with Sunrise.
    expect(await page.getByTestId('duplicate-group').filter({ hasText: 'gmail.com' }).count()).toBe(0);
    const rows = group.getByTestId('duplicate-row');
    expect(await rows.count()).toBe(2);

    // Keep the first record, merge the second into it.
    await rows.filter({ hasText: 'Acme Industrial Co' }).getByTestId('duplicate-keep').check();
    await group.getByTestId('duplicate-merge').click();
    const confirm = page.getByTestId('merge-confirm');
    await expect.poll(() => confirm.isVisible()).toBe(true);
    const text = await confirm.textContent();
    expect(text).toContain('Rocket Supplies (Acme)');
    expect(text).toContain('every contact, timeline entry');
    await page.getByTestId('merge-confirm-ok').click();

    // The merged folder opens: both contacts and both activities are there.
    await expect.poll(() => page.getByTestId('customer-folder').getAttribute('data-customer-id')).toBe(ids.acme);
    await expect.poll(() => page.getByTestId('timeline-entry').count()).toBe(2);
    const subjects = await page.getByTestId('timeline-entry-subject').allTextContents();
    expect(subjects.sort()).toEqual(['Intro call', 'Met at the Canton Fair']);
    await page.getByTestId('tab-contacts').click();
    await expect.poll(() => page.getByTestId('contact-card').count()).toBe(2);
    const cards = (await page.getByTestId('contact-card').allTextContents()).join(' ');
    expect(cards).toContain('John Smith');
    expect(cards).toContain('Mary Lee');

    // The other record is gone from the list and from the duplicates; it waits in the trash.
    await page.getByTestId('nav-customers').click();
    await expect.poll(() => page.getByTestId('customer-total').getAttribute('data-total')).toBe('3');
    const names = await page.getByTestId('customer-row-name').allTextContents();
    expect(names).not.toContain('Rocket Supplies (Acme)');
    expect(names).toContain('Acme Industrial Co');
    await openDuplicates(page);
    await expect.poll(() => page.getByTestId('duplicates-empty').isVisible()).toBe(true);
    await page.getByTestId('nav-trash').click();
    await expect.poll(() => page.getByTestId('trash-row').filter({ hasText: 'Rocket Supplies (Acme)' }).count()).toBe(1);

    const kept = await seed('customers.get', { id: ids.acme! });
    expect(kept.contacts.map((c) => c.name).sort()).toEqual(['John Smith', 'Mary Lee']);
    expect(kept.notes).toContain('Rocket Supplies (Acme)');
    // Soft-deleted, not erased: the merged record can still be read and shown in the trash.
    const removed = await seed('customers.get', { id: ids.acme2! });
    expect(removed.deletedAt).toBeGreaterThan(0);
    await page.close();
  });

  it('restores deleted customers from the trash', async () => {
    await seed('customers.remove', { ids: [ids.solo1!] });
    const page = await session.open({ locale: 'en-US' });
    await page.getByTestId('nav-trash').click();
    const row = page.getByTestId('trash-row').filter({ hasText: 'Blue River Imports' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await page.getByTestId('trash-total').textContent()).toBe('2 deleted customers');
    await row.locator('.ant-table-selection-column input[type=checkbox]').check();
    await page.getByTestId('trash-restore-selected').click();
    await expect.poll(() => row.count()).toBe(0);
    expect(await page.getByTestId('trash-total').textContent()).toBe('1 deleted customer');
    await page.getByTestId('nav-customers').click();
    await expect.poll(() => page.getByTestId('customer-row-name').filter({ hasText: 'Blue River Imports' }).count()).toBe(1);
    await page.close();
  });

  it('speaks Chinese on both screens', async () => {
    const page = await session.open({ locale: 'zh-CN' });
    await page.getByTestId('nav-duplicates').click();
    await expect.poll(() => page.getByTestId('duplicates-empty').textContent()).toContain('没有发现重复客户');
    await page.getByTestId('nav-trash').click();
    await expect.poll(() => page.getByTestId('trash-total').textContent()).toBe('1 个已删除客户');
    await page.close();
  });
});

describe('duplicates at 10,000 customers (issue 11, point 8)', () => {
  const session = setupE2eSession();
  const { seed } = session;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    // 10,000 generated customers straight into the tables (as the benchmarks seed): their common
    // words give about 2,000 groups of similar names, many across countries.
    seedCustomers(session.app.core.database().sqlite, { customers: 10_000, now: Date.now(), seed: 7 });
    // One address on two customers: the most certain group of all.
    ids.a = (await seed('customers.create', { name: 'Quokka Lamps', country: 'AU', regionCode: 'OC' })).id;
    ids.b = (await seed('customers.create', { name: 'QL Purchasing', country: 'AU', regionCode: 'OC' })).id;
    await seed('contacts.create', { customerId: ids.a, name: 'Kim', channels: [{ kind: 'email', value: 'kim@quokka-lamps.com.au' }] });
    await seed('contacts.create', { customerId: ids.b, name: 'Kim B', channels: [{ kind: 'email', value: 'kim@quokka-lamps.com.au' }] });
  }, 180_000);

  it('shows the first, most certain groups within a second, one page at a time, with each group\'s reasons', async () => {
    const serverStarted = Date.now();
    await seed('customers.findDuplicates', { offset: 0, limit: 20 });
    const serverMs = Date.now() - serverStarted;
    const page = await session.open({ locale: 'en-US' });
    // As a user meets it: the list is up and the other screens' code has loaded in idle time.
    await page.getByTestId('customer-row').first().waitFor();
    await duplicatesCodeLoaded(page);
    // In the page: when the first group was painted (Element Timing on its title, the time the
    // frame was presented) and how many groups the render that brought it drew at once.
    const firstPaint = firstGroupPainted(page);
    const clickedAt = await page.evaluate(() => {
      const at = performance.now();
      (document.querySelector('[data-testid="nav-duplicates"]') as HTMLElement).click();
      return at;
    });
    const { paintedAt, drawnAtOnce } = await firstPaint;
    const firstGroupMs = Math.round(paintedAt - clickedAt);
    console.log(`duplicates e2e: server ${serverMs} ms; first group painted ${firstGroupMs} ms after the click, ${drawnAtOnce} groups in that render (10,000 customers)`);
    // The figure against the 1 s target is the benchmark's (npm run bench -- duplicates: p50/p95
    // over 15 loads); this shared 2-core machine runs several suites at once, so the test bounds
    // it loosely, and checks what keeps it fast: the first render draws a few groups, not the
    // page's 20 nor the ~2,000 found (the old page drew 500 antd tables for 36-56 s).
    expect(firstGroupMs).toBeLessThan(5000);
    expect(drawnAtOnce).toBeGreaterThan(0);
    expect(drawnAtOnce).toBeLessThan(20);

    // The rest of the page follows.
    await expect.poll(() => page.getByTestId('duplicate-group').count()).toBe(20);
    const total = Number((await page.getByTestId('duplicates-total').textContent())?.replace(/\D/g, ''));
    expect(total).toBeGreaterThan(1000);
    const first = page.getByTestId('duplicate-group').first();
    expect(await first.getAttribute('data-reason')).toBe('email');
    expect(await first.getAttribute('data-confidence')).toBe('high');
    expect(await first.getByTestId('duplicate-signal').allTextContents()).toEqual(['same email', 'same domain', 'same country']);
    expect(await first.textContent()).toContain('Quokka Lamps');

    // A click answers at once: the kept customer switches in well under the 0.6 s it took.
    const clickAt = Date.now();
    await first.getByTestId('duplicate-row').filter({ hasText: 'QL Purchasing' }).getByTestId('duplicate-keep').check();
    expect(Date.now() - clickAt).toBeLessThan(500);

    // The last page ends with the least certain: similar names in different countries.
    await page.getByTestId('duplicates-pagination').first().getByTitle(String(Math.ceil(total / 20))).click();
    const last = page.getByTestId('duplicate-group').last();
    await expect.poll(() => last.getAttribute('data-confidence')).toBe('low');
    expect(await last.getByTestId('duplicate-signal').allTextContents()).toContain('different countries');
    await page.close();
  });

  it('forgets a dismissed group for good, and brings it back on undo', async () => {
    const page = await session.open({ locale: 'en-US' });
    await page.getByTestId('nav-duplicates').click();
    const quokka = page.getByTestId('duplicate-group').filter({ hasText: 'Quokka Lamps' });
    await expect.poll(() => quokka.count()).toBe(1);
    const totalBefore = await page.getByTestId('duplicates-total').textContent();
    await quokka.getByTestId('duplicate-dismiss').click();
    await expect.poll(() => quokka.count()).toBe(0);
    expect(await page.getByTestId('duplicates-total').textContent()).not.toBe(totalBefore);

    // Undo from the message puts it back.
    await page.getByTestId('duplicate-undo').click();
    await expect.poll(() => quokka.count()).toBe(1);
    await expect.poll(() => page.getByTestId('duplicates-total').textContent()).toBe(totalBefore);

    // Dismissed again, it stays away after a reload, and in Chinese the reasons speak Chinese.
    await quokka.getByTestId('duplicate-dismiss').click();
    await expect.poll(() => quokka.count()).toBe(0);
    await page.close();
    const zh = await session.open({ locale: 'zh-CN' });
    await zh.getByTestId('nav-duplicates').click();
    await zh.getByTestId('duplicate-group').first().waitFor();
    expect(await zh.getByTestId('duplicate-group').filter({ hasText: 'Quokka Lamps' }).count()).toBe(0);
    expect(await zh.getByTestId('duplicate-confidence').first().textContent()).toMatch(/重复/);
    expect(await zh.getByTestId('duplicate-dismiss').first().textContent()).toBe('不是重复');
    await zh.close();
  });
});
