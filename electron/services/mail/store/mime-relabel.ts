import iconv from 'iconv-lite';
import type { ParseWarning } from '../../../../shared/domain/mail-message.ts';
import { detectCharset, legacyCharset, type GuessedCharset } from './charset-guessing.ts';
import { scanEntities, type Site } from './mime-entity-scan.ts';

/** A raw message relabelled for mailparser, and what was guessed or repaired on the way. */
export interface RelabelledSource {
  source: Buffer;
  guessed: Set<GuessedCharset>;
  /** What was repaired or could not be: unterminatedMultipart, charsetRepaired, charsetMislabelled, charsetUnknown, missingBoundary. */
  warnings: Set<ParseWarning>;
  noHeaders: boolean;
}

interface Edit {
  start: number;
  end: number;
  bytes: Buffer;
}

const CONTENT_TYPE_LINE = /^content-type[ \t]*:.*(?:\r?\n[ \t].*)*/im;

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
export function labelCharsets(raw: Buffer): RelabelledSource {
  const { sites, warnings, noHeaders } = scanEntities(raw.toString('latin1'));
  const guessed = new Set<GuessedCharset>();
  if (sites.length === 0) return { source: raw, guessed, warnings, noHeaders };
  const legacy = messageLegacyCharset(sites);
  const edits = sites.map((site) => rewrittenHeader(site, legacy, guessed, warnings));
  return { source: withEdits(raw, edits), guessed, warnings, noHeaders };
}

/**
 * One message is written in one charset: decide it from all its unlabelled non-UTF-8 bytes
 * together, so a short attachment name is read the same way as the body around it.
 */
function messageLegacyCharset(sites: readonly Site[]): Exclude<GuessedCharset, 'utf-8'> | null {
  const legacyParts: Buffer[] = [];
  for (const site of sites) {
    if (site.legacyHeader) legacyParts.push(Buffer.from(site.header, 'latin1'));
    if (site.body && detectCharset(site.body) !== 'utf-8') legacyParts.push(site.body);
  }
  return legacyParts.length > 0 ? legacyCharset(Buffer.concat(legacyParts)) : null;
}

/** The new bytes of one entity's header block; notes the charsets it guessed and what it could not decide. */
function rewrittenHeader(site: Site, legacy: GuessedCharset | null, guessed: Set<GuessedCharset>, warnings: Set<ParseWarning>): Edit {
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
    guessed.add(charset);
    // The sender named a charset and it is not the one guessed: the guess may be wrong.
    if (site.unknownLabel && charset !== 'utf-8') warnings.add('charsetUnknown');
  }
  return { start: site.start, end: site.headerEnd, bytes: Buffer.from(header, utf8 ? 'utf8' : 'latin1') };
}

/** The raw message with each edited header range replaced by its new bytes. */
function withEdits(raw: Buffer, edits: Edit[]): Buffer {
  edits.sort((x, y) => x.start - y.start);
  const pieces: Buffer[] = [];
  let at = 0;
  for (const e of edits) {
    pieces.push(raw.subarray(at, e.start), e.bytes);
    at = e.end;
  }
  pieces.push(raw.subarray(at));
  return Buffer.concat(pieces);
}

function withCharset(headerBlock: string, charset: string, hadLabel: boolean): string {
  if (!CONTENT_TYPE_LINE.test(headerBlock)) {
    const newline = headerBlock.includes('\r\n') || headerBlock.length === 0 ? '\r\n' : '\n';
    return `${headerBlock}Content-Type: text/plain; charset=${charset}${newline}`;
  }
  // A label's value runs to the next ";" or the line's end: junk after the name goes with it.
  return headerBlock.replace(CONTENT_TYPE_LINE, (line) =>
    hadLabel ? line.replace(/charset\s*=\s*(?:"[^"\r\n]*"?|[^;\r\n]*)/i, `charset=${charset}`) : `${line}; charset=${charset}`,
  );
}

function withBoundary(headerBlock: string, boundary: string): string {
  return headerBlock.replace(CONTENT_TYPE_LINE, (line) =>
    /boundary\s*=/i.test(line) ? line.replace(/boundary\s*=\s*(?:"[^"\r\n]*"?|[^;\s]*)/i, `boundary="${boundary}"`) : `${line}; boundary="${boundary}"`,
  );
}

function asPlainText(headerBlock: string): string {
  return headerBlock.replace(CONTENT_TYPE_LINE, 'Content-Type: text/plain');
}
