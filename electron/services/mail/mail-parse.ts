import iconv from 'iconv-lite';
import { simpleParser, type AddressObject, type EmailAddress, type ParsedMail } from 'mailparser';
import type { AddressRole } from '../../../shared/domain/mail-enums.ts';
import {
  normalizeAddress,
  normalizeMessageId,
  parseMessageIds,
  parseStatusOf,
  snippetOf,
  type ParseWarning,
} from '../../../shared/domain/mail-message.ts';
import type { ParseStatus, SenderAuth } from '../../../shared/domain/mail-enums.ts';
import { FREQUENT_HANZI } from './frequent-hanzi.ts';
import { senderAuthenticationOf } from './sender-authentication.ts';

export interface ParsedAddress {
  role: AddressRole;
  position: number;
  name: string | null;
  address: string;
  domain: string;
}

export interface ParsedAttachment {
  filename: string | null;
  contentType: string;
  size: number;
  content: Buffer;
  contentId: string | null;
  inline: boolean;
}

/** One message as the rest of the app needs it; never thrown away, whatever its state. */
export interface ParsedMessage {
  messageId: string | null;
  inReplyTo: string | null;
  /** References, oldest first. */
  references: string[];
  subject: string | null;
  from: { name: string | null; address: string } | null;
  addresses: ParsedAddress[];
  /** The Date header as epoch ms; null when missing or unreadable. */
  headerDate: number | null;
  text: string | null;
  html: string | null;
  snippet: string | null;
  attachments: ParsedAttachment[];
  status: ParseStatus;
  warnings: ParseWarning[];
  /** Charsets guessed for unlabelled 8-bit text, e.g. ['gb18030']. */
  guessedCharsets: string[];
  /** Whether the receiving server verified the From address (sender-authentication.ts). */
  senderAuth: SenderAuth;
}

/* ---------------- charset detection ---------------- */

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

function hasHighBytes(bytes: Uint8Array): boolean {
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
function legacyCharset(bytes: Uint8Array): Exclude<GuessedCharset, 'utf-8'> {
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

/* ---------------- labelling unlabelled 8-bit text before mailparser sees it ---------------- */

// Labels that promise nothing about 8-bit bytes; a part carrying them is treated as unlabelled.
const MEANINGLESS_CHARSETS = new Set(['', 'us-ascii', 'ascii', 'x-unknown', 'unknown', 'unknown-8bit', 'x-user-defined', 'default', 'none']);
const MAX_DEPTH = 30;

interface Edit {
  start: number;
  end: number;
  bytes: Buffer;
}

interface Prepared {
  source: Buffer;
  guessed: Set<GuessedCharset>;
  unterminatedMultipart: boolean;
  noHeaders: boolean;
}

/** An entity whose header or text needs a charset decision. */
interface Site {
  start: number;
  headerEnd: number;
  header: string;
  /** The header block has 8-bit bytes that are not UTF-8. */
  legacyHeader: boolean;
  /** Unlabelled 8-bit text body (transfer-decoded), or null. */
  body: Buffer | null;
  hadLabel: boolean;
}

interface HeaderInfo {
  contentType: string | null;
  params: Map<string, string>;
  transferEncoding: string;
}

function readHeaders(block: string): HeaderInfo {
  const unfolded = block.replace(/\r?\n[ \t]+/g, ' ');
  let contentType: string | null = null;
  let params = new Map<string, string>();
  let transferEncoding = '7bit';
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'content-type' && contentType === null) {
      const [type = '', ...rest] = value.split(';');
      contentType = type.trim().toLowerCase();
      params = new Map();
      for (const m of `;${rest.join(';')}`.matchAll(/;\s*([^=\s;]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g)) {
        params.set(m[1]!.toLowerCase(), m[2]!.trim().replace(/^"|"$/g, ''));
      }
    } else if (name === 'content-transfer-encoding') {
      transferEncoding = value.toLowerCase();
    }
  }
  return { contentType, params, transferEncoding };
}

function decodeTransfer(body: string, encoding: string): Buffer {
  if (encoding === 'base64') return Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  if (encoding === 'quoted-printable') {
    const unwrapped = body.replace(/=\r?\n/g, '');
    return Buffer.from(unwrapped.replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1');
  }
  return Buffer.from(body, 'latin1');
}

function withCharset(headerBlock: string, charset: string, hadLabel: boolean): string {
  const ct = /^content-type[ \t]*:.*(?:\r?\n[ \t].*)*/im;
  if (!ct.test(headerBlock)) {
    const newline = headerBlock.includes('\r\n') || headerBlock.length === 0 ? '\r\n' : '\n';
    return `${headerBlock}Content-Type: text/plain; charset=${charset}${newline}`;
  }
  return headerBlock.replace(ct, (line) =>
    hadLabel ? line.replace(/charset\s*=\s*("[^"]*"|[^;\s]*)/i, `charset=${charset}`) : `${line}; charset=${charset}`,
  );
}

/**
 * Returns the message with every unlabelled 8-bit header block transcoded to UTF-8 and every
 * unlabelled text part given the charset it is written in, so that mailparser decodes raw GBK
 * or Big5 correctly. Only header blocks are rewritten; bodies keep their bytes. The stored
 * original is never this buffer.
 */
export function labelCharsets(raw: Buffer): Prepared {
  const s = raw.toString('latin1');
  const sites: Site[] = [];
  let unterminatedMultipart = false;

  const firstLine = /^[^\r\n]*/.exec(s)?.[0] ?? '';
  const noHeaders = !/^[!-9;-~]+[ \t]*:/.test(firstLine) && !/^From /.test(firstLine);

  function walk(start: number, end: number, depth: number, defaultType: string): void {
    if (depth > MAX_DEPTH || start >= end) return;
    let headerEnd: number;
    let bodyStart: number;
    if (s.startsWith('\r\n', start)) {
      headerEnd = start;
      bodyStart = start + 2;
    } else if (s[start] === '\n') {
      headerEnd = start;
      bodyStart = start + 1;
    } else {
      const a = s.indexOf('\n\r\n', start);
      const b = s.indexOf('\n\n', start);
      const i = Math.min(a >= 0 && a < end ? a : Infinity, b >= 0 && b < end ? b : Infinity);
      if (i === Infinity) {
        headerEnd = end;
        bodyStart = end;
      } else {
        headerEnd = i + 1;
        bodyStart = i === a ? i + 3 : i + 2;
      }
    }
    const header = s.slice(start, headerEnd);
    const info = readHeaders(header);
    const headerBytes = /[\x80-\xff]/.test(header) ? Buffer.from(header, 'latin1') : null;
    const site: Site = {
      start,
      headerEnd,
      header,
      legacyHeader: headerBytes !== null && detectCharset(headerBytes) !== 'utf-8',
      body: null,
      hadLabel: false,
    };

    const type = info.contentType ?? defaultType;
    if (type.startsWith('multipart/')) {
      const boundary = info.params.get('boundary');
      if (boundary) walkMultipart(bodyStart, end, boundary, depth, type === 'multipart/digest' ? 'message/rfc822' : 'text/plain');
    } else if (type === 'message/rfc822' || type === 'message/global') {
      if (!['base64', 'quoted-printable'].includes(info.transferEncoding)) walk(bodyStart, end, depth + 1, 'text/plain');
    } else if (type.startsWith('text/')) {
      const label = (info.params.get('charset') ?? '').toLowerCase();
      if (MEANINGLESS_CHARSETS.has(label)) {
        const body = decodeTransfer(s.slice(bodyStart, end), info.transferEncoding);
        if (hasHighBytes(body)) {
          site.body = body;
          site.hadLabel = label !== '';
        }
      }
    }
    if (site.legacyHeader || site.body) sites.push(site);
  }

  function walkMultipart(start: number, end: number, boundary: string, depth: number, partDefault: string): void {
    const delimiter = `--${boundary}`;
    let partStart = -1;
    let closed = false;
    let pos = start;
    while (pos < end) {
      const i = s.indexOf(delimiter, pos);
      if (i < 0 || i >= end) break;
      const after = i + delimiter.length;
      if (i !== start && s[i - 1] !== '\n') {
        pos = after;
        continue;
      }
      if (partStart >= 0) walk(partStart, lineEndBefore(i, partStart), depth + 1, partDefault);
      if (s.startsWith('--', after)) {
        closed = true;
        break;
      }
      const nl = s.indexOf('\n', after);
      partStart = nl < 0 || nl >= end ? end : nl + 1;
      pos = partStart;
    }
    if (!closed) {
      unterminatedMultipart = true;
      if (partStart >= 0) walk(partStart, end, depth + 1, partDefault);
    }
  }

  // The line break before a delimiter belongs to the delimiter.
  function lineEndBefore(i: number, floor: number): number {
    let e = i;
    if (e > floor && s[e - 1] === '\n') e--;
    if (e > floor && s[e - 1] === '\r') e--;
    return e;
  }

  if (!noHeaders) walk(0, s.length, 0, 'text/plain');
  const guessed = new Set<GuessedCharset>();
  if (sites.length === 0) return { source: raw, guessed, unterminatedMultipart, noHeaders };

  // One message is written in one charset: decide it from all its unlabelled non-UTF-8 bytes
  // together, so a short attachment name is read the same way as the body around it.
  const legacyParts: Buffer[] = [];
  for (const site of sites) {
    if (site.legacyHeader) legacyParts.push(Buffer.from(site.header, 'latin1'));
    if (site.body && detectCharset(site.body) !== 'utf-8') legacyParts.push(site.body);
  }
  const legacy = legacyParts.length > 0 ? legacyCharset(Buffer.concat(legacyParts)) : null;

  const edits: Edit[] = [];
  for (const site of sites) {
    let header = site.header;
    let utf8 = false;
    if (site.legacyHeader && legacy) {
      header = iconv.decode(Buffer.from(site.header, 'latin1'), legacy);
      utf8 = true;
      guessed.add(legacy);
    }
    if (site.body) {
      const charset = detectCharset(site.body) === 'utf-8' ? 'utf-8' : (legacy ?? 'utf-8');
      header = withCharset(header, charset, site.hadLabel);
      guessed.add(charset as GuessedCharset);
    }
    edits.push({ start: site.start, end: site.headerEnd, bytes: Buffer.from(header, utf8 ? 'utf8' : 'latin1') });
  }
  edits.sort((x, y) => x.start - y.start);
  const pieces: Buffer[] = [];
  let at = 0;
  for (const e of edits) {
    pieces.push(raw.subarray(at, e.start), e.bytes);
    at = e.end;
  }
  pieces.push(raw.subarray(at));
  return { source: Buffer.concat(pieces), guessed, unterminatedMultipart, noHeaders };
}

/* ---------------- parsing ---------------- */

const MAX_HTML_TO_TEXT = 2 * 1024 * 1024;
const MAX_RAW_TEXT = 200_000;

function addressList(value: AddressObject | AddressObject[] | undefined): EmailAddress[] {
  if (!value) return [];
  const objects = Array.isArray(value) ? value : [value];
  const out: EmailAddress[] = [];
  const flatten = (list: EmailAddress[]) => {
    for (const a of list) {
      if (a.group) flatten(a.group);
      else out.push(a);
    }
  };
  for (const o of objects) flatten(o.value);
  return out;
}

function headerDateOf(parsed: ParsedMail): { date: number | null; present: boolean } {
  // mailparser replaces an unreadable Date with "now"; read the raw line instead.
  const line = parsed.headerLines.find((h) => h.key === 'date')?.line;
  if (!line) return { date: null, present: false };
  const value = line.slice(line.indexOf(':') + 1).trim();
  const ms = Date.parse(value.replace(/\s*\([^)]*\)\s*$/, ''));
  return { date: Number.isFinite(ms) ? ms : null, present: true };
}

/**
 * Parses one raw message. Never throws: a message mailparser cannot read is returned with
 * status `failed`, its raw text as the body, so it is stored and shown with a warning.
 */
export async function parseMail(raw: Buffer): Promise<ParsedMessage> {
  const warnings: ParseWarning[] = [];
  let prepared: Prepared;
  try {
    prepared = labelCharsets(raw);
  } catch {
    prepared = { source: raw, guessed: new Set(), unterminatedMultipart: false, noHeaders: false };
  }
  if (prepared.noHeaders) return rawOnly(raw, ['noHeaders']);
  if (prepared.unterminatedMultipart) warnings.push('unterminatedMultipart');
  const guessedCharsets = [...prepared.guessed].filter((c) => c !== 'utf-8');
  if (guessedCharsets.length > 0) warnings.push('charsetGuessed');

  let parsed: ParsedMail;
  try {
    parsed = await simpleParser(prepared.source, {
      skipImageLinks: true,
      skipTextToHtml: true,
      skipTextLinks: true,
      maxHtmlLengthToParse: MAX_HTML_TO_TEXT,
    });
  } catch {
    return rawOnly(raw, ['unparseable']);
  }

  const addresses: ParsedAddress[] = [];
  const roles: Array<[AddressRole, AddressObject | AddressObject[] | undefined]> = [
    ['from', parsed.from],
    ['sender', parsed.headers.get('sender') as AddressObject | undefined],
    ['replyTo', parsed.replyTo],
    ['to', parsed.to],
    ['cc', parsed.cc],
    ['bcc', parsed.bcc],
  ];
  for (const [role, value] of roles) {
    let position = 0;
    for (const a of addressList(value)) {
      const address = normalizeAddress(a.address);
      if (!address) continue;
      addresses.push({ role, position: position++, name: a.name?.trim() || null, address, domain: address.slice(address.lastIndexOf('@') + 1) });
    }
  }
  const fromEntry = addresses.find((a) => a.role === 'from') ?? null;
  if (!fromEntry) warnings.push('missingFrom');

  const { date, present } = headerDateOf(parsed);
  if (!present || date === null) warnings.push('badDate');

  const text = parsed.text ?? null;
  const html = typeof parsed.html === 'string' ? parsed.html : null;
  if ((text && text.includes('\uFFFD')) || (parsed.subject && parsed.subject.includes('\uFFFD'))) warnings.push('badEncoding');

  return {
    messageId: normalizeMessageId(parsed.messageId),
    inReplyTo: normalizeMessageId(parsed.inReplyTo),
    references: parseMessageIds(parsed.references),
    subject: parsed.subject ?? null,
    from: fromEntry ? { name: fromEntry.name, address: fromEntry.address } : null,
    addresses,
    headerDate: date,
    text,
    html,
    snippet: snippetOf(text),
    attachments: parsed.attachments.map((a) => ({
      filename: a.filename ?? null,
      contentType: a.contentType || 'application/octet-stream',
      size: a.size,
      content: a.content,
      contentId: normalizeMessageId(a.contentId ?? a.cid ?? null),
      inline: a.contentDisposition === 'inline' || a.related === true,
    })),
    status: parseStatusOf(warnings),
    warnings,
    guessedCharsets,
    senderAuth: senderAuthenticationOf(parsed.headerLines, fromEntry?.address ?? null),
  };
}

function rawOnly(raw: Buffer, warnings: ParseWarning[]): ParsedMessage {
  const text = decodeUnlabelled(raw.subarray(0, MAX_RAW_TEXT)).replace(/\0/g, '');
  return {
    messageId: null,
    inReplyTo: null,
    references: [],
    subject: null,
    from: null,
    addresses: [],
    headerDate: null,
    text,
    html: null,
    snippet: snippetOf(text),
    attachments: [],
    status: parseStatusOf(warnings),
    warnings,
    guessedCharsets: [],
    senderAuth: 'none',
  };
}
