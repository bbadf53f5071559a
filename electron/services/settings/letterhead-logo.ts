import fs from 'node:fs';
import path from 'node:path';
import { fail } from '../../../shared/contract/result.ts';
import type { LetterheadLogo } from '../../../shared/contract/letterhead.contract.ts';
import { createAttachmentStore } from '../mail/store/attachment-store.ts';

/**
 * The letterhead's logo: a PNG or JPEG the user chose by path, copied into the data folder under
 * its SHA-256 (`letterhead/<ab>/<sha256>`, the attachment store's layout), so the quote documents
 * do not depend on the original file staying where it was, and a backup of the settings names
 * the same picture. Its kind is known from its first bytes, not its file name.
 */

/** A logo is printed about 110 × 56 pt: anything bigger than this only swells every PDF. */
export const MAX_LOGO_BYTES = 2 * 1024 * 1024;
const FIELD = 'letterhead.logoPath';

export type LogoKind = 'png' | 'jpeg';

/** PNG or JPEG by their signatures; null for anything else (pdfkit and exceljs take only these two). */
export function logoKind(bytes: Uint8Array): LogoKind | null {
  const starts = (signature: number[]) => signature.every((b, i) => bytes[i] === b);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts([0xff, 0xd8, 0xff])) return 'jpeg';
  return null;
}

const logoStore = (dataDir: string) => createAttachmentStore(path.join(dataDir, 'letterhead'));

function refuse(message: string, file: string): never {
  const params = { file };
  return fail('validation', message, params, [{ path: FIELD, message, params }]);
}

function readChosen(file: string): Buffer {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return refuse('quoteDocuments.errors.logoUnreadable', file);
  }
  if (!stat.isFile()) refuse('quoteDocuments.errors.logoUnreadable', file);
  if (stat.size > MAX_LOGO_BYTES) refuse('quoteDocuments.errors.logoTooLarge', file);
  try {
    return fs.readFileSync(file);
  } catch {
    return refuse('quoteDocuments.errors.logoUnreadable', file);
  }
}

/** Checks the chosen file and stores a copy; a refusal names the file under the logo field. */
export function storeLogo(dataDir: string, file: string): LetterheadLogo {
  if (!path.isAbsolute(file)) refuse('quoteDocuments.errors.logoNotAbsolute', file);
  const bytes = readChosen(file);
  const kind = logoKind(bytes);
  if (!kind) refuse('quoteDocuments.errors.logoNotImage', file);
  const { sha256 } = logoStore(dataDir).put(bytes);
  return { sha256, mimeType: kind === 'png' ? 'image/png' : 'image/jpeg' };
}

/** The stored logo's bytes; null when it is gone from the data folder (the documents are made without it). */
export function readLogo(dataDir: string, logo: LetterheadLogo | null): Buffer | null {
  if (!logo) return null;
  const store = logoStore(dataDir);
  return store.has(logo.sha256) ? store.read(logo.sha256) : null;
}
