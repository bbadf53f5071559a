import type { Db } from '../../../../db/database.ts';
import type { ColumnTarget, ContactPreview } from '../../../../shared/contract/imports.contract.ts';
import { fail } from '../../../../shared/contract/result.ts';
import { openContactFile } from '../contacts/contact-file.reader.ts';
import { normaliseContactRow, type NormalisedRow } from '../contacts/contact-row.ts';
import type { CsvDelimiter, SheetInfo, TextEncoding } from '../contacts/contact-sheet.types.ts';
import { suggestMapping } from '../contacts/header-mapping.ts';
import { proposedAction } from './contact-chunk-plan.ts';
import { findSavedMapping } from './contact-mappings.ts';
import { matchKeys, matchRows } from './contact-matching.ts';

export interface PreviewInput {
  path: string;
  sheet?: number | undefined;
  mapping?: ColumnTarget[] | undefined;
  savedMapping?: string | undefined;
  encoding?: TextEncoding | undefined;
  delimiter?: CsvDelimiter | undefined;
  rows: number;
}

type PreviewSheet = ContactPreview['sheets'][number];

/** The mapping of a sheet: the caller's for the chosen sheet, else the saved one for its headers, else suggested. */
async function sheetMapping(db: Db, sheet: SheetInfo, input: PreviewInput): Promise<{ mapping: PreviewSheet['mapping']; saved: string | null }> {
  if (input.mapping && (input.sheet ?? 0) === sheet.index) {
    const given = input.mapping;
    return { mapping: sheet.headers.map((h, i) => ({ column: h.index, letter: h.letter, header: h.text, target: given[i] ?? { kind: 'skip' }, confidence: 1, basis: 'given' })), saved: null };
  }
  const saved = await findSavedMapping(db, sheet.headers, input.savedMapping);
  if (input.savedMapping !== undefined && !saved) fail('notFound', 'contactImport.batch.noSuchMapping', { name: input.savedMapping });
  return { mapping: suggestMapping(sheet.headers, saved?.mapping ?? {}), saved: saved?.name ?? null };
}

/** Reads the first rows of each sheet (or the one asked for), normalised and matched; writes nothing. */
export async function previewContacts(db: Db, input: PreviewInput): Promise<ContactPreview> {
  const file = await openContactFile(input.path, { ...(input.encoding ? { encoding: input.encoding } : {}), ...(input.delimiter ? { delimiter: input.delimiter } : {}) });
  const sheets: PreviewSheet[] = [];
  for (const sheet of file.sheets) {
    const { mapping, saved } = await sheetMapping(db, sheet, input);
    const rows: NormalisedRow[] = [];
    const cells: string[][] = [];
    const targets = mapping.map((m) => m.target);
    if (input.sheet === undefined || input.sheet === sheet.index) {
      for await (const row of file.rows(sheet.index)) {
        if (rows.length >= input.rows) break;
        rows.push(normaliseContactRow(row, sheet, targets));
        cells.push(row.cells);
      }
    }
    const matches = await matchRows(db, rows.map((r) => matchKeys(r.contact)));
    sheets.push({
      index: sheet.index,
      name: sheet.name,
      rowUnit: sheet.rowUnit,
      headerRowNumber: sheet.headerRowNumber,
      headers: sheet.headers,
      mapping,
      savedMapping: saved,
      problems: sheet.problems,
      rows: rows.map((r, i) => ({ rowNumber: r.rowNumber, cells: cells[i]!, contact: r.contact, problems: r.problems, match: matches[i] ?? null, action: proposedAction(r, matches[i] ?? null) })),
    });
  }
  return { path: input.path, format: file.format, encoding: file.encoding, delimiter: file.delimiter, sheets };
}
