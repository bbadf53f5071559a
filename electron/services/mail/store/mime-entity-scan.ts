import type { ParseWarning } from '../../../../shared/domain/mail-message.ts';
import { detectCharset, hasHighBytes } from './charset-guessing.ts';
import { htmlDeclaredCharset, resolveCharsetLabel, utf16Charset, utf16Order } from './charset-label-repair.ts';
import { mayBeMislabelled, mislabelledCharset } from './charset-mislabel-detection.ts';

/**
 * Walks the MIME tree of a raw message (read as Latin-1, one character per byte) and notes every
 * entity whose header must be rewritten before mailparser reads it: a header block in a legacy
 * 8-bit charset, a text part whose charset label is missing, unknown, damaged or wrong, a
 * multipart without a boundary. mime-relabel.ts makes the rewrites.
 */

// Labels that promise nothing about 8-bit bytes; a part carrying them is treated as unlabelled.
const MEANINGLESS_CHARSETS = new Set(['', 'us-ascii', 'ascii', 'x-unknown', 'unknown', 'unknown-8bit', 'x-user-defined', 'default', 'none']);
const MAX_DEPTH = 30;
// RFC 2046 boundary characters; a space may not end it.
const BOUNDARY_LINE = /^--([0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?])[ \t]*\r?$/;
/** How much of a labelled text body (before transfer decoding) is read to check its label. */
const LABEL_SAMPLE = 64 * 1024;
/** How far into a multipart without a boundary its first delimiter line is looked for. */
const BOUNDARY_SCAN = 64 * 1024;

/** An entity whose header needs rewriting: its charset, its boundary, or its own bytes. */
export interface Site {
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

export interface EntityScan {
  /** Entities in the order met; their header ranges never overlap. */
  sites: Site[];
  /** What was repaired or could not be: unterminatedMultipart, charsetRepaired, charsetMislabelled, missingBoundary. */
  warnings: Set<ParseWarning>;
  /** The message starts with no header line at all: not a message mailparser can read. */
  noHeaders: boolean;
}

/** The walk's state: the message as Latin-1 text and what has been found so far. */
interface Walk {
  s: string;
  sites: Site[];
  warnings: Set<ParseWarning>;
}

interface HeaderInfo {
  contentType: string | null;
  params: Map<string, string>;
  transferEncoding: string;
}

/** The entities of a raw message (as Latin-1 text) whose headers need a rewrite. */
export function scanEntities(s: string): EntityScan {
  const walk: Walk = { s, sites: [], warnings: new Set() };
  const firstLine = /^[^\r\n]*/.exec(s)?.[0] ?? '';
  const noHeaders = !/^[!-9;-~]+[ \t]*:/.test(firstLine) && !/^From /.test(firstLine);
  if (!noHeaders) walkEntity(walk, 0, s.length, 0, 'text/plain');
  return { sites: walk.sites, warnings: walk.warnings, noHeaders };
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

/** Where an entity's header block ends and its body starts (the blank line between belongs to neither). */
function splitEntity(s: string, start: number, end: number): { headerEnd: number; bodyStart: number } {
  if (s.startsWith('\r\n', start)) return { headerEnd: start, bodyStart: start + 2 };
  if (s[start] === '\n') return { headerEnd: start, bodyStart: start + 1 };
  const a = s.indexOf('\n\r\n', start);
  const b = s.indexOf('\n\n', start);
  const i = Math.min(a >= 0 && a < end ? a : Infinity, b >= 0 && b < end ? b : Infinity);
  if (i === Infinity) return { headerEnd: end, bodyStart: end };
  return { headerEnd: i + 1, bodyStart: i === a ? i + 3 : i + 2 };
}

function walkEntity(walk: Walk, start: number, end: number, depth: number, defaultType: string): void {
  if (depth > MAX_DEPTH || start >= end) return;
  const { s } = walk;
  const { headerEnd, bodyStart } = splitEntity(s, start, end);
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
    const boundary = info.params.get('boundary') || boundaryInBody(s, bodyStart, end);
    // Without a boundary mailparser drops the whole body and says nothing. Like Python's
    // email package, read it as one plain body unless its first delimiter line shows the
    // boundary it uses; either way the message is marked as repaired.
    if (!info.params.get('boundary')) {
      walk.warnings.add('missingBoundary');
      if (boundary) site.boundary = boundary;
      else site.asText = true;
    }
    if (boundary) walkMultipart(walk, bodyStart, end, boundary, depth, partDefault);
    else labelTextPart(walk, site, '', false, { start: bodyStart, end, transferEncoding: info.transferEncoding });
  } else if (type === 'message/rfc822' || type === 'message/global') {
    if (!['base64', 'quoted-printable'].includes(info.transferEncoding)) walkEntity(walk, bodyStart, end, depth + 1, 'text/plain');
  } else if (type.startsWith('text/')) {
    labelTextPart(walk, site, info.params.get('charset') ?? '', type === 'text/html', { start: bodyStart, end, transferEncoding: info.transferEncoding });
  }
  if (site.legacyHeader || site.body || site.charset || site.boundary || site.asText) walk.sites.push(site);
}

/** A text part's body: where it lies in the message and how it is transfer-encoded. */
interface BodyRange {
  start: number;
  end: number;
  transferEncoding: string;
}

/** Decides how a text part is labelled: as it is, a name mailparser knows for it, or a guess. */
function labelTextPart(walk: Walk, site: Site, rawLabel: string, html: boolean, range: BodyRange): void {
  const label = rawLabel.trim().toLowerCase();
  const body = () => decodeTransfer(walk.s.slice(range.start, range.end), range.transferEncoding);
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
      ({ charset, repaired } = utf16Charset(order, decodeTransfer(walk.s.slice(range.start, Math.min(range.end, range.start + 256)), range.transferEncoding)));
      repaired ||= resolved.repaired;
    }
    if (repaired) walk.warnings.add('charsetRepaired');
    if (charset !== label) site.charset = charset;
    if (!order && mayBeMislabelled(charset)) {
      const actual = mislabelledCharset(charset, sampleOf(walk.s, range));
      if (actual) {
        site.charset = actual;
        walk.warnings.add('charsetMislabelled');
      }
    }
    return;
  }
  const bytes = body();
  const declared = html ? htmlDeclaredCharset(bytes) : null;
  if (declared) {
    site.charset = declared;
    walk.warnings.add('charsetRepaired');
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
function sampleOf(s: string, range: BodyRange): Buffer {
  const cut = Math.min(range.end, range.start + LABEL_SAMPLE);
  const bytes = decodeTransfer(s.slice(range.start, cut), range.transferEncoding);
  if (cut === range.end) return bytes;
  let last = bytes.length;
  while (last > 0 && bytes[last - 1]! >= 0x30) last--;
  return last > 0 ? bytes.subarray(0, last) : bytes;
}

/** The boundary of a multipart that declares none: the one its first delimiter line uses. */
function boundaryInBody(s: string, bodyStart: number, end: number): string | null {
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

function walkMultipart(walk: Walk, start: number, end: number, boundary: string, depth: number, partDefault: string): void {
  const { s } = walk;
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
    if (partStart >= 0) walkEntity(walk, partStart, lineEndBefore(s, i, partStart), depth + 1, partDefault);
    if (s.startsWith('--', after)) {
      closed = true;
      break;
    }
    const nl = s.indexOf('\n', after);
    partStart = nl < 0 || nl >= end ? end : nl + 1;
    pos = partStart;
  }
  if (!closed) {
    walk.warnings.add('unterminatedMultipart');
    if (partStart >= 0) walkEntity(walk, partStart, end, depth + 1, partDefault);
  }
}

// The line break before a delimiter belongs to the delimiter.
function lineEndBefore(s: string, i: number, floor: number): number {
  let e = i;
  if (e > floor && s[e - 1] === '\n') e--;
  if (e > floor && s[e - 1] === '\r') e--;
  return e;
}
