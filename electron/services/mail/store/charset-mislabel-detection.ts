import iconv from 'iconv-lite';
import { hasHighBytes, isUtf8 } from './charset-guessing.ts';
import { FREQUENT_HANZI } from './frequent-hanzi.ts';

/**
 * Labels that name the wrong charset: GBK labelled Latin-1 or Windows-1252, Big5 labelled GBK
 * and GBK labelled Big5 — mislabellings common in mail from China and Taiwan that decode to
 * readable-looking garbage rather than U+FFFD.
 */

/**
 * Labels read as Latin-1 or Windows-1252 (mailparser decodes all of them as one of the two),
 * compared the way iconv-lite compares names.
 */
const LATIN_LABELS = new Set(['iso88591', 'latin1', 'l1', 'cp819', 'ibm819', 'isoir100', 'csisolatin1', 'iso885911987', 'windows1252', 'cp1252', 'iso885915', 'latin9', 'l9']);

type LabelFamily = 'latin' | 'gb' | 'big5';

/** Whether a resolved label names a Western single-byte charset, a GB one or a Big5 one; null for any other. */
function labelFamily(charset: string): LabelFamily | null {
  const key = charset.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (LATIN_LABELS.has(key)) return 'latin';
  let codec: { encodingName?: string };
  try {
    codec = iconv.getCodec(charset) as { encodingName?: string };
  } catch {
    return null;
  }
  if (['cp936', 'gbk', 'gb18030'].includes(codec.encodingName ?? '')) return 'gb';
  if (['big5hkscs', 'cp950'].includes(codec.encodingName ?? '')) return 'big5';
  return null;
}

/** True when the label is one whose text mislabelledCharset() checks. */
export function mayBeMislabelled(charset: string): boolean {
  return labelFamily(charset) !== null;
}

/** True when every 8-bit byte belongs to a GB18030 two- or four-byte character (GBK is its two-byte part). */
function isGb18030(bytes: Uint8Array): boolean {
  const n = bytes.length;
  for (let i = 0; i < n; ) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    if (lead === 0x80 || lead === 0xff || i + 1 >= n) return false;
    const trail = bytes[i + 1]!;
    if ((trail >= 0x40 && trail <= 0x7e) || (trail >= 0x80 && trail <= 0xfe)) {
      i += 2;
    } else if (trail >= 0x30 && trail <= 0x39 && i + 3 < n && bytes[i + 2]! >= 0x81 && bytes[i + 2]! <= 0xfe && bytes[i + 3]! >= 0x30 && bytes[i + 3]! <= 0x39) {
      i += 4;
    } else {
      return false;
    }
  }
  return true;
}

const isAsciiLetter = (b: number | undefined) => b !== undefined && ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a));

/**
 * Share of the 8-bit bytes that stand where a Western language puts its accented letters and
 * symbols: alone ("à", "©", "R\xe9union") or two or three together inside a word ("informa\xe7\xe3o").
 * Chinese in a two-byte charset comes as runs of at least two bytes, most of them four or more,
 * between spaces and punctuation rather than glued to ASCII letters.
 */
function latinShapedShare(bytes: Uint8Array): number {
  let high = 0;
  let latin = 0;
  const n = bytes.length;
  for (let i = 0; i < n; ) {
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && bytes[j]! >= 0x80) j++;
    const run = j - i;
    high += run;
    if (run === 1 || (run <= 3 && (isAsciiLetter(bytes[i - 1]) || isAsciiLetter(bytes[j])))) latin += run;
    i = j;
  }
  return high === 0 ? 1 : latin / high;
}

interface ChineseReading {
  /** Han characters. */
  han: number;
  /** Han characters among the frequent ones. */
  frequent: number;
  /** How many different frequent ones: a repeated character ("聽聽聽" from UTF-8 no-break spaces) is one. */
  distinct: number;
  /** Characters a wrong two-byte decoding produces and Chinese text hardly has: kana, Greek, Cyrillic, bopomofo, Hangul, accented Latin. */
  odd: number;
  /** U+FFFD or private-use characters: bytes the charset has no character for, or only a user-defined one. */
  broken: number;
}

// FREQUENT_HANZI by UTF-16 code unit (all of it is in the Basic Multilingual Plane), for a fast scan.
let frequentTable: Uint8Array | null = null;

function readChinese(text: string): ChineseReading {
  if (!frequentTable) {
    frequentTable = new Uint8Array(0x10000);
    for (const ch of FREQUENT_HANZI) if (ch.length === 1) frequentTable[ch.charCodeAt(0)] = 1;
  }
  const seen = new Set<number>();
  const r: ChineseReading = { han: 0, frequent: 0, distinct: 0, odd: 0, broken: 0 };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) {
      r.han++;
      if (frequentTable[c]) {
        r.frequent++;
        if (!seen.has(c)) {
          seen.add(c);
          r.distinct++;
        }
      }
    } else if (c >= 0xd800 && c <= 0xdbff) {
      // Astral: supplementary hanzi (rare, never frequent) or supplementary private use.
      if (c >= 0xdb80) r.broken++;
      else r.han++;
      i++;
    } else if (c === 0xfffd || (c >= 0xe000 && c <= 0xf8ff)) {
      r.broken++;
    } else if (
      (c >= 0xc0 && c <= 0x24f) ||
      (c >= 0x370 && c <= 0x52f) ||
      (c >= 0x3040 && c <= 0x30ff) ||
      (c >= 0x3100 && c <= 0x312f) ||
      (c >= 0x1100 && c <= 0x11ff) ||
      (c >= 0x3130 && c <= 0x318f) ||
      (c >= 0xac00 && c <= 0xd7af)
    ) {
      r.odd++;
    }
  }
  return r;
}

/** How much a decoding reads as ordinary Chinese: frequent hanzi among all hanzi and odd characters (0 to 1). */
function chineseScore(r: ChineseReading): number {
  return r.han + r.odd === 0 ? 0 : r.frequent / (r.han + r.odd);
}

/** Below this score a decoding is not taken for Chinese (as CJK_MIN_SHARE in charset-guessing.ts for unlabelled text). */
const MISLABEL_MIN_SCORE = 0.5;
/** How many different frequent hanzi a reading needs before it can overrule a label. */
const MISLABEL_MIN_FREQUENT = 2;
/** How much better than the labelled GB or Big5 reading the other must read, when neither is broken. */
const MISLABEL_LEAD = 0.3;
/** Above this share of Latin-shaped 8-bit bytes, Latin-labelled text is taken for what it says. */
const MISLABEL_MAX_LATIN_SHAPED = 0.2;
/** How many bytes are decoded to score the readings: thousands of characters, plenty to judge by. */
const MISLABEL_SCORED_BYTES = 16 * 1024;

/** A reading that can overrule a label: nothing broken, and enough of it reads as ordinary Chinese. */
function convincing(r: ChineseReading): boolean {
  return r.broken === 0 && r.distinct >= MISLABEL_MIN_FREQUENT && chineseScore(r) >= MISLABEL_MIN_SCORE;
}

/** The first `max` bytes or so, cut after a byte below 0x30 so that no character is cut in two. */
function leadingBytes(bytes: Uint8Array, max: number): Buffer {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length <= max) return buffer;
  let cut = max;
  while (cut > 0 && buffer[cut - 1]! >= 0x30) cut--;
  return buffer.subarray(0, cut > 0 ? cut : max);
}

/**
 * The charset 8-bit text is really in when its label names the wrong one, or null to keep
 * the label. Two mislabellings are common in mail from China and Taiwan, and both come out as
 * readable-looking garbage with no replacement character to give them away:
 *
 * - GBK/GB18030 labelled ISO-8859-1 or Windows-1252 (old gateways and webmail stamp their own
 *   default on everything). Overruled only when every 8-bit byte belongs to a GB18030
 *   character, the Latin reading is implausible (no more than a fifth of the 8-bit bytes
 *   stand alone or in short runs next to ASCII letters, where accented letters and symbols
 *   do), and the GB reading has no U+FFFD or user-defined character and at least half of its
 *   hanzi are frequent ones (two different ones at least). Real French, German, Spanish or
 *   Portuguese fails the first two tests on its own: "café " is no GB18030 character, and
 *   accented letters sit inside words. Big5 is read instead when its reading scores clearly
 *   better (it rarely gets this far: half of Big5's second bytes are ASCII letters).
 * - Big5 labelled GB2312/GBK/GB18030, or GBK labelled Big5. Overruled when the other reading
 *   is convincing (as above) and the labelled one has U+FFFD or user-defined characters (Big5
 *   punctuation falls in GBK's user-defined area), or reads clearly worse: its score at least
 *   0.3 lower, odd characters (kana, Greek, Cyrillic: where GB2312 puts them Big5 puts common
 *   hanzi) counting as rare hanzi.
 *
 * Valid UTF-8 is never reinterpreted (a UTF-8 no-break space, C2 A0, is the GBK 聽). The
 * byte checks read all of `bytes`, the readings its first 16 kB; callers pass a sample of a
 * long body.
 */
export function mislabelledCharset(label: string, bytes: Uint8Array): 'gb18030' | 'big5' | null {
  const family = labelFamily(label);
  if (family === null || !hasHighBytes(bytes) || isUtf8(bytes)) return null;
  const scored = leadingBytes(bytes, MISLABEL_SCORED_BYTES);
  if (family === 'latin') {
    if (!isGb18030(bytes) || latinShapedShare(bytes) > MISLABEL_MAX_LATIN_SHAPED) return null;
    const gb = readChinese(iconv.decode(scored, 'gb18030'));
    if (gb.broken === 0 && chineseScore(gb) > 1 - MISLABEL_LEAD) return convincing(gb) ? 'gb18030' : null;
    const big5 = readChinese(iconv.decode(scored, 'big5'));
    if (convincing(big5) && chineseScore(big5) - chineseScore(gb) >= MISLABEL_LEAD) return 'big5';
    return convincing(gb) ? 'gb18030' : null;
  }
  const labelled = readChinese(iconv.decode(scored, family === 'gb' ? 'gb18030' : 'big5'));
  // Nothing can read clearly better than a clean reading this good: spare the second decoding.
  if (labelled.broken === 0 && chineseScore(labelled) > 1 - MISLABEL_LEAD) return null;
  const other = family === 'gb' ? 'big5' : 'gb18030';
  const reading = readChinese(iconv.decode(scored, other));
  if (!convincing(reading)) return null;
  const worse = labelled.broken > 0 ? chineseScore(reading) > chineseScore(labelled) : chineseScore(reading) - chineseScore(labelled) >= MISLABEL_LEAD;
  return worse ? other : null;
}
