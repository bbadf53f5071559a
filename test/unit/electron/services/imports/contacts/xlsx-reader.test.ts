import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openContactFile } from '../../../../../../electron/services/imports/contacts/contact-file.reader.ts';
import { allRows, headerTexts, tempFolder } from './contact-test-files.ts';

const write = tempFolder();

/**
 * A workbook as salespeople make them: a title merged across the top, a note row, a header
 * with a merged "电话" over two columns, a company merged down over its two contacts; cells
 * holding dates, numbers, rich text, hyperlinks and formulas; and a second sheet in English.
 */
async function salesWorkbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const cn = wb.addWorksheet('国内客户');
  cn.mergeCells('A1:G1');
  cn.getCell('A1').value = '2024年客户名单';
  cn.getCell('A2').value = '导出：王经理';
  cn.getRow(3).values = ['公司名称', '联系人', '邮箱', '电话', '', '首次联系', '订单额'];
  cn.mergeCells('D3:E3');
  cn.getRow(4).values = ['杭州丝绸进出口有限公司', '陈静', 'chen@hzsilk.cn', '+86 571 8765 4321', '13900001111', new Date(Date.UTC(2024, 2, 5)), 12500.5];
  cn.getCell('G4').numFmt = '#,##0.00';
  cn.getRow(5).values = [null, '刘洋', null, null, '13900002222', new Date(Date.UTC(2024, 3, 1, 9, 30)), 0.25];
  cn.getCell('G5').numFmt = '0%';
  cn.mergeCells('A4:A5');
  cn.getCell('C5').value = { text: 'liu@hzsilk.cn', hyperlink: 'mailto:liu@hzsilk.cn' };
  cn.getCell('D5').value = { richText: [{ text: '+86 ', font: { bold: true } }, { text: '571 8765 0000' }] };
  const en = wb.addWorksheet('Export');
  en.getRow(1).values = ['Company', 'Contact', 'Email', 'Website', 'Total'];
  en.getRow(2).values = ['Acme GmbH', 'Jörg', 'j@acme.de', null, { formula: 'SUM(1,2)', result: 3 }];
  en.getCell('D2').value = { text: 'acme.de', hyperlink: 'https://acme.de' };
  en.getRow(3).values = ['Beta SA', 'Ana', 'ana@beta.es', 'beta.es', { formula: 'SUM(4,5)' }];
  return write('sales.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
}

describe('reading .xlsx contact sheets', () => {
  it('reports each sheet with its name and finds its header row below the title rows', async () => {
    const file = await openContactFile(await salesWorkbook());
    expect(file.format).toBe('xlsx');
    expect(file.sheets.map((s) => [s.index, s.name, s.headerRowNumber])).toEqual([
      [0, '国内客户', 3],
      [1, 'Export', 1],
    ]);
  });

  it('applies a merged header across the columns it spans, without calling it a duplicate', async () => {
    const file = await openContactFile(await salesWorkbook());
    expect(headerTexts(file, 0)).toEqual(['公司名称', '联系人', '邮箱', '电话', '电话', '首次联系', '订单额']);
    expect(file.sheets[0]!.problems).toEqual([]);
  });

  it('renders cells as the user sees them: dates, numbers, rich text, hyperlinks, merged values', async () => {
    const rows = await allRows(await openContactFile(await salesWorkbook()), 0);
    expect(rows.map((r) => r.rowNumber)).toEqual([4, 5]);
    expect(rows[0]!.cells).toEqual(['杭州丝绸进出口有限公司', '陈静', 'chen@hzsilk.cn', '+86 571 8765 4321', '13900001111', '2024-03-05', '12,500.50']);
    // The company merged down over both contacts belongs to each of them.
    expect(rows[1]!.cells).toEqual(['杭州丝绸进出口有限公司', '刘洋', 'liu@hzsilk.cn', '+86 571 8765 0000', '13900002222', '2024-04-01 09:30', '25%']);
  });

  it('gives a formula its stored result, and reports one without a result', async () => {
    const rows = await allRows(await openContactFile(await salesWorkbook()), 1);
    expect(rows[0]!.cells).toEqual(['Acme GmbH', 'Jörg', 'j@acme.de', 'acme.de', '3']);
    expect(rows[0]!.problems).toEqual([]);
    expect(rows[1]!.cells[4]).toBe('');
    expect(rows[1]!.problems).toEqual([expect.objectContaining({ code: 'formulaWithoutResult', params: { sheet: 'Export', row: 3, column: 'E' } })]);
  });

  it('reports duplicated and missing headers of a sheet', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.getRow(1).values = ['Name', 'Email', 'Name', null, 'Phone'];
    ws.getRow(2).values = ['Ann', 'a@x.com', 'Annie', 'no header here', '123'];
    const file = await openContactFile(write('dups.xlsx', Buffer.from(await wb.xlsx.writeBuffer())));
    expect(file.sheets[0]!.problems.map((p) => [p.code, p.params.column, p.params.header])).toEqual([
      ['duplicateHeader', 'C', 'Name'],
      ['missingHeader', 'D', ''],
    ]);
    expect((await allRows(file))[0]!.cells).toEqual(['Ann', 'a@x.com', 'Annie', 'no header here', '123']);
  });

  it('streams a big workbook with flat memory, rendering cells the same way but without merged ranges', async () => {
    const file = await openContactFile(await salesWorkbook(), { xlsxStreamingAboveBytes: 0 });
    expect(file.sheets.map((s) => [s.name, s.headerRowNumber])).toEqual([
      ['国内客户', 3],
      ['Export', 1],
    ]);
    // The streaming reader does not see merges: the merged header's second column has no header.
    expect(headerTexts(file, 0)).toEqual(['公司名称', '联系人', '邮箱', '电话', '', '首次联系', '订单额']);
    expect(file.sheets[0]!.problems.map((p) => [p.code, p.params.column])).toEqual([['missingHeader', 'E']]);
    const rows = await allRows(file, 0);
    expect(rows[0]!.cells).toEqual(['杭州丝绸进出口有限公司', '陈静', 'chen@hzsilk.cn', '+86 571 8765 4321', '13900001111', '2024-03-05', '12,500.50']);
    expect(rows[1]!.cells).toEqual(['', '刘洋', 'liu@hzsilk.cn', '+86 571 8765 0000', '13900002222', '2024-04-01 09:30', '25%']);
    const english = await allRows(file, 1);
    expect(english.map((r) => r.cells)).toEqual([
      ['Acme GmbH', 'Jörg', 'j@acme.de', 'acme.de', '3'],
      ['Beta SA', 'Ana', 'ana@beta.es', 'beta.es', ''],
    ]);
    expect(english[1]!.problems.map((p) => p.code)).toEqual(['formulaWithoutResult']);
  });

  it('takes the lower row of a two-row header, with group labels merged above it', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('客户');
    ws.getCell('A1').value = '公司名称';
    ws.mergeCells('A1:A2');
    ws.getCell('B1').value = '联系人信息';
    ws.mergeCells('B1:D1');
    for (const [address, label] of [['B2', '姓名'], ['C2', '邮箱'], ['D2', '电话']]) ws.getCell(address!).value = label!;
    ws.getRow(3).values = ['华贸', '张伟', 'zw@huamao.cn', '021-6888-1234'];
    const file = await openContactFile(write('two-row-header.xlsx', Buffer.from(await wb.xlsx.writeBuffer())));
    expect(file.sheets[0]!.headerRowNumber).toBe(2);
    expect(headerTexts(file)).toEqual(['公司名称', '姓名', '邮箱', '电话']);
    expect(file.sheets[0]!.problems).toEqual([]);
    expect((await allRows(file)).map((r) => [r.rowNumber, r.cells])).toEqual([[3, ['华贸', '张伟', 'zw@huamao.cn', '021-6888-1234']]]);
  });
});
