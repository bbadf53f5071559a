import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../../../db/database.ts';
import type { CallOutput, ParsedInput } from '../../../../shared/contract/contract.ts';
import { fail } from '../../../../shared/contract/result.ts';
import { productModelKey } from '../../../../shared/domain/product-model.ts';
import { openContactFile } from '../../imports/contacts/contact-file.reader.ts';
import type { SheetInfo } from '../../imports/contacts/contact-sheet.types.ts';
import { insertCategory } from '../category.queries.ts';
import { insertProductImage } from '../product-image.queries.ts';
import type { ProductImageStore } from '../product-images.ts';
import { normalizeHeader } from '../../imports/contacts/contact-fields.ts';
import { headerSetKey } from '../../imports/contact-import/contact-mappings.ts';
import { PRODUCT_IMPORT_TARGETS, mapProductColumns, recognizeProductHeader, type ImportTarget, type MappedColumn } from './product-import-fields.ts';
import { categoriesByName, insertImportedProduct, liveProductsByKey, savedProductMapping, saveProductMapping, updateImportedProduct } from './product-import.queries.ts';
import { readProductRow, type ReadRow } from './product-import-row.ts';

type Input = ParsedInput<'products.import'>;
type Report = CallOutput<'products.import'>;
type GoodRow = Extract<ReadRow, { ok: true }>;

/** Rows per transaction: a crash keeps whole chunks, and a rerun upserts the rest without duplicates. */
const CHUNK_ROWS = 500;
const MAX_SKIPPED_LISTED = 1000;
const MAX_UNMATCHED_LISTED = 100;
const IMAGE_FILE = /\.(jpe?g|png)$/i;

export interface ImportDeps {
  db: Db;
  now: () => number;
  newId: () => string;
  images: ProductImageStore;
}

function refuse(field: string, message: string, params: Record<string, string>): never {
  return fail('validation', message, params, [{ path: field, message, params }]);
}

/** Image files of the folder by the model key of their name ("bv-100.JPG" → BV100). */
function imagesByModel(folder: string): Map<string, string[]> {
  if (!path.isAbsolute(folder)) refuse('imageFolder', 'products.import.imageFolderNotAbsolute', { folder });
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return refuse('imageFolder', 'products.import.imageFolderUnreadable', { folder });
  }
  const out = new Map<string, string[]>();
  for (const name of names.filter((n) => IMAGE_FILE.test(n)).sort()) {
    const key = productModelKey(name.replace(IMAGE_FILE, ''));
    if (key) out.set(key, [...(out.get(key) ?? []), path.join(folder, name)]);
  }
  return out;
}

/** The header row is the first with two product headers, not a row of the supplier's "联系人 / 电话" above it. */
const openProductSheet = (file: string) => openContactFile(file, { isKnownHeader: (cell) => recognizeProductHeader(cell) !== null });

interface PickedSheet {
  sheet: SheetInfo;
  columns: MappedColumn[];
  /** The mapping chosen last time for these headers was applied. */
  remembered: boolean;
}

/**
 * The first sheet with a model column, and its mapping: the caller's choices first, then the
 * mapping last chosen for a sheet with the same headers (a supplier's next price list), then
 * what the headers name.
 */
async function pickSheet(db: Db, sheets: readonly SheetInfo[], input: Pick<Input, 'path' | 'mapping'>): Promise<PickedSheet> {
  for (const sheet of sheets) {
    const saved = await savedProductMapping(db, headerSetKey(sheet.headers));
    const remembered: Record<string, ImportTarget> = {};
    for (const [header, target] of Object.entries(saved ?? {})) if ((PRODUCT_IMPORT_TARGETS as readonly string[]).includes(target)) remembered[header] = target as ImportTarget;
    const columns = mapProductColumns(sheet.headers, { ...remembered, ...input.mapping });
    if (columns.some((c) => c.target === 'model')) return { sheet, columns, remembered: saved !== null && !input.mapping };
  }
  return refuse('path', 'products.import.noModelColumn', { file: path.basename(input.path) });
}

/** Keeps a mapping the user chose, for the next sheet with these headers. */
async function rememberMapping(db: Db, picked: PickedSheet, now: number): Promise<void> {
  const mapping: Record<string, string> = {};
  for (const c of picked.columns) if (normalizeHeader(c.text)) mapping[normalizeHeader(c.text)] = c.target;
  await saveProductMapping(db, headerSetKey(picked.sheet.headers), mapping, now);
}

const PREVIEW_ROWS = 5;

/** The sheet's columns as the import would map them, each with its first values. */
export async function previewProductImport(db: Db, input: Pick<Input, 'path' | 'mapping'>): Promise<CallOutput<'products.previewImport'>> {
  if (!path.isAbsolute(input.path)) refuse('path', 'products.import.notAbsolute', { file: input.path });
  const file = await openProductSheet(input.path);
  if (file.format === 'vcard') refuse('path', 'products.import.notSheet', { file: path.basename(input.path) });
  const { sheet, columns, remembered } = await pickSheet(db, file.sheets, input);
  const samples = columns.map(() => [] as string[]);
  let read = 0;
  for await (const row of file.rows(sheet.index)) {
    columns.forEach((c, i) => {
      const value = (row.cells[c.index] ?? '').trim();
      if (value) samples[i]!.push(value.slice(0, 80));
    });
    if (++read >= PREVIEW_ROWS) break;
  }
  return { sheet: sheet.name, remembered, columns: columns.map((c, i) => ({ letter: c.letter, header: c.text, target: c.target, samples: samples[i]! })) };
}

/**
 * Imports a product sheet: rows are read as they stream from the file, CHUNK_ROWS at a time,
 * and each chunk is written in one transaction — a model already live is updated with what its
 * row holds, a new one created; a category named in the sheet is found by name or made. Images
 * whose file name is a row's model are added to that product after its chunk (an image it has
 * already is not added twice). Returns what happened, with each skipped row and why.
 */
export async function importProducts(deps: ImportDeps, input: Input): Promise<Report> {
  if (!path.isAbsolute(input.path)) refuse('path', 'products.import.notAbsolute', { file: input.path });
  const images = input.imageFolder ? imagesByModel(input.imageFolder) : new Map<string, string[]>();
  const file = await openProductSheet(input.path);
  if (file.format === 'vcard') refuse('path', 'products.import.notSheet', { file: path.basename(input.path) });
  const picked = await pickSheet(deps.db, file.sheets, input);
  const { sheet, columns } = picked;
  const report: Report = { sheet: sheet.name, columns: columns.map((c) => ({ letter: c.letter, header: c.text, target: c.target })), created: 0, updated: 0, imagesAdded: 0, imagesUnmatched: [], skippedCount: 0, skipped: [] };
  const skip = (rowNumber: number, message: string, params: Record<string, string | number>) => {
    report.skippedCount += 1;
    if (report.skipped.length < MAX_SKIPPED_LISTED) report.skipped.push({ row: rowNumber, message, params });
  };
  const seen = new Map<string, number>();
  const matched = new Set<string>();
  let chunk: GoodRow[] = [];
  const flush = async () => {
    const ids = await writeChunk(deps, chunk, report);
    for (const [key, id] of ids) {
      const files = images.get(key);
      if (!files) continue;
      matched.add(key);
      for (const f of files) if (await addImage(deps, id, f)) report.imagesAdded += 1;
    }
    chunk = [];
  };
  for await (const row of file.rows(sheet.index)) {
    const read = readProductRow(row, { columns, listCurrency: input.listCurrency, costCurrency: input.costCurrency });
    if (!read.ok) {
      skip(read.rowNumber, read.message, read.params);
      continue;
    }
    const first = seen.get(read.modelKey);
    if (first !== undefined) {
      skip(read.rowNumber, 'products.import.repeatedModel', { model: read.model, firstRow: first });
      continue;
    }
    seen.set(read.modelKey, read.rowNumber);
    chunk.push(read);
    if (chunk.length >= CHUNK_ROWS) await flush();
  }
  await flush();
  if (input.mapping) await rememberMapping(deps.db, picked, deps.now());
  report.imagesUnmatched = [...images].filter(([key]) => !matched.has(key)).flatMap(([, files]) => files.map((f) => path.basename(f))).slice(0, MAX_UNMATCHED_LISTED);
  return report;
}

/** Writes one chunk in a transaction; returns each row's product id by model key. */
async function writeChunk(deps: ImportDeps, rows: readonly GoodRow[], report: Report): Promise<Map<string, string>> {
  if (rows.length === 0) return new Map();
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.now();
    const live = await liveProductsByKey(trx, rows.map((r) => r.modelKey));
    const categories = await categoriesByName(trx);
    const ids = new Map<string, string>();
    for (const row of rows) {
      let categoryId: string | null = null;
      if (row.category) {
        const name = row.category.trim().toLowerCase();
        categoryId = categories.get(name) ?? null;
        if (!categoryId) {
          categoryId = deps.newId();
          const chinese = /\p{Script=Han}/u.test(row.category);
          await insertCategory(trx, categoryId, { nameEn: row.category, nameZh: chinese ? row.category : null, attributes: [] }, now);
          categories.set(name, categoryId);
        }
      }
      const existing = live.get(row.modelKey);
      if (existing) {
        await updateImportedProduct(trx, existing, { ...row, categoryId }, now);
        report.updated += 1;
        ids.set(row.modelKey, existing);
      } else {
        const id = deps.newId();
        await insertImportedProduct(trx, { ...row, id, categoryId }, now);
        report.created += 1;
        ids.set(row.modelKey, id);
      }
    }
    return ids;
  });
}

/** Adds the image file to the product; false when it is no image or the product has it already. */
async function addImage(deps: ImportDeps, productId: string, file: string): Promise<boolean> {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return false;
  }
  const stored = await deps.images.addBytes(bytes);
  if (!stored) return false;
  return insertProductImage(deps.db, productId, { ...stored, fileName: path.basename(file) }, deps.now());
}
