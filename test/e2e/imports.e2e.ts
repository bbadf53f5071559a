import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pick, setupE2eSession } from '../helpers/e2e-session.ts';
import { corpusMessages, withMessageId, writeMbox } from '../helpers/mail-archives.ts';

/**
 * The Import center against the web host: real mbox files written from the corpus into a temp
 * folder, typed in (the web host has no file dialog), imported by the real service, reported and
 * undone through the UI — in English and in Chinese.
 */
/** Imports and undos write in the background; a busy two-core machine may take a while. */
const SLOW = { timeout: 45_000 };

describe('Import center: mail archives (web host, Chromium)', () => {
  const session = setupE2eSession();
  const { seed } = session;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradefolio-import-e2e-'));
  const first = path.join(dir, 'first.mbox');
  const folder = path.join(dir, 'handover');
  const big = path.join(dir, 'big.mbox');
  const junk = path.join(dir, 'junk');
  const messages = (from: number, n: number, tag: string) => corpusMessages(from + n).slice(from).map((m, i) => withMessageId(m.raw, `${tag}-${i}@import-e2e.test`));

  beforeAll(async () => {
    await seed('owners.create', { name: 'Li Wei', email: 'li.wei@mytrade.cn' });
    // first.mbox: 5 messages. The folder: the same 5 again (already there) and 2 more in
    // a second mbox, plus one cut off mid-message while copying.
    const five = messages(0, 5, 'first');
    writeMbox(first, five, { variant: 'mboxrd' });
    fs.mkdirSync(folder);
    writeMbox(path.join(folder, 'inbox.mbox'), [...five, ...messages(5, 2, 'more')], { variant: 'mboxrd' });
    const cut = path.join(folder, 'cut.mbox');
    writeMbox(cut, messages(7, 3, 'cut'), { variant: 'mboxrd' });
    fs.truncateSync(cut, fs.statSync(cut).size - 40);
    // Big enough to be watched while it runs, and cancelled.
    writeMbox(big, messages(10, 1500, 'big'), { variant: 'mboxrd' });
    // 25 files named like mboxes that are not: a report longer than a page.
    fs.mkdirSync(junk);
    for (let i = 0; i < 25; i++) fs.writeFileSync(path.join(junk, `broken-${String(i).padStart(2, '0')}.mbox`), `not mail ${i}\n`.repeat(20));
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function openImports(page: Page): Promise<void> {
    await page.getByTestId('nav-imports').click();
    await page.getByTestId('import-center').waitFor();
  }

  const row = (page: Page, source: string) => page.getByTestId('import-row').and(page.locator(`[data-source="${source}"]`));
  const status = (page: Page, source: string) => row(page, source).getByTestId('import-row-status').getAttribute('data-status');
  const counts = async (page: Page, source: string) => {
    const cell = row(page, source).getByTestId('import-row-counts');
    return { imported: Number(await cell.getAttribute('data-imported')), duplicates: Number(await cell.getAttribute('data-duplicates')), problems: Number(await cell.getAttribute('data-problems')) };
  };
  const fieldError = (page: Page) => page.getByTestId('mail-import-form').locator('.ant-form-item-explain-error');

  it('checks the typed path, imports, reports what it skipped by record and reason, and undoes after confirming', async () => {
    const page = await session.open({ locale: 'en-US' });
    expect(await page.getByTestId('nav-imports').textContent()).toBe('Import');
    await openImports(page);
    await expect.poll(() => page.getByTestId('imports-empty').isVisible()).toBe(true);
    // No file dialog in a browser: the path is typed.
    expect(await page.getByTestId('import-choose-file').count()).toBe(0);

    // A file dropped on the form: a browser does not tell where it is, and the form says so.
    await page.getByTestId('mail-import-form').evaluate((form) => {
      const data = new DataTransfer();
      data.items.add(new File(['From x'], 'Inbox.mbox'));
      form.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      form.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await expect.poll(() => fieldError(page).textContent()).toContain('does not say where a dropped file is kept');

    // A relative path is refused before anything is sent; a missing file by the service, under the field.
    await page.getByTestId('import-path').fill('mail/first.mbox');
    await page.getByTestId('import-path').press('Enter');
    await expect.poll(() => fieldError(page).textContent()).toContain('mail/first.mbox is not a full path');
    const missing = path.join(dir, 'nowhere.mbox');
    await page.getByTestId('import-path').fill(missing);
    await page.getByTestId('import-path').press('Enter');
    await expect.poll(() => fieldError(page).textContent()).toContain('could not be opened');
    expect(await seed('imports.list', {})).toEqual([]);

    // The first archive, for Li Wei, with one more address of hers; Enter starts it.
    await pick(page, page.getByTestId('import-owner'), 'Li Wei');
    await page.getByTestId('import-own-addresses').locator('input').fill('wei.li@mytrade.cn');
    await page.keyboard.press('Enter');
    // Enter there adds the address; it does not send the form.
    await expect.poll(() => page.getByTestId('import-own-addresses').locator('.ant-select-selection-item').allTextContents()).toEqual(['wei.li@mytrade.cn']);
    expect(await seed('imports.list', {})).toEqual([]);
    await page.getByTestId('import-path').fill(first);
    await page.getByTestId('import-path').press('Enter');
    await expect.poll(() => status(page, 'first.mbox'), SLOW).toBe('done');
    expect(await counts(page, 'first.mbox')).toEqual({ imported: 5, duplicates: 0, problems: 0 });
    expect(await row(page, 'first.mbox').textContent()).toContain('Li Wei');
    const [firstBatch] = await seed('imports.list', {});
    expect(firstBatch).toMatchObject({ ownerId: expect.any(String), sourceKind: 'mbox', imported: 5 });

    // The handover folder: its 5 known messages are recognised, 2 are new, the cut-off one is skipped.
    await page.getByTestId('import-path').fill(folder);
    await page.getByTestId('import-start').click();
    await expect.poll(() => status(page, 'handover'), SLOW).toBe('done');
    expect(await counts(page, 'handover')).toEqual({ imported: 4, duplicates: 5, problems: 1 });
    // Newest first.
    expect(await page.getByTestId('import-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-source')))).toEqual(['handover', 'first.mbox']);

    // The report names the file, the message and its byte, and the reason, in words.
    await row(page, 'handover').getByTestId('import-report-open').click();
    const report = page.getByTestId('import-report');
    await expect.poll(() => report.getByTestId('import-problem').count()).toBe(1);
    expect(await report.getByTestId('import-problem-record').textContent()).toMatch(/^cut\.mbox, message 3 at byte \d+$/);
    expect(await report.getByTestId('import-problem-reason').textContent()).toContain('The last message of cut.mbox (message 3');
    expect(await report.getByTestId('import-problem-reason').textContent()).toContain('stops before its end');
    expect(await report.getByTestId('import-report-summary').textContent()).toContain('4 imported, 5 already there, 1 skipped.');
    await closeWithEscape(page, report);

    // Undo says what goes, and only after it is confirmed does it go.
    const before = (await seed('mail.listMessages', {})).total;
    await row(page, 'handover').getByTestId('import-undo').click();
    const confirm = page.getByTestId('import-undo-confirm');
    await expect.poll(() => confirm.isVisible()).toBe(true);
    expect(await confirm.textContent()).toContain(`removes the 4 messages this import added from ${folder}`);
    // Esc keeps everything.
    await closeWithEscape(page, confirm);
    expect((await seed('mail.listMessages', {})).total).toBe(before);
    await row(page, 'handover').getByTestId('import-undo').click();
    await page.getByTestId('import-undo-confirm-ok').click();
    await expect.poll(() => status(page, 'handover'), SLOW).toBe('undone');
    expect((await seed('mail.listMessages', {})).total).toBe(before - 4);
    expect(await row(page, 'handover').getByTestId('import-undo').count()).toBe(0);
    await page.close();
  });

  it('shows a running import with its progress, cancels it after confirming, and resumes it to the end', async () => {
    const page = await session.open({ locale: 'en-US' });
    await openImports(page);
    await page.getByTestId('import-path').fill(big);
    await page.getByTestId('import-start').click();
    const running = page.getByTestId('import-running');
    await running.waitFor();
    // Bytes of a known total, a bar with a percentage, and a figure for the time left.
    await expect.poll(() => running.getByTestId('import-running-amount').textContent()).toMatch(/ of \d+(\.\d)? MB$/);
    await expect.poll(() => running.getByTestId('import-running-eta').textContent()).toMatch(/left/);
    await running.getByTestId('import-cancel').click();
    await page.getByTestId('import-cancel-confirm-ok').click();
    await expect.poll(() => status(page, 'big.mbox'), SLOW).toBe('cancelled');
    expect(await running.count()).toBe(0);
    const stopped = await counts(page, 'big.mbox');
    expect(stopped.imported).toBeGreaterThan(0);
    expect(stopped.imported).toBeLessThan(1500);

    await row(page, 'big.mbox').getByTestId('import-resume').click();
    await expect.poll(() => status(page, 'big.mbox'), { timeout: 150_000 }).toBe('done');
    // Resumed from its checkpoint: every message once, none twice.
    expect(await counts(page, 'big.mbox')).toEqual({ imported: 1500, duplicates: 0, problems: 0 });
    await page.close();
  }, 240_000);

  it('pages a long report in a dialog that fits a 1366×768 screen', async () => {
    const page = await session.open({ locale: 'en-US' });
    await page.setViewportSize({ width: 1366, height: 768 });
    await openImports(page);
    await page.getByTestId('import-path').fill(junk);
    await page.getByTestId('import-start').click();
    await expect.poll(() => status(page, 'junk'), SLOW).toBe('done');
    expect(await counts(page, 'junk')).toEqual({ imported: 0, duplicates: 0, problems: 25 });
    await row(page, 'junk').getByTestId('import-report-open').click();
    const report = page.getByTestId('import-report');
    await expect.poll(() => report.getByTestId('import-problem').count()).toBe(20);
    expect(await report.getByTestId('import-problem-record').first().textContent()).toMatch(/^broken-\d\d\.mbox$/);
    expect(await report.getByTestId('import-problem-reason').first().textContent()).toContain('does not start like one');
    // The Close button is wholly on screen and is what a click there reaches.
    const close = page.getByTestId('import-report-close');
    await expect.poll(async () => {
      const box = await close.boundingBox();
      return box !== null && box.y >= 0 && box.y + box.height <= 768 && box.x + box.width <= 1366;
    }).toBe(true);
    // The second page holds the other five.
    await page.locator('.ant-modal .ant-pagination-item-2').click();
    await expect.poll(() => report.getByTestId('import-problem').count()).toBe(5);
    await close.click();
    await expect.poll(() => report.isVisible()).toBe(false);
    await page.close();
  });

  it('speaks Chinese throughout: the nav, the form, the history, the report and the undo dialog', async () => {
    const page = await session.open({ locale: 'zh-CN' });
    expect(await page.getByTestId('nav-imports').textContent()).toBe('导入');
    await openImports(page);
    await page.getByTestId('import-path').fill('相对/路径.mbox');
    await page.getByTestId('import-path').press('Enter');
    await expect.poll(() => fieldError(page).textContent()).toContain('不是完整路径');
    await expect.poll(() => status(page, 'first.mbox'), SLOW).toBe('done');
    expectNoEnglish(await page.getByTestId('import-center').innerText());

    await row(page, 'handover').getByTestId('import-report-open').click();
    const report = page.getByTestId('import-report');
    await expect.poll(() => report.getByTestId('import-problem').count()).toBe(1);
    expect(await report.getByTestId('import-problem-record').textContent()).toMatch(/^cut\.mbox，第 3 封邮件（位于第 \d+ 字节）$/);
    expect(await report.getByTestId('import-problem-reason').textContent()).toContain('cut.mbox 的最后一封邮件');
    expectNoEnglish(await page.locator('.ant-modal').last().innerText());
    await closeWithEscape(page, report);

    await row(page, 'first.mbox').getByTestId('import-undo').click();
    const confirm = page.getByTestId('import-undo-confirm');
    await expect.poll(() => confirm.isVisible()).toBe(true);
    expectNoEnglish(await page.locator('.ant-modal-confirm').last().innerText());
    await closeWithEscape(page, confirm);
    await page.close();
  });
});

/**
 * Latin words left in a Chinese screen, other than the data it shows (file names and paths,
 * the formats' own names). An untranslated label such as "Report" or "Already there" fails.
 */
function expectNoEnglish(text: string): void {
  const data = /(\/[^\s，。（）]*|[A-Za-z]:\\[^\s，。（）]*|[\w.-]+\.mbox|\bhandover\b|\bcut\b|\bjunk\b|\.eml|\.pst|\.msg|\bmbox\b|\bMaildir\b|\bOutlook\b|\bTradeFolio\b|\bLi Wei\b)/g;
  const words = text.replace(data, ' ').match(/[A-Za-z]{2,}/g) ?? [];
  expect(words, text).toEqual([]);
}

/** Escape closes a dialog once the focus has moved into it, which may be a moment after it shows. */
async function closeWithEscape(page: Page, dialogContent: ReturnType<Page['getByTestId']>): Promise<void> {
  await expect
    .poll(async () => {
      if (!(await dialogContent.isVisible())) return false;
      await page.keyboard.press('Escape');
      return dialogContent.isVisible();
    })
    .toBe(false);
}
