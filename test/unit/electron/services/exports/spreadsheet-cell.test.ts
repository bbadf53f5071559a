import { describe, expect, it } from 'vitest';
import { spreadsheetCell, unescapeSpreadsheetCell } from '../../../../../electron/services/exports/spreadsheet-cell.ts';

const FORMULAS = ['=HYPERLINK("http://x","y")', '+1', '-2', '@SUM(A1:A2)', '\tcmd', '\r=1+1', '=1+1'];

describe('spreadsheetCell', () => {
  it('puts an apostrophe before every value a spreadsheet would run as a formula (OWASP CSV injection)', () => {
    for (const value of FORMULAS) expect(spreadsheetCell(value)).toBe(`'${value}`);
  });

  it('gives a value already starting with apostrophes before such a character one more, so the escape can be undone', () => {
    expect(spreadsheetCell("'=x")).toBe("''=x");
    expect(spreadsheetCell("''+86 139")).toBe("'''+86 139");
  });

  it('leaves other text as it is, Chinese included, and writes nothing for null', () => {
    for (const value of ['深圳明华贸易有限公司', 'Anna = buyer', 'a+b', ' =not first', "'already", "''", '']) expect(spreadsheetCell(value)).toBe(value);
    expect(spreadsheetCell(null)).toBe('');
  });
});

describe('unescapeSpreadsheetCell', () => {
  it('gives back exactly what spreadsheetCell was given', () => {
    for (const value of [...FORMULAS, "'=x", "''@y", "'already", "'", "''", 'plain', '深圳', '']) expect(unescapeSpreadsheetCell(spreadsheetCell(value))).toBe(value);
  });

  it('takes off one apostrophe only where the escape puts one', () => {
    expect(unescapeSpreadsheetCell("'+86 139 0000 0000")).toBe('+86 139 0000 0000');
    expect(unescapeSpreadsheetCell("''=x")).toBe("'=x");
    expect(unescapeSpreadsheetCell("'quoted'")).toBe("'quoted'");
    expect(unescapeSpreadsheetCell("'")).toBe("'");
  });
});
