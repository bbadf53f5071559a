import ExcelJS from 'exceljs';
import type { ContactFile, SheetInfo, SheetRow } from './contact-sheet.types.ts';
import { buildHeaders, columnsWithData, findHeaderRow, isContactHeader, type KnownHeader } from './header-row.ts';
import { columnLetter, type ImportProblem, problem } from './import-problems.ts';
import { cellText } from './xlsx-cell-text.ts';

/** Styles are needed to tell dates from numbers; links are read as the text they show. */
const READ_OPTIONS = { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', entries: 'ignore' } as const;

/** Rows below the header looked at to know which columns hold data (headers missing over data). */
const SCAN_ROWS = 1000;

/** exceljs's type for the streamed sheet lacks the name it sets from workbook.xml. */
const sheetName = (reader: ExcelJS.stream.xlsx.WorksheetReader, index: number) => (reader as unknown as { name?: string }).name ?? `Sheet${index + 1}`;

interface StreamedRow {
  rowNumber: number;
  cells: string[];
  problems: ImportProblem[];
}

function rowOf(row: ExcelJS.Row, sheet: string): StreamedRow {
  const cells: string[] = [];
  const problems: ImportProblem[] = [];
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    const { text, formulaWithoutResult } = cellText(cell.value, cell.numFmt);
    while (cells.length < col - 1) cells.push('');
    cells[col - 1] = text;
    if (formulaWithoutResult) problems.push(problem('formulaWithoutResult', { sheet, row: row.number, column: columnLetter(col - 1) }));
  });
  return { rowNumber: row.number, cells, problems };
}

async function sheetInfo(reader: ExcelJS.stream.xlsx.WorksheetReader, index: number, headerSearchRows: number, isKnown: KnownHeader): Promise<SheetInfo> {
  const name = sheetName(reader, index);
  const top: StreamedRow[] = [];
  for await (const row of reader) {
    if (row.number > headerSearchRows + SCAN_ROWS) break;
    top.push(rowOf(row, name));
  }
  const at = findHeaderRow(top.filter((r) => r.rowNumber <= headerSearchRows), isKnown);
  if (at < 0) return { index, name, rowUnit: 'row', headerRowNumber: 0, headers: [], problems: top.length > 0 ? [problem('noHeaderRow', { sheet: name })] : [] };
  const headerRow = top[at]!;
  const built = buildHeaders(name, headerRow, columnsWithData(top.slice(at + 1)));
  return { index, name, rowUnit: 'row', headerRowNumber: headerRow.rowNumber, headers: built.headers, problems: built.problems };
}

async function* sheetRows(filePath: string, info: SheetInfo): AsyncGenerator<SheetRow> {
  if (info.headerRowNumber === 0) return;
  let index = 0;
  for await (const reader of new ExcelJS.stream.xlsx.WorkbookReader(filePath, READ_OPTIONS)) {
    if (index++ !== info.index) continue;
    for await (const row of reader) {
      if (row.number <= info.headerRowNumber) continue;
      const read = rowOf(row, info.name);
      if (read.cells.every((c) => c.trim() === '')) continue;
      yield { sheet: info.index, ...read };
    }
    return;
  }
}

/**
 * Reads a big workbook as a stream (exceljs's WorkbookReader): memory stays flat whatever the
 * sheet's size, at the price of what only the whole-workbook reader knows, i.e. merged
 * ranges (a merged header names only its first column; the others show as missing headers).
 * A first pass reads each sheet's name and top rows; each rows() call streams the file again.
 */
export async function openXlsxStreaming(filePath: string, headerSearchRows: number, isKnown: KnownHeader = isContactHeader): Promise<ContactFile> {
  const sheets: SheetInfo[] = [];
  for await (const reader of new ExcelJS.stream.xlsx.WorkbookReader(filePath, READ_OPTIONS)) {
    sheets.push(await sheetInfo(reader, sheets.length, headerSearchRows, isKnown));
  }
  return {
    format: 'xlsx',
    encoding: null,
    delimiter: null,
    sheets,
    rows: (index) => {
      const sheet = sheets[index];
      if (!sheet) throw new RangeError(`the workbook has no sheet ${index + 1}`);
      return sheetRows(filePath, sheet);
    },
  };
}
