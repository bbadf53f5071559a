import ExcelJS from 'exceljs';
import { catalogs } from '../../../../shared/i18n/catalogs.ts';
import { e4ToNumber, formatDocumentDate, incotermText, type QuoteDocument } from '../../../../shared/domain/quote-document.ts';
import { spreadsheetCell } from '../../exports/spreadsheet-cell.ts';
import { logoKind } from '../../settings/letterhead-logo.ts';

/**
 * A quote as an .xlsx the buyer can paste into their own sheets: the letterhead and the quote's
 * details on top, then one row per line with quantities, prices and amounts as numbers (so they
 * add up), totals per currency and the terms. Labels come from the quote's own language. Every
 * text cell goes through spreadsheetCell: a description such as "=HYPERLINK(…)" stays text.
 */

type Labels = (typeof catalogs)['en']['quoteDocuments']['document'];

const PRICE_FORMAT = '#,##0.00##';
const AMOUNT_FORMAT = '#,##0.00##';
const QUANTITY_FORMAT = '#,##0.###';
const COLUMN_WIDTHS = [6, 14, 40, 28, 11, 8, 9, 12, 14];

const text = (value: string | null | undefined) => spreadsheetCell(value ?? '');

function addLetterhead(workbook: ExcelJS.Workbook, sheet: ExcelJS.Worksheet, doc: QuoteDocument, labels: Labels): void {
  const { seller } = doc;
  sheet.addRow([text(seller.companyName)]).font = { bold: true, size: 14 };
  if (seller.address) sheet.addRow([text(seller.address)]);
  const reach = [seller.phone && `${labels.tel}: ${seller.phone}`, seller.email && `${labels.email}: ${seller.email}`, seller.website && `${labels.web}: ${seller.website}`].filter(Boolean);
  if (reach.length > 0) sheet.addRow([text(reach.join('   '))]);
  const kind = seller.logo ? logoKind(seller.logo) : null;
  if (seller.logo && kind) {
    // exceljs's types want a Node Buffer of the older, non-generic kind.
    const image = workbook.addImage({ buffer: Buffer.from(seller.logo) as unknown as ExcelJS.Buffer, extension: kind === 'png' ? 'png' : 'jpeg' });
    sheet.addImage(image, { tl: { col: 7, row: 0 }, ext: { width: 120, height: 60 }, editAs: 'oneCell' });
  }
  sheet.addRow([]);
}

function addHeading(sheet: ExcelJS.Worksheet, doc: QuoteDocument, labels: Labels): void {
  sheet.addRow([text(labels.title)]).font = { bold: true, size: 16 };
  const details: Array<[string, string | null]> = [
    [labels.number, doc.number],
    [labels.revision, doc.revision > 0 ? `R${doc.revision}` : null],
    [labels.date, formatDocumentDate(doc.issuedAt, doc.language)],
    [labels.validUntil, doc.validUntil === null ? null : formatDocumentDate(doc.validUntil, doc.language)],
    [labels.to, doc.buyer.customerName],
    [labels.attention, doc.buyer.contactName],
    [labels.country, doc.buyer.country],
  ];
  for (const [label, value] of details) {
    if (value) sheet.addRow([null, text(label), text(value)]);
  }
  if (doc.buyer.address) sheet.addRow([null, null, text(doc.buyer.address)]);
  sheet.addRow([]);
}

function addLines(sheet: ExcelJS.Worksheet, doc: QuoteDocument, labels: Labels): void {
  const c = labels.columns;
  const header = sheet.addRow([c.index, c.model, c.description, c.spec, c.quantity, c.unit, c.currency, c.unitPrice, c.amount].map(text));
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF2F6' } };
  });
  doc.lines.forEach((line, i) => {
    const row = sheet.addRow([i + 1, text(line.model), text(line.description), text(line.spec), line.quantity, text(line.unit), text(line.currency), e4ToNumber(line.unitPriceE4), e4ToNumber(line.amountE4)]);
    row.getCell(5).numFmt = QUANTITY_FORMAT;
    row.getCell(8).numFmt = PRICE_FORMAT;
    row.getCell(9).numFmt = AMOUNT_FORMAT;
    row.alignment = { vertical: 'top', wrapText: true };
  });
  for (const total of doc.totals) {
    const row = sheet.addRow([null, null, null, null, null, null, text(total.currency), text(labels.total), e4ToNumber(total.amountE4)]);
    row.font = { bold: true };
    row.getCell(9).numFmt = AMOUNT_FORMAT;
  }
  sheet.addRow([]);
}

function addTerms(sheet: ExcelJS.Worksheet, doc: QuoteDocument, labels: Labels): void {
  const rows: Array<[string, string | null]> = [
    [labels.priceTerm, incotermText(doc.incoterm, doc.incotermPort)],
    [labels.payment, doc.paymentTerms],
    [labels.leadTime, doc.leadTime],
    [labels.moq, doc.moq],
    [labels.notes, doc.notes],
    [labels.bank, doc.seller.bankDetails || null],
  ];
  const present = rows.filter((r): r is [string, string] => !!r[1]);
  if (present.length === 0) return;
  sheet.addRow([text(labels.terms)]).font = { bold: true };
  for (const [label, value] of present) {
    const row = sheet.addRow([null, text(label), text(value)]);
    row.getCell(3).alignment = { wrapText: true, vertical: 'top' };
  }
}

/** The quote as .xlsx bytes. */
export async function renderQuoteXlsx(doc: QuoteDocument): Promise<Buffer> {
  const labels = catalogs[doc.language].quoteDocuments.document;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = doc.seller.companyName || 'TradeFolio';
  workbook.created = new Date(doc.issuedAt);
  const sheet = workbook.addWorksheet(labels.sheet, { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.columns = COLUMN_WIDTHS.map((width) => ({ width }));
  addLetterhead(workbook, sheet, doc, labels);
  addHeading(sheet, doc, labels);
  addLines(sheet, doc, labels);
  addTerms(sheet, doc, labels);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
