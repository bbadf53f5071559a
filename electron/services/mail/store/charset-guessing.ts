import iconv from 'iconv-lite';
import { FREQUENT_HANZI } from './frequent-hanzi.ts';

/**
 * Guessing the charset of 8-bit mail text that carries no usable label: strict UTF-8 first,
 * else Windows-1252, GB18030 or Big5 by where the bytes fall and how the decodings read.
 * The byte checks here (isUtf8, hasHighBytes) are shared with label repair and mislabel
 * detection.
 */

export type GuessedCharset = 'utf-8' | 'gb18030' | 'big5' | 'windows-1252';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Strict UTF-8: a decoder that refuses any malformed sequence. */
export function isUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function hasHighBytes(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return true;
  return false;
}

/**
 * Share of double-byte characters that fall where the frequent characters of an encoding
 * live: GB2312 punctuation and level-1 hanzi for GBK/GB18030; punctuation and the common-
 * character block (常用字) for Big5. Both encodings accept nearly any byte pair, so validity
 * alone cannot tell them apart; where the text's characters land can.
 */
function commonShare(bytes: Uint8Array, isCommon: (lead: number, trail: number) => boolean): number {
  let pairs = 0;
  let common = 0;
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const trail = bytes[i + 1];
    pairs++;
    if (trail === undefined) break;
    if (isCommon(lead, trail)) common++;
    // GB18030 four-byte sequences have a digit as second byte.
    i += trail >= 0x30 && trail <= 0x39 ? 4 : 2;
  }
  return pairs === 0 ? 0 : common / pairs;
}

const gbCommon = (lead: number, trail: number) =>
  trail >= 0xa1 && trail <= 0xfe && ((lead >= 0xa1 && lead <= 0xa3) || (lead >= 0xb0 && lead <= 0xd7));
const big5Common = (lead: number, trail: number) =>
  ((trail >= 0x40 && trail <= 0x7e) || (trail >= 0xa1 && trail <= 0xfe)) && lead >= 0xa1 && lead <= 0xc6;

/** Below this share of frequent characters the bytes are not Chinese at all but Western 8-bit text. */
const CJK_MIN_SHARE = 0.5;
/** How far apart the two shares must be for the byte layout alone to decide. */
const CLEAR_LEAD = 0.15;

/**
 * Share of double-byte characters that stand next to another one. Chinese comes in runs of
 * characters; the accented letters of French or German text stand alone between ASCII
 * letters ("R\xe9union"), even where they happen to form a valid Big5 pair with the next letter.
 */
function runShare(bytes: Uint8Array): number {
  const wide: boolean[] = [];
  for (let i = 0; i < bytes.length; ) {
    if (bytes[i]! < 0x81) {
      wide.push(false);
      i++;
    } else {
      wide.push(true);
      i += bytes[i + 1] !== undefined && bytes[i + 1]! >= 0x30 && bytes[i + 1]! <= 0x39 ? 4 : 2;
    }
  }
  let total = 0;
  let inRun = 0;
  for (let i = 0; i < wide.length; i++) {
    if (!wide[i]) continue;
    total++;
    if (wide[i - 1] || wide[i + 1]) inRun++;
  }
  return total === 0 ? 0 : inRun / total;
}

function frequentShare(text: string): number {
  let han = 0;
  let frequent = 0;
  for (const ch of text) {
    if (!/\p{Script=Han}/u.test(ch)) continue;
    han++;
    if (FREQUENT_HANZI.has(ch)) frequent++;
  }
  return han === 0 ? 0 : frequent / han;
}

/**
 * The legacy charset of 8-bit text that is not UTF-8: Windows-1252 unless the bytes come in
 * runs of double-byte characters; then GB18030 or Big5, whichever puts more of the text where
 * its frequent characters are encoded, and when that is close, whichever reads as more
 * frequent characters (GB18030 on a tie: most of our users' correspondents write Simplified
 * Chinese).
 */
export function legacyCharset(bytes: Uint8Array): Exclude<GuessedCharset, 'utf-8'> {
  if (runShare(bytes) < CJK_MIN_SHARE) return 'windows-1252';
  const gb = commonShare(bytes, gbCommon);
  const big5 = commonShare(bytes, big5Common);
  if (Math.max(gb, big5) < CJK_MIN_SHARE) return 'windows-1252';
  if (Math.abs(gb - big5) >= CLEAR_LEAD) return big5 > gb ? 'big5' : 'gb18030';
  const buffer = Buffer.from(bytes);
  return frequentShare(iconv.decode(buffer, 'big5')) > frequentShare(iconv.decode(buffer, 'gb18030')) ? 'big5' : 'gb18030';
}

/** True when the bytes hold a UTF-8 sequence of three or four bytes (all of CJK is there). */
function hasLongUtf8(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0xe0 && b <= 0xf4) return true;
  return false;
}

/**
 * The charset of unlabelled 8-bit text: strict UTF-8 first, then a legacy charset; null for
 * pure ASCII. Short GBK can be valid UTF-8 by accident (谢谢 = D0BB D0BB = "лл"): UTF-8 made only
 * of two-byte sequences loses to a legacy reading made of frequent Chinese characters.
 */
export function detectCharset(bytes: Uint8Array): GuessedCharset | null {
  if (!hasHighBytes(bytes)) return null;
  if (isUtf8(bytes)) {
    if (hasLongUtf8(bytes)) return 'utf-8';
    const legacy = legacyCharset(bytes);
    if (legacy !== 'windows-1252' && frequentShare(iconv.decode(Buffer.from(bytes), legacy)) >= CJK_MIN_SHARE) return legacy;
    return 'utf-8';
  }
  return legacyCharset(bytes);
}

/** Decodes bytes of unknown charset as detectCharset() decides. */
export function decodeUnlabelled(bytes: Buffer): string {
  const charset = detectCharset(bytes);
  if (charset === null) return bytes.toString('latin1');
  return charset === 'utf-8' ? bytes.toString('utf8') : iconv.decode(bytes, charset);
}
