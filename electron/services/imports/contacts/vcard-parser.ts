import iconv from 'iconv-lite';
import { decode as decodeQuotedPrintable } from 'libqp';
import type { TextEncoding } from './contact-sheet.types.ts';

/**
 * A small vCard 2.1/3.0/4.0 reader. The npm parsers (vcf, vcard4, ical.js, vcard-parser)
 * take a decoded string: none decodes quoted-printable into bytes and then reads those bytes in
 * the property's CHARSET, which is how phones and Outlook write Chinese names in vCard 2.1
 * (N;CHARSET=GBK;ENCODING=QUOTED-PRINTABLE:=D5=C5...), and none joins QP soft line breaks,
 * which are not vCard folding. So this reads the file as bytes, and leaves the QP decoding to
 * libqp and the charsets to iconv-lite.
 */

export interface VCardProperty {
  name: string;
  /** Parameter names upper-cased; a bare 2.1 parameter (TEL;CELL) is a TYPE. */
  params: Map<string, string[]>;
  /** The decoded value split at unescaped semicolons (N, ADR, ORG have parts), each part unescaped. */
  parts: string[];
}

export interface VCard {
  /** 1-based position in the file. */
  number: number;
  /** Line of its BEGIN:VCARD, 1-based. */
  line: number;
  properties: VCardProperty[];
  /** False when the file ended before END:VCARD. */
  complete: boolean;
}

/** A line as bytes held in a 'latin1' string (one char per byte), so charsets can apply per property. */
function logicalLines(bytes: Buffer): Array<{ text: string; line: number }> {
  const physical = bytes.toString('latin1').split(/\r\n|\n|\r/);
  const lines: Array<{ text: string; line: number }> = [];
  for (let i = 0; i < physical.length; i++) {
    const raw = physical[i]!;
    const last = lines[lines.length - 1];
    if (last && /^[ \t]/.test(raw)) {
      // RFC 2425/6350 folding: CRLF followed by one space or tab.
      last.text += raw.slice(1);
    } else if (last && /=$/.test(last.text) && /QUOTED-PRINTABLE/i.test(last.text.split(':', 1)[0]!)) {
      // A QP soft line break: the value goes on in the next line, unindented.
      last.text += `\n${raw}`;
    } else {
      lines.push({ text: raw, line: i + 1 });
    }
  }
  return lines;
}

/** Index of the colon ending the name and parameters (a quoted parameter value may hold one). */
function valueStart(text: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === ':' && !quoted) return i;
  }
  return -1;
}

function parseParams(spec: string[]): Map<string, string[]> {
  const params = new Map<string, string[]>();
  const add = (k: string, v: string[]) => params.set(k, [...(params.get(k) ?? []), ...v]);
  for (const p of spec) {
    const eq = p.indexOf('=');
    if (eq < 0) {
      const bare = p.toUpperCase();
      if (bare === 'QUOTED-PRINTABLE' || bare === 'BASE64') add('ENCODING', [bare]);
      else add('TYPE', [bare]);
    } else {
      add(p.slice(0, eq).toUpperCase(), p.slice(eq + 1).replace(/^"|"$/g, '').split(','));
    }
  }
  return params;
}

function splitUnescaped(value: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\' && i + 1 < value.length) {
      current += c + value[i + 1];
      i++;
    } else if (c === separator) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts;
}

const unescape = (part: string) => part.replace(/\\([nN,;:\\])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

function charsetOf(params: Map<string, string[]>, fallback: TextEncoding): string {
  const label = params.get('CHARSET')?.[0]?.trim();
  if (!label || !iconv.encodingExists(label)) return fallback;
  // GB2312 and GBK labels: GB18030 reads both and more.
  return /^(gb2312|gbk|x-gbk|cp936)$/i.test(label) ? 'gb18030' : label;
}

function parseProperty(text: string, fallback: TextEncoding): VCardProperty | null {
  const colon = valueStart(text);
  if (colon < 0) return null;
  const [nameWithGroup = '', ...paramSpec] = splitUnescaped(text.slice(0, colon), ';');
  const name = nameWithGroup.slice(nameWithGroup.lastIndexOf('.') + 1).toUpperCase();
  const params = parseParams(paramSpec);
  const encoding = params.get('ENCODING')?.[0]?.toUpperCase();
  if (encoding === 'BASE64' || encoding === 'B') return null; // photos and keys: nothing a contact sheet holds
  const rawValue = text.slice(colon + 1);
  const bytes = encoding === 'QUOTED-PRINTABLE' ? decodeQuotedPrintable(Buffer.from(rawValue, 'latin1')) : Buffer.from(rawValue, 'latin1');
  const value = iconv.decode(bytes, charsetOf(params, fallback));
  return { name, params, parts: splitUnescaped(value, ';').map(unescape) };
}

/** Every card in the file; lines outside cards are ignored. */
export function parseVCards(bytes: Buffer, fallback: TextEncoding): VCard[] {
  const cards: VCard[] = [];
  let card: VCard | null = null;
  for (const { text, line } of logicalLines(bytes)) {
    const upper = text.trim().toUpperCase();
    if (upper === 'BEGIN:VCARD') {
      if (card) cards.push(card); // a card never ended: keep what it had
      card = { number: cards.length + 1, line, properties: [], complete: false };
      continue;
    }
    if (!card) continue;
    if (upper === 'END:VCARD') {
      card.complete = true;
      cards.push(card);
      card = null;
      continue;
    }
    const property = parseProperty(text, fallback);
    if (property) card.properties.push(property);
  }
  if (card) cards.push(card);
  return cards;
}
