import iconv from 'iconv-lite';
import { FREQUENT_HANZI } from './frequent-hanzi.ts';

/**
 * Charsets of mail text: guessing the charset of unlabelled 8-bit bytes, and turning the
 * charset labels real mail carries (Microsoft aliases, bare code-page numbers, junk run on
 * after the name, a label only the HTML itself states) into names mailparser decodes.
 */

/* ---------------- guessing the charset of unlabelled 8-bit text ---------------- */

export type GuessedCharset = 'utf-8' | 'gb18030' | 'big5' | 'windows-1252';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function isUtf8(bytes: Uint8Array): boolean {
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

/* ---------------- labels that name the wrong charset ---------------- */

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

/** Below this score a decoding is not taken for Chinese (as CJK_MIN_SHARE for unlabelled text). */
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

/* ---------------- charset labels ---------------- */

/**
 * Labels mailparser cannot decode as written, mapped to names it can (keys compared as
 * lower-case letters and digits only, the way iconv-lite compares names). Microsoft writes
 * "unicode" for UTF-16 in either byte order and "unicodeFFFE" for big-endian; the x-mac-*,
 * koi and x-cp names are ones mailparser's own alias table resolves but iconv-lite does not
 * know, listed so that they count as known here too.
 */
const LABEL_ALIASES = new Map<string, string>([
  ['unicode', 'utf-16'],
  ['csunicode', 'utf-16'],
  ['iso10646ucs2', 'utf-16'],
  ['csutf16', 'utf-16'],
  ['unicodefffe', 'utf-16be'],
  ['unicodebigunmarked', 'utf-16be'],
  ['unicodebig', 'utf-16be'],
  ['csutf16be', 'utf-16be'],
  ['unicodelittleunmarked', 'utf-16le'],
  ['unicodelittle', 'utf-16le'],
  ['csutf16le', 'utf-16le'],
  ['xmacroman', 'macintosh'],
  ['xmacce', 'maccenteuro'],
  ['xmaccyrillic', 'maccyrillic'],
  ['xmacukrainian', 'macukraine'],
  ['xmacgreek', 'macgreek'],
  ['xmacturkish', 'macturkish'],
  ['xmacicelandic', 'maciceland'],
  ['koi', 'koi8-r'],
  ['koi8', 'koi8-r'],
  ['dos874', 'windows-874'],
  ['csisolatin9', 'iso-8859-15'],
  ['xeucjp', 'euc-jp'],
  ['cseucpkdfmtjapanese', 'euc-jp'],
  ['csiso88596e', 'iso-8859-6'],
  ['csiso88596i', 'iso-8859-6'],
  ['iso88596e', 'iso-8859-6'],
  ['iso88596i', 'iso-8859-6'],
  ['csiso88598e', 'iso-8859-8'],
  ['visual', 'iso-8859-8'],
  ['sunengreek', 'iso-8859-7'],
  ...[1250, 1251, 1252, 1253, 1254, 1255, 1256, 1257, 1258].map((n): [string, string] => [`xcp${n}`, `windows-${n}`]),
]);

/**
 * Windows code-page numbers sent as bare labels ("936", "1251"). mailparser reads a label
 * that starts with digits as an ISO-8859 part number ("936" → ISO-8859-936, unknown), so
 * every number is given a name: these where the code page has its own name, `cpNNN`
 * (which iconv-lite knows for the IBM, DOS and Windows pages) for the rest.
 */
const CODE_PAGES = new Map<string, string>([
  ['1200', 'utf-16le'],
  ['1201', 'utf-16be'],
  ['65001', 'utf-8'],
  ['20127', 'us-ascii'],
  ['10000', 'macintosh'],
  ['10006', 'macgreek'],
  ['10007', 'maccyrillic'],
  ['10029', 'maccenteuro'],
  ['10079', 'maciceland'],
  ['10081', 'macturkish'],
  ['20866', 'koi8-r'],
  ['21866', 'koi8-u'],
  ['20932', 'euc-jp'],
  ['51932', 'euc-jp'],
  ['50220', 'iso-2022-jp'],
  ['50221', 'iso-2022-jp'],
  ['50222', 'iso-2022-jp'],
  ['51936', 'gbk'],
  ['54936', 'gb18030'],
  ['51949', 'euc-kr'],
  ...Array.from({ length: 16 }, (_, i): [string, string] => [`${28591 + i}`, `iso-8859-${i + 1}`]),
]);

// Charsets iconv-lite lacks that mailparser decodes with encoding-japanese.
const JAPANESE = /^(?:jis|iso-?2022-?jp|euc-?jp)/i;

/** The name mailparser should be given for a clean label; null when nobody knows it. */
function knownCharset(label: string): string | null {
  const key = label.replace(/[^a-z0-9]/g, '');
  if (key === '') return null;
  const alias = LABEL_ALIASES.get(key);
  if (alias) return alias;
  if (/^\d+$/.test(key)) return CODE_PAGES.get(key) ?? (iconv.encodingExists(`cp${key}`) ? `cp${key}` : null);
  if (JAPANESE.test(label) || iconv.encodingExists(label)) return label;
  return null;
}

export interface ResolvedCharset {
  /** The name to label the part with; the label itself when it needs no change. */
  charset: string;
  /** True when the name was recovered from the start of a label with junk run on after it. */
  repaired: boolean;
}

/**
 * The charset a MIME label names. A label with junk run on after the name
 * (`gb2312;format=flowed` from a misplaced quote, `utf-8"junk`, `windows-1252 x`) names the
 * charset its first word names, as Thunderbird and Outlook read it. Null for a label that
 * names no charset anyone knows.
 */
export function resolveCharsetLabel(label: string): ResolvedCharset | null {
  const name = label.trim().replace(/^["'\s]+/, '').toLowerCase();
  const direct = knownCharset(name);
  if (direct) return { charset: direct, repaired: false };
  const first = /^[a-z0-9][a-z0-9._:+-]*/.exec(name)?.[0]?.replace(/[._:+-]+$/, '');
  if (!first || first === name) return null;
  const recovered = knownCharset(first);
  return recovered ? { charset: recovered, repaired: true } : null;
}

/* ---------------- UTF-16 ---------------- */

type ByteOrder = 'le' | 'be' | 'either';

const UTF16_ORDERS = new Map<string, ByteOrder>([
  ['utf16', 'either'],
  ['ucs2', 'either'],
  ['utf16le', 'le'],
  ['ucs2le', 'le'],
  ['utf16be', 'be'],
  ['ucs2be', 'be'],
]);

/** The byte order a UTF-16 or UCS-2 charset name states; null for any other charset. */
export function utf16Order(charset: string): ByteOrder | null {
  return UTF16_ORDERS.get(charset.toLowerCase().replace(/[^a-z0-9]/g, '')) ?? null;
}

/**
 * The UTF-16 decoder for a part whose first bytes are `head`. A byte-order mark decides,
 * whatever the label says (Microsoft labels both orders "unicode"); without one, a label
 * that names an order keeps it, and one that does not ("utf-16", "ucs-2") leaves iconv-lite
 * to guess from where the zero bytes of Latin text fall (little-endian on a tie, as Windows
 * writes it). iconv-lite drops the mark itself.
 */
export function utf16Charset(order: ByteOrder, head: Uint8Array): ResolvedCharset {
  const bom: ByteOrder | null = head[0] === 0xff && head[1] === 0xfe ? 'le' : head[0] === 0xfe && head[1] === 0xff ? 'be' : null;
  const chosen = bom ?? order;
  return { charset: chosen === 'either' ? 'utf-16' : `utf-16${chosen}`, repaired: bom !== null && order !== 'either' && bom !== order };
}

/* ---------------- the charset an HTML document declares ---------------- */

/** How far into an HTML body a <meta> charset is looked for (browsers look at the first 1024 bytes; mail often has a long head). */
const META_SCAN_BYTES = 16 * 1024;

/**
 * The charset an HTML body declares in `<meta charset>` or `<meta http-equiv="Content-Type"
 * content="…; charset=…">`, resolved; null when it declares none that is known. As in the
 * HTML standard, a UTF-16 declaration read from ASCII-compatible bytes means UTF-8. A UTF-8
 * declaration the bytes break is not believed (templates declare UTF-8 and then carry a
 * Windows-1252 "©"): the caller's guess reads such text better than U+FFFD would.
 */
export function htmlDeclaredCharset(body: Uint8Array): string | null {
  const head = Buffer.from(body.subarray(0, META_SCAN_BYTES)).toString('latin1');
  for (const meta of head.matchAll(/<meta\b[^>]*>/gi)) {
    const declared = /charset\s*=\s*["']?\s*([^"'\s;>/]+)/i.exec(meta[0])?.[1];
    if (!declared) continue;
    const resolved = resolveCharsetLabel(declared);
    if (!resolved) continue;
    const charset = utf16Order(resolved.charset) ? 'utf-8' : resolved.charset;
    return charset.replace(/[^a-z0-9]/gi, '').toLowerCase() === 'utf8' && !isUtf8(body) ? null : charset;
  }
  return null;
}
