import iconv from 'iconv-lite';
import { simpleParser, type AddressObject, type EmailAddress, type ParsedMail } from 'mailparser';
import { automatedKindOf, type AutomatedKind } from '../../../../shared/domain/automated-mail.ts';
import type { AddressRole } from '../../../../shared/domain/mail-enums.ts';
import {
  normalizeAddress,
  normalizeMessageId,
  parseMessageIds,
  parseStatusOf,
  snippetOf,
  type ParseWarning,
} from '../../../../shared/domain/mail-message.ts';
import type { ParseStatus, SenderAuth } from '../../../../shared/domain/mail-enums.ts';
import {
  detectCharset,
  hasHighBytes,
  htmlDeclaredCharset,
  legacyCharset,
  mayBeMislabelled,
  mislabelledCharset,
  resolveCharsetLabel,
  utf16Charset,
  utf16Order,
  type GuessedCharset,
} from './mail-charsets.ts';
import { MAX_HTML_FOR_TEXT, textFromHtml, textOfUnparsed } from './mail-text.ts';
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
  /** Newsletter, list, bulk, auto-generated or no-reply mail, never a lead (automated-mail.ts); null for mail a person wrote. */
  automated: AutomatedKind | null;
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
  /** What was repaired or could not be: unterminatedMultipart, charsetRepaired, charsetMislabelled, charsetUnknown, missingBoundary. */
  warnings: Set<ParseWarning>;
  noHeaders: boolean;
}

/** An entity whose header needs rewriting: its charset, its boundary, or its own bytes. */
interface Site {
  start: number;
  headerEnd: number;
  header: string;
  /** The header block has 8-bit bytes that are not UTF-8. */
  legacyHeader: boolean;
  /** 8-bit text body (transfer-decoded) whose charset must be guessed, or null. */
  body: Buffer | null;
  hadLabel: boolean;
  /** The body's label named no charset anyone knows: a legacy guess is then a problem. */
  unknownLabel: boolean;
  /** The charset the part is to be labelled with, decided without guessing. */
  charset: string | null;
  /** The boundary a multipart without one turned out to use. */
  boundary: string | null;
  /** A multipart without a boundary, to be read as one plain-text body. */
  asText: boolean;
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
  // A label's value runs to the next ";" or the line's end: junk after the name goes with it.
  return headerBlock.replace(ct, (line) =>
    hadLabel ? line.replace(/charset\s*=\s*(?:"[^"\r\n]*"?|[^;\r\n]*)/i, `charset=${charset}`) : `${line}; charset=${charset}`,
  );
}

function withBoundary(headerBlock: string, boundary: string): string {
  return headerBlock.replace(/^content-type[ \t]*:.*(?:\r?\n[ \t].*)*/im, (line) =>
    /boundary\s*=/i.test(line) ? line.replace(/boundary\s*=\s*(?:"[^"\r\n]*"?|[^;\s]*)/i, `boundary="${boundary}"`) : `${line}; boundary="${boundary}"`,
  );
}

function asPlainText(headerBlock: string): string {
  return headerBlock.replace(/^content-type[ \t]*:.*(?:\r?\n[ \t].*)*/im, 'Content-Type: text/plain');
}

// RFC 2046 boundary characters; a space may not end it.
const BOUNDARY_LINE = /^--([0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?])[ \t]*\r?$/;
/** How much of a labelled text body (before transfer decoding) is read to check its label. */
const LABEL_SAMPLE = 64 * 1024;
/** How far into a multipart without a boundary its first delimiter line is looked for. */
const BOUNDARY_SCAN = 64 * 1024;

/**
 * Returns the message with every unlabelled 8-bit header block transcoded to UTF-8, every
 * text part labelled with a charset mailparser can decode, and every multipart without a
 * boundary given the one it uses, so that mailparser reads raw GBK or Big5, Microsoft's
 * "unicode", bare code-page numbers and damaged labels correctly. Only header blocks are
 * rewritten; bodies keep their bytes. The stored original is never this buffer.
 *
 * Why labels and not mailparser's `Iconv` option: mailparser decodes any name iconv-lite
 * knows, with fixes of its own (GBK characters split across chunks, Japanese charsets
 * iconv-lite lacks, UTF-7 refused); what fails is the names. An `Iconv` class would replace
 * all of that for every part and sees only the label, not the bytes a byte-order mark or an
 * HTML <meta> is read from; rewriting a label changes nothing but the one decision.
 */
export function labelCharsets(raw: Buffer): Prepared {
  const s = raw.toString('latin1');
  const sites: Site[] = [];
  const warnings = new Set<ParseWarning>();

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
      unknownLabel: false,
      charset: null,
      boundary: null,
      asText: false,
    };

    const type = info.contentType ?? defaultType;
    if (type.startsWith('multipart/')) {
      const partDefault = type === 'multipart/digest' ? 'message/rfc822' : 'text/plain';
      const boundary = info.params.get('boundary') || boundaryInBody(bodyStart, end);
      // Without a boundary mailparser drops the whole body and says nothing. Like Python's
      // email package, read it as one plain body unless its first delimiter line shows the
      // boundary it uses; either way the message is marked as repaired.
      if (!info.params.get('boundary')) {
        warnings.add('missingBoundary');
        if (boundary) site.boundary = boundary;
        else site.asText = true;
      }
      if (boundary) walkMultipart(bodyStart, end, boundary, depth, partDefault);
      else textPart(site, '', false, bodyStart, end, info.transferEncoding);
    } else if (type === 'message/rfc822' || type === 'message/global') {
      if (!['base64', 'quoted-printable'].includes(info.transferEncoding)) walk(bodyStart, end, depth + 1, 'text/plain');
    } else if (type.startsWith('text/')) {
      textPart(site, info.params.get('charset') ?? '', type === 'text/html', bodyStart, end, info.transferEncoding);
    }
    if (site.legacyHeader || site.body || site.charset || site.boundary || site.asText) sites.push(site);
  }

  /** Decides how a text part is labelled: as it is, a name mailparser knows for it, or a guess. */
  function textPart(site: Site, rawLabel: string, html: boolean, bodyStart: number, end: number, transferEncoding: string): void {
    const label = rawLabel.trim().toLowerCase();
    const body = () => decodeTransfer(s.slice(bodyStart, end), transferEncoding);
    if (MEANINGLESS_CHARSETS.has(label)) {
      const bytes = body();
      if (!hasHighBytes(bytes)) return;
      site.hadLabel = label !== '';
      // An HTML body that states its charset in a <meta> is labelled, just not in MIME.
      const declared = html ? htmlDeclaredCharset(bytes) : null;
      if (declared) site.charset = declared;
      else site.body = bytes;
      return;
    }
    site.hadLabel = true;
    const resolved = resolveCharsetLabel(label);
    if (resolved) {
      let { charset, repaired } = resolved;
      const order = utf16Order(charset);
      if (order) {
        // Only the byte-order mark is needed: decode the first few characters of the body.
        ({ charset, repaired } = utf16Charset(order, decodeTransfer(s.slice(bodyStart, Math.min(end, bodyStart + 256)), transferEncoding)));
        repaired ||= resolved.repaired;
      }
      if (repaired) warnings.add('charsetRepaired');
      if (charset !== label) site.charset = charset;
      if (!order && mayBeMislabelled(charset)) {
        const actual = mislabelledCharset(charset, sampleOf(bodyStart, end, transferEncoding));
        if (actual) {
          site.charset = actual;
          warnings.add('charsetMislabelled');
        }
      }
      return;
    }
    const bytes = body();
    const declared = html ? htmlDeclaredCharset(bytes) : null;
    if (declared) {
      site.charset = declared;
      warnings.add('charsetRepaired');
    } else if (hasHighBytes(bytes)) {
      // mailparser would read an unknown label as UTF-8, turning any other charset into U+FFFD.
      site.body = bytes;
      site.unknownLabel = true;
    }
  }

  /**
   * The start of a text body, transfer-decoded: what a label is checked against. Cut after its
   * last byte below 0x30 when the body goes on, so that no character is cut in two (no lead,
   * trail or GB18030 digit byte is that low).
   */
  function sampleOf(bodyStart: number, end: number, transferEncoding: string): Buffer {
    const cut = Math.min(end, bodyStart + LABEL_SAMPLE);
    const bytes = decodeTransfer(s.slice(bodyStart, cut), transferEncoding);
    if (cut === end) return bytes;
    let last = bytes.length;
    while (last > 0 && bytes[last - 1]! >= 0x30) last--;
    return last > 0 ? bytes.subarray(0, last) : bytes;
  }

  /** The boundary of a multipart that declares none: the one its first delimiter line uses. */
  function boundaryInBody(bodyStart: number, end: number): string | null {
    const limit = Math.min(end, bodyStart + BOUNDARY_SCAN);
    for (let at = bodyStart; at < limit; ) {
      const nl = s.indexOf('\n', at);
      const lineEnd = nl < 0 || nl > end ? end : nl;
      const candidate = BOUNDARY_LINE.exec(s.slice(at, lineEnd))?.[1];
      if (candidate) {
        // A real delimiter comes back, before the next part or as the closing line; a line of
        // dashes in a preamble does not.
        const again = s.indexOf(`\n--${candidate}`, lineEnd);
        if (again >= 0 && again < end) return candidate;
      }
      at = lineEnd + 1;
    }
    return null;
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
      warnings.add('unterminatedMultipart');
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
  if (sites.length === 0) return { source: raw, guessed, warnings, noHeaders };

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
    if (site.boundary) header = withBoundary(header, site.boundary);
    if (site.asText) header = asPlainText(header);
    if (site.charset) header = withCharset(header, site.charset, site.hadLabel && !site.asText);
    if (site.body) {
      const charset = detectCharset(site.body) === 'utf-8' ? 'utf-8' : (legacy ?? 'utf-8');
      header = withCharset(header, charset, site.hadLabel && !site.asText);
      guessed.add(charset as GuessedCharset);
      // The sender named a charset and it is not the one guessed: the guess may be wrong.
      if (site.unknownLabel && charset !== 'utf-8') warnings.add('charsetUnknown');
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
  return { source: Buffer.concat(pieces), guessed, warnings, noHeaders };
}

/* ---------------- parsing ---------------- */

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

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
 * status `failed` and at most the start of its raw text as the body (none when it is binary),
 * so it is stored and shown with a warning.
 */
export async function parseMail(raw: Buffer): Promise<ParsedMessage> {
  // Windows editors save .eml files with a UTF-8 byte-order mark, which hides the first header
  // line; the mark says nothing else about the message.
  const source = raw.subarray(0, 3).equals(UTF8_BOM) ? raw.subarray(3) : raw;
  let prepared: Prepared;
  try {
    prepared = labelCharsets(source);
  } catch {
    prepared = { source, guessed: new Set(), warnings: new Set(), noHeaders: false };
  }
  if (prepared.noHeaders) return rawOnly(raw, ['noHeaders']);
  const warnings: ParseWarning[] = [...prepared.warnings];
  const guessedCharsets = [...prepared.guessed].filter((c) => c !== 'utf-8');
  if (guessedCharsets.length > 0) warnings.push('charsetGuessed');

  let parsed: ParsedMail;
  try {
    parsed = await simpleParser(prepared.source, {
      skipImageLinks: true,
      skipTextToHtml: true,
      skipTextLinks: true,
      // Larger HTML is left to textFromHtml() below, which reads only its start: mailparser
      // would spend seconds converting all of a multi-megabyte body.
      maxHtmlLengthToParse: MAX_HTML_FOR_TEXT,
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

  const html = typeof parsed.html === 'string' ? parsed.html : null;
  // mailparser derives text from HTML only for a message that is nothing but HTML; a
  // multipart whose only body is HTML, or an empty text part beside the HTML, would leave the
  // message without a preview and unsearchable by its words.
  const text = parsed.text?.trim() ? parsed.text : html ? textFromHtml(html) : null;
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
    automated: automatedKindOf(parsed.headerLines, fromEntry?.address ?? null),
  };
}

function rawOnly(raw: Buffer, warnings: ParseWarning[]): ParsedMessage {
  const text = textOfUnparsed(raw);
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
    automated: null,
  };
}
