import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { renderQuoteXlsx } from '../../../../../../electron/services/quotes/documents/quote-xlsx.ts';
import { sampleQuoteDocument } from '../../../../../fixtures/quote-document-fixtures.ts';

async function readBack(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook.worksheets[0]!;
}

/** Every row's values as plain arrays (column A first), for finding rows by their text. */
function rowsOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('renderQuoteXlsx', () => {
  it('writes the lines with numbers that add up, labels in the quote’s language and totals per currency', async () => {
    const doc = sampleQuoteDocument({ language: 'zh-CN', lines: 5 });
    const sheet = await readBack(await renderQuoteXlsx(doc));
    expect(sheet.name).toBe('报价单');
    const rows = rowsOf(sheet);
    const header = rows.findIndex((r) => r[0] === '序号');
    expect(rows[header]).toEqual(['序号', '型号', '品名', '规格', '数量', '单位', '币种', '单价', '金额']);
    expect(rows[header + 1]).toEqual([1, 'TF-500-1', '不锈钢保温杯 500ml Stainless steel vacuum flask', '304 不锈钢, 双层真空, 彩盒包装', 500, 'pcs', 'USD', 3.25, 1625]);
    expect(rows[header + 3]!.slice(4)).toEqual([1500.5, 'pcs', 'USD', 0.0325, 48.7663]);
    expect(rows[header + 5]!.slice(6)).toEqual(['EUR', 3.25, 8125]);
    const totals = rows.filter((r) => r[7] === '合计').map((r) => [r[6], r[8]]);
    expect(totals).toEqual([
      ['USD', 17_778.7663],
      ['EUR', 8125],
    ]);
    expect(rows.some((r) => r[1] === '付款方式' && r[2] === '30% T/T deposit, 70% before shipment')).toBe(true);
    expect(rows.some((r) => r[1] === '报价单号' && r[2] === 'Q2026-0042')).toBe(true);
  });

  it('keeps formula-looking text as text, escaped the way every export escapes it', async () => {
    const doc = sampleQuoteDocument({ language: 'en' });
    doc.lines[0]!.description = '=HYPERLINK("http://evil.example","click")';
    doc.buyer.customerName = '@SUM(A1:A9)';
    const sheet = await readBack(await renderQuoteXlsx(doc));
    const rows = rowsOf(sheet);
    const cells = rows.flat();
    expect(cells).toContain('\'=HYPERLINK("http://evil.example","click")');
    expect(cells).toContain("'@SUM(A1:A9)");
    expect(cells.some((c) => typeof c === 'object' && c !== null && 'formula' in c)).toBe(false);
    expect(rows.find((r) => r[1] === 'Notes')?.[2]).toBe('\'=HYPERLINK("http://evil.example") 价格含彩盒包装。Prices include colour box packing.');
  });

  it('places the logo as an image, and makes the sheet without one', async () => {
    const withLogo = await readBack(await renderQuoteXlsx(sampleQuoteDocument({ logo: true })));
    expect(withLogo.getImages()).toHaveLength(1);
    const without = await readBack(await renderQuoteXlsx(sampleQuoteDocument({ logo: false })));
    expect(without.getImages()).toHaveLength(0);
    expect(rowsOf(without)[0]).toEqual(['宁波远航贸易有限公司 Ningbo Voyage Trading Co., Ltd.']);
  });
});
