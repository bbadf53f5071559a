import type { CellValue } from 'exceljs';
import { unescapeSpreadsheetCell } from '../../exports/spreadsheet-cell.ts';

export interface CellText {
  text: string;
  /** A formula cell whose file stores no result (written by a program that does not calculate). */
  formulaWithoutResult: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Dates as ISO day (and minute when there is a time): exceljs reads them as UTC instants. */
function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = d.getUTCHours() * 60 + d.getUTCMinutes();
  return time === 0 ? day : `${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/**
 * A number as the common formats show it: fixed decimals ("0.00"), percent, thousands
 * separators; otherwise as General does (at most 15 significant digits, so 0.1 + 0.2 shows 0.3
 * and a phone number stored as a number shows all its digits).
 */
function numberText(n: number, numFmt: string | undefined): string {
  const fmt = numFmt ?? '';
  const decimals = /0\.(0+)/.exec(fmt)?.[1]?.length ?? null;
  if (fmt.includes('%')) return `${(n * 100).toFixed(decimals ?? 0)}%`;
  if (fmt.includes('#,##0')) return n.toLocaleString('en-US', { minimumFractionDigits: decimals ?? 0, maximumFractionDigits: decimals ?? 0 });
  if (decimals !== null && !/e/i.test(fmt)) return n.toFixed(decimals);
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0);
  return String(Number(n.toPrecision(15)));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** The text a user sees in a cell, from exceljs's value and the cell's number format. */
export function cellText(value: CellValue, numFmt: string | undefined): CellText {
  const plain = (text: string): CellText => ({ text, formulaWithoutResult: false });
  if (value === null || value === undefined) return plain('');
  // Typed text only: the formula escape of our exports (exports/spreadsheet-cell.ts) is undone, a formula's result is not escaped.
  if (typeof value === 'string') return plain(unescapeSpreadsheetCell(value));
  if (typeof value === 'number') return plain(numberText(value, numFmt));
  if (typeof value === 'boolean') return plain(value ? 'TRUE' : 'FALSE');
  if (value instanceof Date) return plain(dateText(value));
  if ('richText' in value) return plain(unescapeSpreadsheetCell(value.richText.map((r) => r.text).join('')));
  if ('hyperlink' in value) {
    // The text of a hyperlink may itself be rich text.
    const shown: unknown = value.text;
    const text = isObject(shown) && Array.isArray(shown.richText) ? cellText(shown as unknown as CellValue, numFmt).text : typeof shown === 'string' ? shown : '';
    return plain(text || value.hyperlink.replace(/^mailto:/i, ''));
  }
  if ('formula' in value || 'sharedFormula' in value) {
    const result: unknown = value.result;
    if (result === undefined || result === null) return { text: '', formulaWithoutResult: true };
    // A formula's text result is what the formula made, not an escaped cell: kept as it is.
    return plain(typeof result === 'string' ? result : cellText(result as CellValue, numFmt).text);
  }
  if ('error' in value) return plain(String(value.error));
  return plain('');
}
