import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pick, setupE2eSession } from '../helpers/e2e-session.ts';

/**
 * The Reports page against the web host: the chart is drawn (a canvas, under the app's strict
 * CSP, with no violation reported), the Table view shows the same numbers, and Export .xlsx
 * writes them to a typed path, a formula-looking customer name kept as text.
 */
const SLOW = { timeout: 30_000 };

declare global {
  interface Window {
    reportCspViolations?: string[];
  }
}

const ASSETS = path.resolve('dist/renderer/assets');

/** The Reports page's chunk and every chunk it imports (ECharts among them), by file name. */
function reportChunks(): Set<string> {
  const entry = fs.readdirSync(ASSETS).find((f) => f.startsWith('ReportsPage-') && f.endsWith('.js'));
  const seen = new Set<string>();
  const queue = entry ? [entry] : [];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of fs.readFileSync(path.join(ASSETS, file), 'utf8').matchAll(/(?:from|import)\s*["']\.\/([^"']+\.js)["']/g)) queue.push(m[1]!);
  }
  return seen;
}

/**
 * Uncaught errors, console errors and CSP violations raised by the Reports page's code (Chromium
 * reports a refused eval or new Function as a securitypolicyviolation event). Violations of other
 * screens' chunks, which the app preloads in idle time, are theirs to answer for.
 */
async function watchProblems(page: Page): Promise<() => Promise<string[]>> {
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  await page.evaluate(() => {
    window.reportCspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.reportCspViolations!.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}`));
  });
  const ours = reportChunks();
  expect(ours.size).toBeGreaterThan(1);
  return async () => {
    const violations = await page.evaluate(() => window.reportCspViolations ?? []);
    return [...problems, ...violations.filter((v) => !/^https?:/.test(v.split(' ')[2] ?? '') || ours.has(path.basename(v.split(' ')[2]!)))];
  };
}

describe('Reports (web host, Chromium)', () => {
  const session = setupE2eSession();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradefolio-reports-e2e-'));
  let month = '';

  beforeAll(async () => {
    const alice = await session.seed('owners.create', { name: 'Alice' });
    await session.seed('owners.create', { name: 'Bob' });
    const acme = await session.seed('customers.create', { name: '=HYPERLINK("http://x")', regionCode: 'EU', country: 'GB', ownerId: alice.id });
    const hamburg = await session.seed('customers.create', { name: 'Hamburg Trade GmbH', regionCode: 'EU', country: 'DE', ownerId: alice.id });
    // A minute ago: this month in the browser's zone, whatever the day.
    const sentAt = Date.now() - 60_000;
    const d = new Date(sentAt);
    month = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
    const sqlite = session.app.core.database().sqlite;
    const quote = sqlite.prepare(`INSERT INTO quotes (id, number, base_number, revision, customer_id, owner_id, status, language, quoted_at, sent_at, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, 'en', ?, ?, 1, 1)`);
    const line = sqlite.prepare(`INSERT INTO quote_lines (id, quote_id, seq, description, quantity, unit, unit_price_e4, currency, amount_e4) VALUES (?, ?, 1, 'Panel', 1, 'pcs', ?, 'USD', ?)`);
    // Q-1 and its accepted revision are one deal; Q-2 rejected; Q-3 awaiting an answer.
    for (const [id, number, base, revision, customer, status, amount] of [
      ['q1', 'Q-1', 'Q-1', 0, acme.id, 'sent', 9_000_000],
      ['q1r1', 'Q-1-R1', 'Q-1', 1, acme.id, 'accepted', 12_345_000],
      ['q2', 'Q-2', 'Q-2', 0, hamburg.id, 'rejected', 5_000_000],
      ['q3', 'Q-3', 'Q-3', 0, hamburg.id, 'sent', 2_000_000],
    ] as const) {
      quote.run(id, number, base, revision, customer, alice.id, status, sentAt, sentAt);
      line.run(`${id}-l`, id, amount, amount);
    }
    sqlite.prepare(`UPDATE quotes SET superseded_by_id = 'q1r1' WHERE id = 'q1'`).run();
    sqlite.prepare(`INSERT INTO sample_shipments (id, customer_id, owner_id, courier, status, sample_cost_e4, freight_cost_e4, currency, sent_at, created_at, updated_at)
      VALUES ('s1', ?, ?, 'dhl', 'sent', 300000, 450000, 'USD', ?, 1, 1)`).run(hamburg.id, alice.id, sentAt);
    sqlite.prepare(`INSERT INTO sample_shipment_items (shipment_id, seq, product_id, description, quantity) VALUES ('s1', 1, NULL, 'Colour card', 3)`).run();
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('draws the quotes chart, shows the same numbers as a table, and exports the top customers to .xlsx', SLOW, async () => {
    const page = await session.open({ locale: 'en-US' });
    const problems = await watchProblems(page);
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('reports-page').waitFor();

    const canvas = page.locator('[data-testid="report-quotes-chart"] canvas').first();
    await canvas.waitFor();
    expect((await canvas.boundingBox())!.width).toBeGreaterThan(300);
    await page.locator('[data-testid="report-quotes-owner-chart"] canvas').first().waitFor();

    await page.getByTestId('report-quotes-view').getByText('Table').click();
    const quoteRows = page.locator('[data-testid="report-quotes-table"] tbody tr.ant-table-row');
    await expect.poll(() => quoteRows.count()).toBe(1);
    // Q-1 counted once (its accepted revision): 3 sent, 1 won, 1 rejected; win rate 1 of 2 decided.
    expect(await quoteRows.first().locator('td').allTextContents()).toEqual([month, 'Alice', '3', '1', '1', '0', '50.0%']);

    await page.getByRole('tab', { name: 'Top customers' }).click();
    await page.locator('[data-testid="report-top-chart"] canvas').first().waitFor();
    await page.getByTestId('report-top-view').getByText('Table').click();
    const topRows = page.locator('[data-testid="report-top-table"] tbody tr.ant-table-row');
    await expect.poll(() => topRows.count()).toBe(2);
    const first = await topRows.first().locator('td').allTextContents();
    expect([first[1], first[4], first[5]]).toEqual(['=HYPERLINK("http://x")', '1', 'USD 1,234.50']);
    expect((await topRows.nth(1).locator('td').allTextContents())[5]).toBe('USD 200.00');

    const file = path.join(dir, 'top.xlsx');
    await page.getByTestId('report-top').getByTestId('report-export').click();
    await page.getByTestId('report-export-path').fill(file);
    await page.getByTestId('report-export-ok').click();
    await expect.poll(() => fs.existsSync(file), { timeout: 10_000 }).toBe(true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['Rank', 'Customer', 'Code', 'Country', 'Quotes', 'Currency', 'Quoted value']);
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual([1, `'=HYPERLINK("http://x")`, expect.any(String), 'GB', 1, 'USD', 1234.5]);

    await page.getByRole('tab', { name: 'Samples' }).click();
    await page.locator('[data-testid="report-samples-chart"] canvas').first().waitFor();
    await page.getByTestId('report-samples-view').getByText('Table').click();
    const sampleRows = page.locator('[data-testid="report-samples-table"] tbody tr.ant-table-row');
    await expect.poll(() => sampleRows.count()).toBe(1);
    expect(await sampleRows.first().locator('td').allTextContents()).toEqual(['Hamburg Trade GmbH', '1', '3', 'USD 30.00', 'USD 45.00', 'USD 75.00']);
    // Bob has neither quotes nor samples: each tab says so instead of drawing an empty chart.
    await pick(page, page.getByTestId('reports-owner'), 'Bob');
    await page.getByTestId('report-samples-empty').waitFor();
    await page.getByRole('tab', { name: 'Quotes' }).click();
    await page.getByTestId('report-quotes-empty').waitFor();
    expect(await problems()).toEqual([]);
  });

  it('speaks Chinese when the app does', SLOW, async () => {
    const page = await session.open({ locale: 'zh-CN' });
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('reports-page').waitFor();
    expect(await page.getByTestId('nav-reports').textContent()).toBe('报表');
    expect(await page.getByRole('tab').allTextContents()).toEqual(['报价', '样品', '重点客户']);
    await page.getByTestId('report-quotes-view').getByText('表格').click();
    await page.getByTestId('report-quotes-table').waitFor();
    expect(await page.locator('[data-testid="report-quotes-table"] thead th').allTextContents()).toEqual(['月份', '业务员', '已发出', '成交', '拒绝', '过期', '成交率']);
  });
});
