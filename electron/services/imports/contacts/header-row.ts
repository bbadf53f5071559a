import type { ColumnHeader } from './contact-sheet.types.ts';
import { normalizeHeader } from './contact-fields.ts';
import { recognizeHeader } from './header-mapping.ts';
import { columnLetter, type ImportProblem, problem } from './import-problems.ts';

export interface RawRow {
  rowNumber: number;
  cells: string[];
}

/** How many rows from the top may hold titles, notes or blank lines above the header row. */
export const DEFAULT_HEADER_SEARCH_ROWS = 20;

const filled = (cells: readonly string[]) => cells.filter((c) => c.trim() !== '').length;

/** Header cells are short labels: no addresses, no numbers, no sentences. */
export function headerLike(cell: string): boolean {
  const t = cell.trim();
  return t.length <= 40 && !t.includes('@') && !/^[\d\s+().,/-]+$/.test(t) && !/^https?:/i.test(t);
}

/** Whether a cell names a field the reader's caller knows: contact fields, unless it says otherwise (the product import). */
export type KnownHeader = (cell: string) => boolean;
export const isContactHeader: KnownHeader = (cell) => recognizeHeader(cell) !== null;

/**
 * Index (in `rows`) of the header row: the first with at least two headers the caller knows;
 * else the first as wide as the widest row whose cells all read like labels (a title row
 * above the header fills one cell); else the first row with anything in it.
 */
export function findHeaderRow(rows: readonly RawRow[], isKnown: KnownHeader = isContactHeader): number {
  const known = rows.findIndex((r) => r.cells.filter(isKnown).length >= 2);
  if (known >= 0) return known;
  const widest = Math.max(0, ...rows.map((r) => filled(r.cells)));
  const labels = rows.findIndex((r) => {
    const n = filled(r.cells);
    return n >= 2 && n >= widest / 2 && r.cells.every((c) => c.trim() === '' || headerLike(c));
  });
  if (labels >= 0) return labels;
  return rows.findIndex((r) => filled(r.cells) > 0);
}

export interface HeaderBuild {
  headers: ColumnHeader[];
  problems: ImportProblem[];
}

/**
 * Headers of a sheet and their problems: a header that repeats an earlier one, and an empty
 * header over a column that holds data. `withData` lists the columns known to hold data (the
 * whole sheet's for xlsx, the rows read so far for CSV); `sameByMerge` the columns whose
 * header repeats because one merged cell spans them (not a problem).
 */
export function buildHeaders(sheet: string, headerRow: RawRow, withData: ReadonlySet<number>, sameByMerge: ReadonlySet<number> = new Set()): HeaderBuild {
  const count = Math.max(Math.max(-1, ...withData) + 1, headerRow.cells.length);
  const headers: ColumnHeader[] = [];
  const problems: ImportProblem[] = [];
  const seen = new Map<string, number>();
  for (let index = 0; index < count; index++) {
    const text = (headerRow.cells[index] ?? '').trim();
    const letter = columnLetter(index);
    headers.push({ index, letter, text });
    const key = normalizeHeader(text);
    const params = { sheet, row: headerRow.rowNumber, column: letter, header: text };
    if (!key) {
      if (withData.has(index)) problems.push(problem('missingHeader', params));
      continue;
    }
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else if (!sameByMerge.has(index)) problems.push(problem('duplicateHeader', { ...params, firstColumn: columnLetter(first) }));
  }
  return { headers, problems };
}

/** Columns that hold something in any of these rows. */
export function columnsWithData(rows: Iterable<RawRow>, into = new Set<number>()): Set<number> {
  for (const r of rows) r.cells.forEach((c, i) => c.trim() !== '' && into.add(i));
  return into;
}
