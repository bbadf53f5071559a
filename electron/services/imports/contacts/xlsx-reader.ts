import fs from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { ContactFile, SheetInfo, SheetRow } from './contact-sheet.types.ts';
import { buildHeaders, columnsWithData, findHeaderRow, headerLike, isContactHeader, type KnownHeader, type RawRow } from './header-row.ts';
import { columnLetter, type ImportProblem, problem } from './import-problems.ts';
import { cellText } from './xlsx-cell-text.ts';
import { openXlsxStreaming } from './xlsx-stream-reader.ts';

interface ReadRow extends RawRow {
  problems: ImportProblem[];
}

/**
 * One row's text. Cells inside a merged range show the range's value (a company merged down
 * over its three contacts belongs to each of them), except where `mastersOnly` asks for the
 * range's first cell alone, as header detection does: a title merged across the top is one
 * cell, not a row of labels.
 */
function readRow(ws: ExcelJS.Worksheet, sheetName: string, rowNumber: number, width: number, mastersOnly: boolean): ReadRow {
  const row = ws.getRow(rowNumber);
  const cells: string[] = [];
  const problems: ImportProblem[] = [];
  for (let col = 1; col <= width; col++) {
    const cell = row.getCell(col);
    if (mastersOnly && cell.isMerged && cell.master !== cell) {
      cells.push('');
      continue;
    }
    const { text, formulaWithoutResult } = cellText(cell.value, cell.numFmt);
    cells.push(text);
    if (formulaWithoutResult) problems.push(problem('formulaWithoutResult', { sheet: sheetName, row: rowNumber, column: columnLetter(col - 1) }));
  }
  return { rowNumber, cells, problems };
}

interface LoadedSheet {
  info: SheetInfo;
  worksheet: ExcelJS.Worksheet;
  width: number;
}

/**
 * A header in two rows: group labels merged across columns ("联系人信息" over B:D) above the
 * labels of each column ("姓名 | 邮箱 | 电话"), with the single-row headers merged down
 * through both ("公司名称" in A1:A2). The lower row names the columns then.
 */
function subHeaderRow(ws: ExcelJS.Worksheet, rowNumber: number, width: number, isKnown: KnownHeader): number {
  const upper = ws.getRow(rowNumber);
  const lower = readRow(ws, ws.name, rowNumber + 1, width, true);
  const labels = lower.cells.filter((c) => c.trim() !== '');
  if (labels.length === 0 || !labels.every(headerLike) || !labels.some(isKnown)) return rowNumber;
  for (let col = 1; col < width; col++) {
    const cell = upper.getCell(col);
    const spansAcross = cell.isMerged && cell.master === cell && upper.getCell(col + 1).master === cell;
    if (spansAcross && (lower.cells[col - 1] ?? '').trim() !== '') return rowNumber + 1;
  }
  return rowNumber;
}

function loadSheet(ws: ExcelJS.Worksheet, index: number, headerSearchRows: number, isKnown: KnownHeader): LoadedSheet {
  const width = ws.columnCount;
  const last = ws.rowCount;
  const top: ReadRow[] = [];
  for (let r = 1; r <= Math.min(last, headerSearchRows); r++) top.push(readRow(ws, ws.name, r, width, true));
  const at = findHeaderRow(top, isKnown);
  const problems: ImportProblem[] = [];
  if (at < 0) {
    if (last > 0) problems.push(problem('noHeaderRow', { sheet: ws.name }));
    return { info: { index, name: ws.name, rowUnit: 'row', headerRowNumber: 0, headers: [], problems }, worksheet: ws, width };
  }
  const headerRowNumber = subHeaderRow(ws, top[at]!.rowNumber, width, isKnown);
  const headerRow = readRow(ws, ws.name, headerRowNumber, width, false);
  const mergedAcross = new Set<number>();
  headerRow.cells.forEach((_, i) => {
    const cell = ws.getRow(headerRowNumber).getCell(i + 1);
    if (cell.isMerged && cell.master !== cell) mergedAcross.add(i);
  });
  const withData = new Set<number>();
  for (let r = headerRowNumber + 1; r <= last; r++) columnsWithData([readRow(ws, ws.name, r, width, true)], withData);
  const built = buildHeaders(ws.name, headerRow, withData, mergedAcross);
  const info: SheetInfo = { index, name: ws.name, rowUnit: 'row', headerRowNumber, headers: built.headers, problems: [...problems, ...built.problems] };
  return { info, worksheet: ws, width };
}

async function* sheetRows(sheet: LoadedSheet): AsyncGenerator<SheetRow> {
  const { worksheet: ws, info, width } = sheet;
  if (info.headerRowNumber === 0) return;
  for (let r = info.headerRowNumber + 1; r <= ws.rowCount; r++) {
    const row = readRow(ws, info.name, r, width, false);
    if (row.cells.every((c) => c.trim() === '')) continue;
    yield { sheet: info.index, rowNumber: r, cells: row.cells, problems: row.problems };
  }
}

/**
 * Workbooks up to this size are read whole, merged ranges and all; bigger ones are streamed.
 * Measured: a 100,000-row sheet (5.9 MB) read whole took 6.8 s and 540 MB more memory, so
 * 1 MB (~17,000 such rows) keeps the whole-workbook reader under ~100 MB.
 */
export const XLSX_STREAMING_ABOVE_BYTES = 1024 * 1024;

/**
 * Reads a workbook whole with exceljs: merged ranges and hyperlinks come only from the full
 * reader (its streaming reader skips merges); above `streamAbove` bytes it streams instead.
 */
export async function openXlsx(filePath: string, headerSearchRows: number, streamAbove = XLSX_STREAMING_ABOVE_BYTES, isKnown: KnownHeader = isContactHeader): Promise<ContactFile> {
  if ((await fs.stat(filePath)).size > streamAbove) return openXlsxStreaming(filePath, headerSearchRows, isKnown);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(filePath);
  const sheets = workbook.worksheets.map((ws, i) => loadSheet(ws, i, headerSearchRows, isKnown));
  return {
    format: 'xlsx',
    encoding: null,
    delimiter: null,
    sheets: sheets.map((s) => s.info),
    rows: (index) => {
      const sheet = sheets[index];
      if (!sheet) throw new RangeError(`the workbook has no sheet ${index + 1}`);
      return sheetRows(sheet);
    },
  };
}
