import ExcelJS from 'exceljs';
import type { QuoteReportRow, ReportKind, SampleGroup, SampleReportRow, TopCustomerRow } from '../../../shared/contract/reports.contract.ts';
import { e4ToNumber } from '../../../shared/domain/quote-document.ts';
import type { ExportText } from '../exports/export-text.ts';
import { spreadsheetCell } from '../exports/spreadsheet-cell.ts';

/**
 * A report's table as an .xlsx: the same numbers the page shows, as numbers (so they add up and
 * chart in Excel), money with up to four decimals next to its currency — one row per currency,
 * never a sum across currencies. Every text cell goes through spreadsheetCell, so a customer
 * named "=HYPERLINK(…)" stays text.
 */

export type ReportTable =
  | { report: 'quotes'; rows: QuoteReportRow[] }
  | { report: 'samples'; groupBy: SampleGroup; rows: SampleReportRow[] }
  | { report: 'topCustomers'; currency: string; rows: TopCustomerRow[] };

const MONEY_FORMAT = '#,##0.00##';
const PERCENT_FORMAT = '0.0%';
type Cell = string | number | null;

const text = (value: string | null | undefined) => spreadsheetCell(value ?? '');

function quoteRows(rows: QuoteReportRow[], t: ExportText): { header: string[]; body: Cell[][]; formats: Record<number, string> } {
  return {
    header: ['month', 'owner', 'sent', 'won', 'rejected', 'expired', 'winRate'].map((k) => t(`reports.quotes.${k}`)),
    body: rows.map((r) => [text(r.month), text(r.ownerName ?? t('reports.noOwner')), r.sent, r.won, r.rejected, r.expired, r.winRate]),
    formats: { 7: PERCENT_FORMAT },
  };
}

function sampleLabel(row: SampleReportRow, groupBy: SampleGroup, t: ExportText): string {
  if (row.label !== null) return row.label;
  return t(groupBy === 'product' ? 'reports.otherItems' : groupBy === 'country' ? 'reports.noCountry' : 'reports.noOwner');
}

function sampleRows(rows: SampleReportRow[], groupBy: SampleGroup, t: ExportText) {
  const s = (k: string) => t(`reports.samples.${k}`);
  const body: Cell[][] = [];
  for (const row of rows) {
    const first: Cell[] = [text(sampleLabel(row, groupBy, t)), row.shipments, row.quantity];
    if (row.costs.length === 0) body.push([...first, null, null, null, null]);
    row.costs.forEach((c, i) => {
      // Further currencies of the same group on rows of their own, under the first.
      const lead = i === 0 ? first : [null, null, null];
      body.push([...lead, c.currency, e4ToNumber(c.sampleE4), e4ToNumber(c.freightE4), e4ToNumber(c.sampleE4 + c.freightE4)]);
    });
  }
  return {
    header: [t(`reports.groups.${groupBy}`), s('shipments'), s('quantity'), s('currency'), s('sampleCost'), s('freightCost'), s('totalCost')],
    body,
    formats: { 5: MONEY_FORMAT, 6: MONEY_FORMAT, 7: MONEY_FORMAT },
  };
}

function topRows(rows: TopCustomerRow[], currency: string, t: ExportText) {
  return {
    header: ['rank', 'customer', 'code', 'country', 'quotes', 'currency', 'amount'].map((k) => t(`reports.topCustomers.${k}`)),
    body: rows.map((r, i): Cell[] => [i + 1, text(r.name), text(r.code), text(r.country), r.quotes, text(currency), e4ToNumber(r.amountE4)]),
    formats: { 7: MONEY_FORMAT },
  };
}

/** The workbook's bytes: one sheet named after the report, a bold frozen header row. */
export async function renderReportXlsx(table: ReportTable, t: ExportText): Promise<{ bytes: Buffer; rows: number }> {
  const { header, body, formats } =
    table.report === 'quotes'
      ? quoteRows(table.rows, t)
      : table.report === 'samples'
        ? sampleRows(table.rows, table.groupBy, t)
        : topRows(table.rows, table.currency, t);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName(table.report, t), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(header.map(text)).font = { bold: true };
  for (const cells of body) sheet.addRow(cells);
  for (const [column, format] of Object.entries(formats)) sheet.getColumn(Number(column)).numFmt = format;
  header.forEach((h, i) => (sheet.getColumn(i + 1).width = Math.max(10, Math.min(40, h.length + 4))));
  sheet.getColumn(header.length > 1 ? 2 : 1).width = 32;
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return { bytes, rows: body.length };
}

/** Excel refuses sheet names over 31 characters and with []:*?/\ in them. */
function sheetName(report: ReportKind, t: ExportText): string {
  return t(`reports.sheets.${report}`).replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
}
