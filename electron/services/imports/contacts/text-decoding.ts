import iconv from 'iconv-lite';
import { detectCharset } from '../../mail/store/charset-guessing.ts';
import type { TextEncoding } from './contact-sheet.types.ts';

export interface DetectedEncoding {
  encoding: TextEncoding;
  /** Bytes of byte-order mark to skip before decoding. */
  bomLength: number;
}

/**
 * Share of NUL bytes on one side of the byte pairs above which unlabelled text is UTF-16:
 * ASCII in UTF-16LE puts a NUL in every odd byte, and Excel's "Unicode text" is mostly ASCII
 * (delimiters, digits, addresses) even in a Chinese sheet.
 */
const UTF16_NUL_SHARE = 0.3;

function utf16WithoutBom(bytes: Uint8Array): TextEncoding | null {
  const pairs = Math.floor(Math.min(bytes.length, 4096) / 2);
  if (pairs === 0) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  if (oddNul / pairs >= UTF16_NUL_SHARE && evenNul / pairs < 0.05) return 'utf-16le';
  if (evenNul / pairs >= UTF16_NUL_SHARE && oddNul / pairs < 0.05) return 'utf-16be';
  return null;
}

/**
 * Bytes up to the last line feed, so a sample cut mid-character does not read as invalid
 * UTF-8. In UTF-8, GBK, GB18030 and Big5 the byte 0x0A only ever stands for a line feed.
 */
function wholeLines(sample: Uint8Array): Uint8Array {
  const end = sample.lastIndexOf(0x0a);
  return end > 0 ? sample.subarray(0, end + 1) : sample;
}

/**
 * The encoding of a text file from its first bytes: a BOM decides; else UTF-16 by where its
 * NUL bytes fall; else the mail store's guessing of unlabelled 8-bit text (strict UTF-8, else
 * GB18030/Big5 by how the bytes read, else Windows-1252). Pure ASCII reads as UTF-8.
 */
export function detectTextEncoding(sample: Uint8Array, wholeFile: boolean): DetectedEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  const utf16 = utf16WithoutBom(sample);
  if (utf16) return { encoding: utf16, bomLength: 0 };
  const guessed = detectCharset(wholeFile ? sample : wholeLines(sample));
  return { encoding: guessed ?? 'utf-8', bomLength: 0 };
}

/** Length of the byte-order mark of `encoding` at the start of `bytes`, if it is there. */
export function bomLength(bytes: Uint8Array, encoding: TextEncoding): number {
  if (encoding === 'utf-8') return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  if (encoding === 'utf-16le') return bytes[0] === 0xff && bytes[1] === 0xfe ? 2 : 0;
  if (encoding === 'utf-16be') return bytes[0] === 0xfe && bytes[1] === 0xff ? 2 : 0;
  return 0;
}

export function decodeText(bytes: Uint8Array, encoding: TextEncoding): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
}

/** A streaming decoder (iconv-lite keeps a character split across chunks whole). */
export function decoderStream(encoding: TextEncoding): NodeJS.ReadWriteStream {
  return iconv.decodeStream(encoding);
}

/**
 * Text that is mostly control characters or undecodable bytes is not a sheet. Tab, CR and
 * LF are what sheets are made of; anything else below U+0020 (and U+FFFD, what a decoder
 * gives for bytes it cannot read) counts against it.
 */
export function looksLikeText(text: string): boolean {
  if (text.length === 0) return true;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffd || c === 0x7f) bad++;
  }
  return bad / text.length < 0.01;
}
