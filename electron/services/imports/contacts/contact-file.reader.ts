import fs from 'node:fs/promises';
import path from 'node:path';
import { AppFailure } from '../../../../shared/contract/result.ts';
import type { ContactFile, OpenContactFileOptions } from './contact-sheet.types.ts';
import { openCsv } from './csv-reader.ts';
import { DEFAULT_HEADER_SEARCH_ROWS } from './header-row.ts';
import { FILE_ERROR_KEYS, type FileErrorKind } from './import-problems.ts';
import { bomLength, decodeText, type DetectedEncoding, detectTextEncoding, looksLikeText } from './text-decoding.ts';
import { openVCard } from './vcard-reader.ts';
import { openXlsx } from './xlsx-reader.ts';

/** Enough text to tell the encoding, the delimiter and the header row. */
const SAMPLE_BYTES = 64 * 1024;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** OLE2 compound file: Excel 97–2003 .xls (and .doc, .msg), which exceljs cannot read. */
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

function fileError(kind: FileErrorKind, filePath: string, details?: string): AppFailure {
  return new AppFailure({ code: 'validation', message: FILE_ERROR_KEYS[kind], params: { file: path.basename(filePath) }, ...(details ? { details } : {}) });
}

/** How far into a file whose start is plain ASCII to look for the first non-ASCII text, to tell its encoding. */
const ASCII_LOOKAHEAD_BYTES = 16 * 1024 * 1024;

/**
 * The first stretch of non-ASCII text of a file whose sample was all ASCII (an English sheet
 * whose Chinese rows come later), so its encoding is told from text that has some; null if
 * there is none within the look-ahead.
 */
async function firstNonAscii(filePath: string, from: number): Promise<Buffer | null> {
  const handle = await fs.open(filePath, 'r');
  try {
    const chunk = Buffer.alloc(SAMPLE_BYTES);
    for (let at = from; at < from + ASCII_LOOKAHEAD_BYTES; at += chunk.length) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, at);
      if (bytesRead === 0) return null;
      const high = chunk.subarray(0, bytesRead).findIndex((b) => b >= 0x80);
      if (high < 0) continue;
      // From the line the text is on, so the guess starts on a character boundary.
      const lineStart = chunk.lastIndexOf(0x0a, high) + 1;
      const { bytesRead: n } = await handle.read(chunk, 0, chunk.length, at + lineStart);
      return Buffer.from(chunk.subarray(0, n));
    }
    return null;
  } finally {
    await handle.close();
  }
}

/** The guess, or for a long file whose sample is plain ASCII, the guess from its first non-ASCII text. */
async function laterGuess(filePath: string, sample: Buffer, complete: boolean, guessed: DetectedEncoding): Promise<DetectedEncoding> {
  if (complete || guessed.bomLength > 0 || guessed.encoding !== 'utf-8' || sample.some((b) => b >= 0x80)) return guessed;
  const later = await firstNonAscii(filePath, sample.length);
  return later ? { encoding: detectTextEncoding(later, false).encoding, bomLength: 0 } : guessed;
}

async function readStart(filePath: string): Promise<{ sample: Buffer; size: number }> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(filePath, 'r');
  } catch (error) {
    throw fileError('unreadable', filePath, String(error));
  }
  try {
    const size = (await handle.stat()).size;
    const sample = Buffer.alloc(Math.min(size, SAMPLE_BYTES));
    await handle.read(sample, 0, sample.length, 0);
    return { sample, size };
  } finally {
    await handle.close();
  }
}

/**
 * Opens a contact file by what it holds, whatever its name says: a zip is read as .xlsx, text
 * beginning with BEGIN:VCARD as vCard, other text as CSV (comma, semicolon or tab); anything
 * else fails with an i18n message naming the file (`contactImport.file.*`). Nothing is written.
 *
 * @example
 * const file = await openContactFile('/tmp/客户.xlsx');
 * for (const sheet of file.sheets) {
 *   const mapping = suggestMapping(sheet.headers, saved);
 *   for await (const row of file.rows(sheet.index)) normaliseContactRow(row, sheet, mapping);
 * }
 */
export async function openContactFile(filePath: string, options: OpenContactFileOptions = {}): Promise<ContactFile> {
  const headerSearchRows = options.headerSearchRows ?? DEFAULT_HEADER_SEARCH_ROWS;
  const { sample, size } = await readStart(filePath);
  if (size === 0) throw fileError('empty', filePath);
  const name = path.basename(filePath);
  if (startsWith(sample, ZIP_MAGIC)) {
    try {
      return await openXlsx(filePath, headerSearchRows, options.xlsxStreamingAboveBytes, options.isKnownHeader);
    } catch (error) {
      throw fileError('notWorkbook', filePath, String(error));
    }
  }
  if (startsWith(sample, OLE2_MAGIC)) throw fileError('legacyXls', filePath);
  const complete = size <= sample.length;
  const guessed = detectTextEncoding(sample, complete);
  // Whether it is text at all is judged in the guessed encoding, whatever the caller asks to read it as.
  const text = decodeText(sample.subarray(guessed.bomLength), guessed.encoding);
  if (!looksLikeText(text)) throw fileError('unsupported', filePath);
  if (text.trim() === '') throw fileError('empty', filePath);
  const detected = options.encoding ? { encoding: options.encoding, bomLength: bomLength(sample, options.encoding) } : await laterGuess(filePath, sample, complete, guessed);
  if (/^\s*BEGIN:VCARD/i.test(text)) {
    return openVCard(await fs.readFile(filePath), detected.encoding, detected.bomLength, name);
  }
  return openCsv({ filePath, sheetName: name, sample, complete, detected, headerSearchRows, delimiter: options.delimiter ?? null, ...(options.isKnownHeader ? { isKnownHeader: options.isKnownHeader } : {}) });
}
