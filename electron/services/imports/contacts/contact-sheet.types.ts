import type { ImportProblem } from './import-problems.ts';

/** What a file turned out to be, by its content (never by its name). */
export type ContactFileFormat = 'xlsx' | 'csv' | 'vcard';

/** The text encodings a CSV or vCard is read in; gb18030 covers GBK and GB2312. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5' | 'windows-1252';

export type CsvDelimiter = ',' | ';' | '\t';

export interface ColumnHeader {
  /** 0-based column index; a row's `cells[index]` is this column's text. */
  index: number;
  /** Column letter as Excel shows it (A, B, … AA). */
  letter: string;
  /** The header as written, trimmed; '' when the header cell is empty. */
  text: string;
}

export interface SheetInfo {
  /** 0-based position among the file's sheets; pass it to `rows()`. */
  index: number;
  /** The worksheet's name (xlsx), else the file's name. */
  name: string;
  /** How rows are counted for the user: Excel rows (xlsx, CSV) or cards (vCard). */
  rowUnit: 'row' | 'card';
  /** Row number of the header row as the user sees it; 0 when the sheet has none (vCard, empty sheet). */
  headerRowNumber: number;
  headers: ColumnHeader[];
  /** Problems of the sheet itself: duplicated or missing headers. */
  problems: ImportProblem[];
}

export interface SheetRow {
  sheet: number;
  /** Row number as the user sees it (Excel's row number; a vCard's card number). */
  rowNumber: number;
  /** Cell text as the user sees it, by column index; may run past `headers` on ragged rows. */
  cells: string[];
  /** Problems found while reading (extra cells, a formula without a stored result…). */
  problems: ImportProblem[];
}

export interface ContactFile {
  format: ContactFileFormat;
  /** CSV and vCard: the encoding the text was read in, and whether the file said so (BOM). */
  encoding: TextEncoding | null;
  /** CSV only. */
  delimiter: CsvDelimiter | null;
  sheets: SheetInfo[];
  /**
   * The data rows of a sheet below its header row, empty rows left out. Each call reads
   * afresh (CSV streams from the file, so a preview that stops early reads little), and
   * stopping the iteration releases the file.
   */
  rows(sheet: number): AsyncIterable<SheetRow>;
}

export interface OpenContactFileOptions {
  /** How many rows from the top may hold titles above the header row. */
  headerSearchRows?: number;
  /** Read a CSV or vCard in this encoding, not the one guessed (the preview's "read as…" choice). */
  encoding?: TextEncoding;
  /** Split a CSV at this delimiter, not the one found. */
  delimiter?: CsvDelimiter;
  /**
   * Which header cells name a field the caller knows (contact fields by default): the header row
   * is the first with two of them, so a row of "Contact: …", "Tel: …" above a product sheet's
   * header is not taken for it.
   */
  isKnownHeader?: (cell: string) => boolean;
  /** Workbooks bigger than this are streamed (flat memory, merged ranges not applied); see XLSX_STREAMING_ABOVE_BYTES. */
  xlsxStreamingAboveBytes?: number;
}
