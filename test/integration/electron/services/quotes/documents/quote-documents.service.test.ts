import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { tinyPng } from '../../../../../fixtures/quote-document-fixtures.ts';
import { createTempCore, type TempCore } from '../../../../../helpers/temp-core.ts';
import { tempFolders } from '../../../../../helpers/temp-folders.ts';

const cores: TempCore[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});
const folder = tempFolders('tf-quote-docs-');

/** A letterhead with a logo and a Chinese quote to a German customer with two lines, stored as the quotes service stores them. */
async function withQuote() {
  const app = await createTempCore();
  cores.push(app);
  const logo = path.join(folder(), 'logo.png');
  fs.writeFileSync(logo, tinyPng());
  await app.call('settings.update', { letterhead: { companyName: '宁波远航贸易有限公司', address: '宁波市天童南路 588 号', bankDetails: 'SWIFT: BKCHCNBJ92A', logoPath: logo } });
  const customer = await app.call('customers.create', { name: 'Hamburg Trade GmbH', regionCode: 'EU', country: 'DE', address: 'Speicherstadt 12' });
  const contact = await app.call('contacts.create', { customerId: customer.id, name: 'Anna Müller' });
  const sqlite = app.core.database().sqlite;
  sqlite
    .prepare(`INSERT INTO quotes (id, number, base_number, revision, customer_id, contact_id, status, language, incoterm, incoterm_port, payment_terms, valid_until, quoted_at, created_at, updated_at)
      VALUES ('q1', 'Q2026-0042', 'Q2026-0042', 0, ?, ?, 'draft', 'zh-CN', 'FOB', 'Ningbo', 'T/T', ?, ?, 1, 1)`)
    .run(customer.id, contact.id, Date.UTC(2027, 0, 1, 4), Date.UTC(2026, 11, 2, 4));
  const line = sqlite.prepare(`INSERT INTO quote_lines (id, quote_id, seq, model, description, spec, quantity, unit, unit_price_e4, currency, amount_e4) VALUES (?, 'q1', ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  line.run('l2', 2, null, '=SUM(A1:A3) 激光雕刻', null, 1500.5, 'pcs', 325, 'USD', 487_663);
  line.run('l1', 1, 'TF-500', '不锈钢保温杯 Vacuum flask', '304 不锈钢', 500, 'pcs', 32_500, 'USD', 16_250_000);
  return { app, sqlite };
}

const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

describe('quotes.exportPdf and quotes.exportXlsx', () => {
  it('writes the stored quote as a PDF on the letterhead, found by its number, in the quote’s language', async () => {
    const { app } = await withQuote();
    const target = path.join(folder(), 'Q2026-0042.pdf');
    const written = await app.call('quotes.exportPdf', { id: 'Q2026-0042', path: target });
    expect(written).toMatchObject({ path: target, number: 'Q2026-0042', bytes: fs.statSync(target).size });
    expect(written.bytes).toBeLessThan(1024 * 1024);
    const text = pdfText(target);
    for (const expected of ['宁波远航贸易有限公司', '报价单', 'Hamburg Trade GmbH', '联系人 Anna Müller', '德国', 'FOB Ningbo', 'SWIFT: BKCHCNBJ92A']) expect(text).toContain(expected);
    // The lines in their order, with their amounts and the total.
    expect(text).toMatch(/1 TF-500 不锈钢保温杯 Vacuum flask 500 pcs USD 3.25 1,625.00/);
    expect(text).toMatch(/2 =SUM\(A1:A3\) 激光雕刻 1,500.5 pcs USD 0.0325 48.7663/);
    expect(text).toContain('合计 USD 1,673.7663');
  });

  it('writes the .xlsx by the quote’s id, with formula-looking text kept as text', async () => {
    const { app } = await withQuote();
    const target = path.join(folder(), 'quote.xlsx');
    await app.call('quotes.exportXlsx', { id: 'q1', path: target });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(target);
    const values: unknown[] = [];
    workbook.worksheets[0]!.eachRow((row) => values.push(...(row.values as unknown[])));
    expect(values).toContain("'=SUM(A1:A3) 激光雕刻");
    expect(values).toContain('不锈钢保温杯 Vacuum flask');
    expect(values).toContain('德国');
  });

  it('keeps an existing file unless asked to replace it, and leaves no half file behind', async () => {
    const { app } = await withQuote();
    const dir = folder();
    const target = path.join(dir, 'quote.pdf');
    fs.writeFileSync(target, 'mine');
    expect(await app.fail('quotes.exportPdf', { id: 'q1', path: target })).toMatchObject({ code: 'conflict', message: 'exports.errors.exists', params: { file: target } });
    expect(fs.readFileSync(target, 'utf8')).toBe('mine');
    await app.call('quotes.exportPdf', { id: 'q1', path: target, overwrite: true });
    expect(fs.readFileSync(target).subarray(0, 5).toString()).toBe('%PDF-');
    expect(fs.readdirSync(dir)).toEqual(['quote.pdf']);
  });

  it('names the field for an unknown quote, a relative path, a wrong extension or a missing folder', async () => {
    const { app, sqlite } = await withQuote();
    const dir = folder();
    expect(await app.fail('quotes.exportPdf', { id: 'Q2026-9999', path: path.join(dir, 'x.pdf') })).toMatchObject({
      code: 'notFound',
      message: 'quoteDocuments.errors.quoteNotFound',
      fieldErrors: [{ path: 'id', message: 'quoteDocuments.errors.quoteNotFound', params: { quote: 'Q2026-9999' } }],
    });
    expect(await app.fail('quotes.exportPdf', { id: 'q1', path: 'quote.pdf' })).toMatchObject({ code: 'validation', fieldErrors: [{ path: 'path', message: 'exports.errors.notAbsolute' }] });
    expect(await app.fail('quotes.exportXlsx', { id: 'q1', path: path.join(dir, 'quote.pdf') })).toMatchObject({ code: 'validation', fieldErrors: [{ path: 'path', message: 'quoteDocuments.errors.notXlsx' }] });
    expect(await app.fail('quotes.exportPdf', { id: 'q1', path: path.join(dir, 'gone', 'quote.pdf') })).toMatchObject({ code: 'validation', message: 'exports.errors.folderMissing' });
    // A deleted quote is not there.
    sqlite.prepare(`UPDATE quotes SET deleted_at = 5 WHERE id = 'q1'`).run();
    expect(await app.fail('quotes.exportPdf', { id: 'q1', path: path.join(dir, 'x.pdf') })).toMatchObject({ code: 'notFound' });
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
