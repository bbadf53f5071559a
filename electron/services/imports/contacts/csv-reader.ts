import fs from 'node:fs';
import { pipeline } from 'node:stream';
import { parse, type Options } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import type { ContactFile, CsvDelimiter, SheetInfo, SheetRow } from './contact-sheet.types.ts';
import { buildHeaders, columnsWithData, findHeaderRow, type KnownHeader, type RawRow } from './header-row.ts';
import { columnLetter, type ImportProblem, problem } from './import-problems.ts';
import { unescapeSpreadsheetCell } from '../../exports/spreadsheet-cell.ts';
import { decoderStream, decodeText, type DetectedEncoding } from './text-decoding.ts';

const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];

/**
 * Longest record in characters: a quote that is never closed swallows the rest of the file
 * into one cell, and this stops it at a bounded size with a problem naming the row.
 */
const MAX_RECORD_CHARS = 1_000_000;

/**
 * `cast` turns every cell (header and data, sample and stream) back from its formula escape:
 * a file we exported comes back as it was (exports/spreadsheet-cell.ts).
 */
const BASE_OPTIONS: Options = {
  relax_column_count: true,
  relax_quotes: true,
  max_record_size: MAX_RECORD_CHARS,
  skip_empty_lines: false,
  cast: (value: string) => unescapeSpreadsheetCell(value),
};

/**
 * The delimiter Excel wrote: comma, semicolon (where the decimal mark is a comma) or tab
 * ("Unicode text"). Each is tried with csv-parse itself, so quoted cells count right, and the
 * one that splits the most rows into the same number of cells (more than one) wins.
 * csv-parse's own delimiter_auto is not used: in 7.0.3 it throws on any character above
 * U+007E (its table has 127 entries), i.e. on every Chinese sheet.
 */
function discoverDelimiter(text: string): CsvDelimiter {
  // Excel's own hint line, "sep=;", names it (and, with one cell, is passed over as a title row).
  const hinted = /^sep=(.)\r?\n/i.exec(text)?.[1];
  const named = DELIMITERS.find((d) => d === hinted);
  if (named) return named;
  let best: { delimiter: CsvDelimiter; share: number; width: number } = { delimiter: ',', share: 0, width: 0 };
  for (const delimiter of DELIMITERS) {
    const widths = sampleRecords(text, delimiter, true)
      .filter((r) => r.cells.some((c) => c.trim() !== ''))
      .slice(0, 200)
      .map((r) => r.cells.length);
    const counts = new Map<number, number>();
    for (const w of widths) counts.set(w, (counts.get(w) ?? 0) + 1);
    let width = 0;
    let often = 0;
    for (const [w, n] of counts) if (n > often || (n === often && w > width)) [width, often] = [w, n];
    const share = width > 1 ? often / widths.length : 0;
    if (share > best.share || (share === best.share && width > best.width)) best = { delimiter, share, width };
  }
  return best.delimiter;
}

function parseSample(text: string, delimiter: CsvDelimiter): string[][] {
  // A sample cut inside a quoted cell that holds line breaks ends with an open quote: cut it
  // shorter, at a line break, until it parses.
  for (let end = text.length; end > 0; end = text.lastIndexOf('\n', Math.floor(end * 0.75))) {
    try {
      return parseSync(text.slice(0, end), { ...BASE_OPTIONS, delimiter }) as string[][];
    } catch {
      // try a shorter sample
    }
  }
  // A quote never closed near the top: the rows stream reports it where it is.
  return parseSync(text, { ...BASE_OPTIONS, delimiter, quote: false }) as string[][];
}

function sampleRecords(text: string, delimiter: CsvDelimiter, complete: boolean): RawRow[] {
  const records = parseSample(text, delimiter);
  // The last record of a cut sample may be cut too.
  if (!complete) records.pop();
  return records.map((cells, i) => ({ rowNumber: i + 1, cells }));
}

/**
 * Columns that hold data and so need a header: those under the header row, and past its end
 * those filled in most rows (a header row cut short). A few long rows are ragged rows, each
 * reported with its extra cells.
 */
function headedColumns(headerRow: RawRow, data: readonly RawRow[]): Set<number> {
  const columns = columnsWithData(data);
  for (const column of columns) {
    if (column < headerRow.cells.length) continue;
    const filled = data.filter((r) => (r.cells[column] ?? '').trim() !== '').length;
    if (filled * 2 < data.length) columns.delete(column);
  }
  return columns;
}

export interface CsvOpen {
  filePath: string;
  sheetName: string;
  sample: Buffer;
  complete: boolean;
  detected: DetectedEncoding;
  headerSearchRows: number;
  /** The caller's choice; null = find it. */
  delimiter: CsvDelimiter | null;
  /** See OpenContactFileOptions.isKnownHeader. */
  isKnownHeader?: KnownHeader;
}

export function openCsv(o: CsvOpen): ContactFile {
  let text = decodeText(o.sample.subarray(o.detected.bomLength), o.detected.encoding);
  if (!o.complete) text = text.slice(0, text.lastIndexOf('\n') + 1);
  const delimiter = o.delimiter ?? discoverDelimiter(text);
  const sample = sampleRecords(text, delimiter, o.complete);
  const at = findHeaderRow(sample.slice(0, o.headerSearchRows), o.isKnownHeader);
  const headerRow = at >= 0 ? sample[at]! : { rowNumber: 0, cells: [] };
  const { headers, problems } = buildHeaders(o.sheetName, headerRow, headedColumns(headerRow, sample.slice(at + 1)));
  if (at < 0) problems.push(problem('noHeaderRow', { sheet: o.sheetName }));
  const sheet: SheetInfo = { index: 0, name: o.sheetName, rowUnit: 'row', headerRowNumber: headerRow.rowNumber, headers, problems };
  return {
    format: 'csv',
    encoding: o.detected.encoding,
    delimiter,
    sheets: [sheet],
    rows: (index) => {
      if (index !== 0) throw new RangeError(`a CSV file has one sheet, not ${index + 1}`);
      return streamRows(o, delimiter, sheet);
    },
  };
}

async function* streamRows(o: CsvOpen, delimiter: CsvDelimiter, sheet: SheetInfo): AsyncGenerator<SheetRow> {
  const source = fs.createReadStream(o.filePath, { start: o.detected.bomLength, highWaterMark: 256 * 1024 });
  const records = parse({ ...BASE_OPTIONS, delimiter });
  // pipeline() passes a read error on to `records` and closes the file when reading stops early.
  pipeline(source, decoderStream(o.detected.encoding), records, () => {});
  let rowNumber = 0;
  try {
    for await (const cells of records as AsyncIterable<string[]>) {
      rowNumber++;
      if (rowNumber <= sheet.headerRowNumber || cells.every((c) => c.trim() === '')) continue;
      yield { sheet: 0, rowNumber, cells, problems: [...undecodable(sheet, rowNumber, cells, o.detected.encoding), ...extraCells(sheet, rowNumber, cells)] };
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== 'CSV_QUOTE_NOT_CLOSED' && code !== 'CSV_MAX_RECORD_SIZE') throw error;
    // The broken record starts on the row after the last whole one; the rows before it are read.
    const params = { sheet: sheet.name, row: rowNumber + 1 };
    yield { sheet: 0, rowNumber: rowNumber + 1, cells: [], problems: [problem(code === 'CSV_QUOTE_NOT_CLOSED' ? 'unclosedQuote' : 'recordTooLong', params)] };
  } finally {
    records.destroy();
  }
}

function extraCells(sheet: SheetInfo, rowNumber: number, cells: readonly string[]): ImportProblem[] {
  const width = sheet.headers.length;
  if (cells.length <= width) return [];
  const extra = cells.slice(width).filter((c) => c.trim() !== '');
  if (extra.length === 0) return [];
  return [problem('extraCells', { sheet: sheet.name, row: rowNumber, column: columnLetter(width), count: extra.length })];
}

/**
 * Cells with bytes the encoding cannot read (U+FFFD): the guess was wrong for this part of
 * the file, and the preview can offer to read it in another encoding.
 */
function undecodable(sheet: SheetInfo, rowNumber: number, cells: readonly string[], encoding: string): ImportProblem[] {
  const column = cells.findIndex((c) => c.includes('\uFFFD'));
  if (column < 0) return [];
  return [problem('undecodableText', { sheet: sheet.name, row: rowNumber, column: columnLetter(column), header: sheet.headers[column]?.text ?? '', encoding })];
}
