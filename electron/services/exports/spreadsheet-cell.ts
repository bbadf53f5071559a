/**
 * A cell's text as written into an exported .csv or .xlsx: a value starting with = + - @, a tab
 * or a carriage return gets a leading apostrophe, so a spreadsheet shows it as text instead of
 * running it as a formula (OWASP, "CSV Injection": `=HYPERLINK(...)` in a customer's name would
 * otherwise become a live link, `@SUM(...)` a calculation). The one rule both writers use, so a
 * file re-saved from one format to the other is as safe.
 *
 * The cost, accepted as OWASP does: a phone written "+86 139…" reads "'+86 139…" in the file.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function spreadsheetCell(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return FORMULA_START.test(value) ? `'${value}` : value;
}
