/**
 * A cell's text as written into an exported .csv or .xlsx: a value starting with = + - @, a tab
 * or a carriage return gets a leading apostrophe, so a spreadsheet shows it as text instead of
 * running it as a formula (OWASP, "CSV Injection": `=HYPERLINK(...)` in a customer's name would
 * otherwise become a live link, `@SUM(...)` a calculation). The one rule both writers use, so a
 * file re-saved from one format to the other is as safe.
 *
 * The escape can be undone exactly, so an export imported again gives back what was exported
 * (unescapeSpreadsheetCell, used by the contact import): a value that already starts with
 * apostrophes before such a character gets one more ("'=x" is written "''=x"), and the reader
 * removes one from any cell of that shape. A phone "+86 139…" reads "'+86 139…" in the file and
 * "+86 139…" again once imported.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const ESCAPED = /^''*[=+\-@\t\r]/;

export function spreadsheetCell(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The inverse of spreadsheetCell: one leading apostrophe removed where spreadsheetCell would have added it. */
export function unescapeSpreadsheetCell(text: string): string {
  return ESCAPED.test(text) ? text.slice(1) : text;
}
