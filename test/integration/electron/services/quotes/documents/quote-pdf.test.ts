import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderQuotePdf } from '../../../../../../electron/services/quotes/documents/quote-pdf.ts';
import { sampleQuoteDocument } from '../../../../../fixtures/quote-document-fixtures.ts';
import { tempFolders } from '../../../../../helpers/temp-folders.ts';

/** The PDFs are read back with poppler (pdftotext, pdffonts, pdfinfo, pdftoppm; scripts/setup.sh installs poppler-utils). */

const tempDir = tempFolders('tradefolio-quote-pdf-');

function saved(pdf: Buffer): string {
  const file = path.join(tempDir(), 'quote.pdf');
  fs.writeFileSync(file, pdf);
  return file;
}

const run = (tool: string, args: string[]) => execFileSync(tool, args, { encoding: 'utf8' });
/** The text of one page (or all), with runs of white space made one space. */
const textOf = (file: string, page?: number) => run('pdftotext', ['-layout', ...(page ? ['-f', String(page), '-l', String(page)] : []), file, '-']).replace(/\s+/g, ' ');
const pagesOf = (file: string) => Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]))?.[1]);

/** The share of dark pixels on page 1 rendered at 40 dpi, in a band of rows (fractions of the height). */
function inkOf(file: string, fromRow = 0, toRow = 1): number {
  const prefix = path.join(path.dirname(file), 'page');
  run('pdftoppm', ['-r', '40', '-gray', '-f', '1', '-l', '1', '-singlefile', file, prefix]);
  const pgm = fs.readFileSync(`${prefix}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = pgm.subarray(header[0].length);
  let dark = 0;
  const rows = [Math.floor(height * fromRow), Math.floor(height * toRow)];
  for (let y = rows[0]!; y < rows[1]!; y++) for (let x = 0; x < width; x++) if (pixels[y * width + x]! < 128) dark++;
  return dark / (width * (rows[1]! - rows[0]!));
}

describe('renderQuotePdf', () => {
  it('prints a Chinese quote with Chinese labels, the English and Chinese text of its lines and exact numbers', async () => {
    const file = saved(await renderQuotePdf(sampleQuoteDocument({ language: 'zh-CN' })));
    const text = textOf(file);
    for (const expected of ['报价单', '报价单号 Q2026-0042', '有效期至', '2026年12月2日', '单价', '金额', '合计', '付款方式', '银行信息']) expect(text).toContain(expected);
    for (const expected of ['宁波远航贸易有限公司 Ningbo Voyage Trading Co., Ltd.', '不锈钢保温杯 500ml Stainless steel', '304 不锈钢, 双层真空, 彩盒包装', 'Hamburg Home GmbH', 'FOB Ningbo']) expect(text).toContain(expected);
    // 500 × 3.25 = 1,625.00; 1,500.5 × 0.0325 = 48.76625 → 48.7663 (half away from zero at e4)
    for (const expected of ['1,625.00', '0.0325', '48.7663', '12.345', 'USD 17,778.7663']) expect(text).toContain(expected);
    expect(text).not.toContain('QUOTATION');
    expect(text).not.toContain('Unit price');
  });

  it('prints an English quote with English labels whatever the text of its lines', async () => {
    const text = textOf(saved(await renderQuotePdf(sampleQuoteDocument({ language: 'en' }))));
    for (const expected of ['QUOTATION', 'Quote No.', 'Valid until', '2 Dec 2026', 'Unit price', 'Payment', 'Bank details', 'SWIFT: BKCHCNBJ92A', '不锈钢保温杯']) expect(text).toContain(expected);
    expect(text).not.toContain('单价');
    expect(text).not.toContain('付款方式');
  });

  it('embeds only a subset of the font, so a long quote with Chinese text stays far below 1 MB', async () => {
    const pdf = await renderQuotePdf(sampleQuoteDocument({ language: 'zh-CN', lines: 50 }));
    expect(pdf.length).toBeLessThan(1024 * 1024);
    const fonts = run('pdffonts', [saved(pdf)]);
    expect(fonts).toMatch(/\+NotoSansSC-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    expect(fonts).toMatch(/\+NotoSansSC-Bold\s+CID TrueType\s+Identity-H\s+yes yes yes/);
  });

  it('breaks the lines across pages with the column headings on each page and numbers every page', async () => {
    const file = saved(await renderQuotePdf(sampleQuoteDocument({ language: 'en', lines: 50 })));
    const pages = pagesOf(file);
    expect(pages).toBeGreaterThanOrEqual(3);
    for (let page = 1; page <= pages; page++) {
      const text = textOf(file, page);
      expect(text).toContain(`Page ${page} of ${pages}`);
      // The last page may hold only the totals and terms; every page with lines has the headings.
      if (page < pages) expect(text).toMatch(/No\. +Model +Description +Quantity +Unit +Currency +Unit price +Amount/);
    }
    expect(textOf(file, pages)).toContain('Total');
    // Every line once: the last line's model, and no line lost at a page break.
    const all = textOf(file);
    for (let i = 1; i <= 50; i++) expect(all).toContain(i % 4 === 3 ? '定制 Logo' : `-${i} `);
  });

  it('lets a description taller than a page flow on to the next, with the following line below it', async () => {
    const doc = sampleQuoteDocument({ language: 'en', lines: 3 });
    doc.lines[1]!.description = Array.from({ length: 150 }, (_, i) => `part ${i + 1} 超长描述`).join(' ');
    const file = saved(await renderQuotePdf(doc));
    const pages = pagesOf(file);
    expect(pages).toBeGreaterThanOrEqual(3);
    // Lines may break between Chinese characters, so compare without white space.
    const all = textOf(file).replace(/ /g, '');
    // Nothing of it lost, and nothing printed over it: every part once, in order.
    const parts = [...all.matchAll(/part(\d+)超长描述/g)].map((m) => Number(m[1]));
    expect(parts).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
    // The third line comes after the description's end, on a later page than the second line's start.
    const pageOf = (needle: string) => Array.from({ length: pages }, (_, i) => i + 1).find((p) => textOf(file, p).includes(needle));
    expect(pageOf('Custom laser')).toBeGreaterThan(pageOf('BX-12-2')!);
    expect(all.indexOf('Customlaser')).toBeGreaterThan(all.indexOf('part150超长描述'));
  });

  it('makes the document with the letterhead left empty, as before anyone filled it in', async () => {
    const doc = sampleQuoteDocument({ language: 'en', logo: false });
    doc.seller = { companyName: '', address: '', phone: '', email: '', website: '', bankDetails: '', logo: null };
    const text = textOf(saved(await renderQuotePdf(doc)));
    expect(text).toContain('QUOTATION');
    expect(text).not.toContain('Bank details');
  });

  it('draws the letterhead and the text as ink on the page, with and without a logo', async () => {
    for (const logo of [true, false]) {
      const file = saved(await renderQuotePdf(sampleQuoteDocument({ language: 'zh-CN', logo })));
      // The letterhead band (the top tenth) and the page as a whole carry visible glyphs, not empty boxes.
      expect(inkOf(file, 0, 0.1)).toBeGreaterThan(0.01);
      expect(inkOf(file)).toBeGreaterThan(0.01);
    }
  });
});
