import iconv from 'iconv-lite';
import type { ContactFile, SheetInfo, SheetRow, TextEncoding } from './contact-sheet.types.ts';
import { columnLetter, problem } from './import-problems.ts';
import { parseVCards, type VCard, type VCardProperty } from './vcard-parser.ts';

/**
 * A vCard file reads as one sheet whose headers are the property names, so cards go through
 * the same mapping and checks as a spreadsheet's rows (suggestMapping knows these names).
 * COUNTRY is the country part of the first address.
 */
const COLUMNS = ['FN', 'ORG', 'TITLE', 'EMAIL', 'TEL', 'ADR', 'COUNTRY', 'URL', 'NOTE', 'CATEGORIES'] as const;
type Column = (typeof COLUMNS)[number];

const nonEmpty = (parts: readonly string[]) => parts.map((p) => p.trim()).filter((p) => p !== '');
const hasCjk = (s: string) => /\p{Script=Han}/u.test(s);

/** N is family;given;additional;prefix;suffix: Chinese names read family first without a space. */
function nameFromN(n: VCardProperty): string {
  const [family = '', given = '', additional = ''] = n.parts.map((p) => p.trim());
  if (hasCjk(family + given)) return family + given;
  return nonEmpty([given, additional, family]).join(' ');
}

function cardCells(card: VCard): Record<Column, string> {
  const all = (name: string) => card.properties.filter((p) => p.name === name);
  const first = (name: string) => all(name)[0];
  const n = first('N');
  const adr = first('ADR');
  // ADR is pobox;extended;street;locality;region;code;country.
  const adrParts = adr?.parts ?? [];
  return {
    FN: first('FN')?.parts.join(';').trim() || (n ? nameFromN(n) : ''),
    ORG: first('ORG')?.parts[0]?.trim() ?? '',
    TITLE: first('TITLE')?.parts.join(';').trim() || first('ROLE')?.parts.join(';').trim() || '',
    EMAIL: all('EMAIL').map((p) => p.parts.join(';').trim()).filter(Boolean).join('; '),
    TEL: all('TEL').map((p) => p.parts.join(';').replace(/^tel:/i, '').trim()).filter(Boolean).join('; '),
    ADR: nonEmpty(adrParts.slice(0, 6)).join(', '),
    COUNTRY: adrParts[6]?.trim() ?? '',
    URL: all('URL').map((p) => p.parts.join(';').trim()).filter(Boolean).join(' '),
    NOTE: all('NOTE').map((p) => p.parts.join(';').trim()).filter(Boolean).join('\n'),
    CATEGORIES: all('CATEGORIES').map((p) => p.parts.join(';').trim()).filter(Boolean).join(','),
  };
}

export function openVCard(bytes: Buffer, encoding: TextEncoding, bomLength: number, sheetName: string): ContactFile {
  // UTF-16 files are re-read as UTF-8 bytes, since properties are parsed byte by byte.
  const utf16 = encoding === 'utf-16le' || encoding === 'utf-16be';
  const body = utf16 ? Buffer.from(iconv.decode(bytes.subarray(bomLength), encoding), 'utf8') : bytes.subarray(bomLength);
  const cards = parseVCards(body, utf16 ? 'utf-8' : encoding);
  const sheet: SheetInfo = {
    index: 0,
    name: sheetName,
    rowUnit: 'card',
    headerRowNumber: 0,
    headers: COLUMNS.map((text, index) => ({ index, letter: columnLetter(index), text })),
    problems: [],
  };
  async function* rows(): AsyncGenerator<SheetRow> {
    for (const card of cards) {
      const cells = cardCells(card);
      const problems = card.complete ? [] : [problem('brokenCard', { sheet: sheetName, row: card.number, line: card.line })];
      yield { sheet: 0, rowNumber: card.number, cells: COLUMNS.map((c) => cells[c]), problems };
    }
  }
  return {
    format: 'vcard',
    encoding,
    delimiter: null,
    sheets: [sheet],
    rows: (index) => {
      if (index !== 0) throw new RangeError(`a vCard file has one sheet, not ${index + 1}`);
      return rows();
    },
  };
}
