import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { openContactFile } from '../../../../../../electron/services/imports/contacts/contact-file.reader.ts';
import { AppFailure } from '../../../../../../shared/contract/result.ts';
import { allRows, headerTexts, tempFolder } from './contact-test-files.ts';

const write = tempFolder();

const CHINESE_SHEET = [
  '公司名称,联系人,邮箱,电话,国家,等级',
  '上海华贸进出口有限公司,张伟,zhang.wei@huamao.cn,+86 21 6888 1234,中国,A',
  '深圳市宏达电子有限公司,李娜,lina@hongda.com.cn;sales@hongda.com.cn,0086 755 8888 6666,中国,B级',
  'Müller Handels GmbH,Jürgen Müller,j.mueller@mueller-handel.de,+49 30 1234567,德国,C',
].join('\r\n');

async function expectFileError(file: string, key: string) {
  const error = await openContactFile(file).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppFailure);
  expect((error as AppFailure).error.message).toBe(key);
  expect((error as AppFailure).error.params).toEqual({ file: expect.any(String) });
}

describe('reading CSV contact sheets', () => {
  it('reads a GBK CSV with Chinese headers without mojibake', async () => {
    const file = await openContactFile(write('gbk.csv', CHINESE_SHEET, 'gbk'));
    expect(file.format).toBe('csv');
    expect(file.encoding).toBe('gb18030');
    expect(file.delimiter).toBe(',');
    expect(headerTexts(file)).toEqual(['公司名称', '联系人', '邮箱', '电话', '国家', '等级']);
    const rows = await allRows(file);
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 3, 4]);
    expect(rows[1]!.cells).toEqual(['深圳市宏达电子有限公司', '李娜', 'lina@hongda.com.cn;sales@hongda.com.cn', '0086 755 8888 6666', '中国', 'B级']);
    expect(rows[2]!.cells[1]).toBe('Jürgen Müller');
  });

  it('reads Big5 text as Big5', async () => {
    const file = await openContactFile(write('big5.csv', '公司名稱,聯絡人,電話\n台灣精密機械股份有限公司,陳志明,02-2345-6789\n香港貿易發展有限公司,黃美玲,852 2345 6789\n', 'big5'));
    expect(file.encoding).toBe('big5');
    expect(headerTexts(file)).toEqual(['公司名稱', '聯絡人', '電話']);
    expect((await allRows(file))[0]!.cells[0]).toBe('台灣精密機械股份有限公司');
  });

  it('reads Excel "Unicode text": UTF-16LE, tab-separated, with or without BOM, and UTF-16BE', async () => {
    const text = '公司名称\t联系人\t邮箱\n东方纺织品有限公司\t王芳\twang.fang@dongfang.cn\nAcme, Inc.\tJohn "JJ" Smith\tjohn@acme.com\n';
    const withBom = await openContactFile(write('unicode.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')])));
    const noBom = await openContactFile(write('unicode-nobom.txt', iconv.encode(text, 'utf-16le')));
    const bigEndian = await openContactFile(write('unicode-be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')])));
    for (const file of [withBom, noBom, bigEndian]) {
      expect(file.delimiter).toBe('\t');
      expect(headerTexts(file)).toEqual(['公司名称', '联系人', '邮箱']);
      const rows = await allRows(file);
      expect(rows.map((r) => r.cells)).toEqual([
        ['东方纺织品有限公司', '王芳', 'wang.fang@dongfang.cn'],
        ['Acme, Inc.', 'John "JJ" Smith', 'john@acme.com'],
      ]);
    }
    expect([withBom.encoding, noBom.encoding, bigEndian.encoding]).toEqual(['utf-16le', 'utf-16le', 'utf-16be']);
  });

  it('reads a UTF-8 CSV with BOM and semicolons, even with commas inside cells', async () => {
    const text = '\uFEFFFirma;Ansprechpartner;E-Mail;Adresse\r\nMüller GmbH;Jürgen Müller;j@mueller.de;Hauptstraße 5, 10115 Berlin, Deutschland\r\nSchmidt AG;Anna Schmidt;anna@schmidt.de;Ringstraße 12, 80331 München\r\n';
    const file = await openContactFile(write('semicolon.csv', text));
    expect(file.encoding).toBe('utf-8');
    expect(file.delimiter).toBe(';');
    // The BOM is not part of the first header.
    expect(headerTexts(file)).toEqual(['Firma', 'Ansprechpartner', 'E-Mail', 'Adresse']);
    expect((await allRows(file))[0]!.cells[3]).toBe('Hauptstraße 5, 10115 Berlin, Deutschland');
  });

  it('keeps embedded line breaks and quotes in cells, and counts rows as Excel shows them', async () => {
    const text = [
      'Company,Contact,Address,Notes',
      '"Acme, Inc.","Jane ""JJ"" Doe","12 Main St',
      'Suite 400',
      'Springfield","met at ""Canton Fair"""',
      '',
      'Beta Ltd,Bob,"1 Road",plain',
    ].join('\n');
    const rows = await allRows(await openContactFile(write('embedded.csv', text)));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ rowNumber: 2, cells: ['Acme, Inc.', 'Jane "JJ" Doe', '12 Main St\nSuite 400\nSpringfield', 'met at "Canton Fair"'] });
    // The empty line is row 3 in Excel, so Beta Ltd is row 4.
    expect(rows[1]!.rowNumber).toBe(4);
  });

  it('reports duplicated and missing headers and ragged rows as problems, keeping every cell', async () => {
    const text = ['Company,Email,Email,,Phone', 'Acme,a@acme.com,b@acme.com,unlabelled,123', 'Short,s@short.com', 'Long,l@long.com,,x,9,extra1,extra2'].join('\n');
    const file = await openContactFile(write('headers.csv', text));
    const sheet = file.sheets[0]!;
    expect(sheet.problems.map((p) => [p.code, p.params.column, p.severity])).toEqual([
      ['duplicateHeader', 'C', 'warning'],
      ['missingHeader', 'D', 'warning'],
    ]);
    expect(sheet.problems[0]!.params).toMatchObject({ header: 'Email', firstColumn: 'B', row: 1, sheet: 'headers.csv' });
    expect(sheet.problems[0]!.message).toBe('contactImport.problems.duplicateHeader');
    const rows = await allRows(file);
    expect(rows[1]).toMatchObject({ rowNumber: 3, cells: ['Short', 's@short.com'], problems: [] });
    expect(rows[2]!.cells).toEqual(['Long', 'l@long.com', '', 'x', '9', 'extra1', 'extra2']);
    expect(rows[2]!.problems).toEqual([expect.objectContaining({ code: 'extraCells', params: expect.objectContaining({ row: 4, column: 'F', count: 2 }) })]);
  });

  it('keeps formula-looking cells as the text they are', async () => {
    const text = 'Company,Phone,Notes\n=HYPERLINK("http://evil.example"),+86 138 0013 8000,-sale @ fair\n"=1+2",@SUM(A1),\t=cmd\n';
    const rows = await allRows(await openContactFile(write('formulas.csv', text)));
    expect(rows[0]!.cells).toEqual(['=HYPERLINK("http://evil.example")', '+86 138 0013 8000', '-sale @ fair']);
    expect(rows[1]!.cells).toEqual(['=1+2', '@SUM(A1)', '\t=cmd']);
  });

  it('finds the header row below title rows', async () => {
    const text = '2024年客户名单,,,\n导出人：小王,,,\n,,,\n公司名称,联系人,邮箱,电话\n华贸,张伟,zw@huamao.cn,123\n';
    const file = await openContactFile(write('title.csv', text));
    expect(file.sheets[0]!.headerRowNumber).toBe(4);
    expect(headerTexts(file)).toEqual(['公司名称', '联系人', '邮箱', '电话']);
    expect((await allRows(file)).map((r) => r.rowNumber)).toEqual([5]);
  });

  it('reads a file named .xlsx that is really CSV as CSV', async () => {
    const file = await openContactFile(write('customers.xlsx', CHINESE_SHEET, 'gbk'));
    expect(file.format).toBe('csv');
    expect(headerTexts(file)[0]).toBe('公司名称');
    expect(await allRows(file)).toHaveLength(3);
  });

  it('reads the rows before a quote that is never closed, and names the row where it opened', async () => {
    const text = 'Company,Contact\nAcme,Ann\nBeta,"Bob\nGamma,Gus\n';
    const rows = await allRows(await openContactFile(write('unclosed.csv', text)));
    expect(rows[0]!.cells).toEqual(['Acme', 'Ann']);
    expect(rows.at(-1)!.problems).toEqual([expect.objectContaining({ code: 'unclosedQuote', severity: 'error', params: { sheet: 'unclosed.csv', row: 3 } })]);
  });

  it('refuses binary junk, old .xls files, empty files and zips that are not workbooks, naming the file', async () => {
    const junk = Buffer.alloc(4096);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919 + 13) % 256;
    await expectFileError(write('junk.csv', junk), 'contactImport.file.unsupported');
    await expectFileError(write('old.xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)])), 'contactImport.file.legacyXls');
    await expectFileError(write('empty.csv', ''), 'contactImport.file.empty');
    await expectFileError(write('fake.xlsx', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100, 1)])), 'contactImport.file.notWorkbook');
    await expectFileError(write('gone.csv', 'x') + '.missing', 'contactImport.file.unreadable');
  });

  it('stops reading when the caller stops, and each rows() call reads afresh', async () => {
    const lines = ['Company,Email'];
    for (let i = 0; i < 5000; i++) lines.push(`Firm ${i},f${i}@firm${i}.com`);
    const file = await openContactFile(write('many.csv', lines.join('\n')));
    const firstTen = [];
    for await (const row of file.rows(0)) {
      firstTen.push(row.cells[0]);
      if (firstTen.length === 10) break;
    }
    expect(firstTen.at(-1)).toBe('Firm 9');
    const all = await allRows(file);
    expect(all).toHaveLength(5000);
    expect(all.at(-1)!.rowNumber).toBe(5001);
  });

  it('reads Western 8-bit text as Windows-1252, and follows Excel’s sep= line', async () => {
    const file = await openContactFile(write('western.csv', 'sep=;\r\nFirma;Straße;Ort\r\nMüller & Söhne;Königstraße 1;Köln\r\n', 'windows-1252'));
    expect([file.encoding, file.delimiter, file.sheets[0]!.headerRowNumber]).toEqual(['windows-1252', ';', 2]);
    expect((await allRows(file))[0]!.cells).toEqual(['Müller & Söhne', 'Königstraße 1', 'Köln']);
  });

  it('tells the encoding from text further in when the first 64 KB are plain ASCII', async () => {
    const lines = ['Company,Contact,City'];
    for (let i = 0; i < 3000; i++) lines.push(`Acme Trading ${i},John Smith,Springfield`);
    lines.push('宁波华东进出口有限公司,王明,宁波');
    const rows = await allRows(await openContactFile(write('late-chinese.csv', lines.join('\n'), 'gbk')));
    expect(rows.at(-1)!.cells).toEqual(['宁波华东进出口有限公司', '王明', '宁波']);
  });

  it('stops a runaway quote at a bounded size, naming the row', async () => {
    const text = `Company,Notes\nAcme,"never closed ${'x'.repeat(1_100_000)}\nBeta,ok\n`;
    const rows = await allRows(await openContactFile(write('runaway.csv', text)));
    expect(rows.at(-1)!.problems).toEqual([expect.objectContaining({ code: 'recordTooLong', params: { sheet: 'runaway.csv', row: 2 } })]);
  });

  it('reads in the encoding and delimiter the caller chooses, and flags cells the encoding cannot read', async () => {
    const path = write('chosen.csv', '公司名称;联系人\n华贸;张伟\n', 'gbk');
    const asUtf8 = await openContactFile(path, { encoding: 'utf-8', delimiter: ';' });
    expect([asUtf8.encoding, asUtf8.delimiter]).toEqual(['utf-8', ';']);
    const [row] = await allRows(asUtf8);
    expect(row!.problems).toEqual([expect.objectContaining({ code: 'undecodableText', params: expect.objectContaining({ row: 2, column: 'A', encoding: 'utf-8' }) })]);
    const asGbk = await openContactFile(path, { encoding: 'gb18030' });
    expect((await allRows(asGbk))[0]!).toMatchObject({ cells: ['华贸', '张伟'], problems: [] });
  });
});
