import { describe, expect, it } from 'vitest';
import { spreadsheetCell } from '../../../../../electron/services/exports/spreadsheet-cell.ts';

describe('spreadsheetCell', () => {
  it('puts an apostrophe before every value a spreadsheet would run as a formula (OWASP CSV injection)', () => {
    for (const value of ['=HYPERLINK("http://x","y")', '+1', '-2', '@SUM(A1:A2)', '\tcmd', '\r=1+1', '=1+1']) expect(spreadsheetCell(value)).toBe(`'${value}`);
  });

  it('leaves other text as it is, Chinese included, and writes nothing for null', () => {
    for (const value of ['深圳明华贸易有限公司', 'Anna = buyer', 'a+b', ' =not first', "'already", '']) expect(spreadsheetCell(value)).toBe(value);
    expect(spreadsheetCell(null)).toBe('');
  });
});
