import iconv from 'iconv-lite';
import { isUtf8 } from './charset-guessing.ts';

/**
 * Repairing charset labels: turning the labels real mail carries (Microsoft aliases, bare
 * code-page numbers, junk run on after the name, UTF-16 without a stated byte order, a label
 * only the HTML itself states) into names mailparser decodes.
 */

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
