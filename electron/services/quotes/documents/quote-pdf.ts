import PDFDocument from 'pdfkit';
import { catalogs } from '../../../../shared/i18n/catalogs.ts';
import { formatDocumentDate, formatMoney, formatQuantity, formatUnitPrice, incotermText, type QuoteDocument, type QuoteDocumentLine } from '../../../../shared/domain/quote-document.ts';
import { formatMoneyE4 } from '../../../../shared/domain/money.ts';
import { quoteFont } from './quote-fonts.ts';

/**
 * A quote as an A4 PDF on the company letterhead, made by pdfkit in plain Node — the same in the
 * desktop app, the web host and the CLI. Every word on it comes from the catalog of the quote's
 * own language (doc.language), not the UI's. Text is set in Noto Sans SC, embedded as a subset
 * of the glyphs used (quote-fonts.ts), so Chinese and English both render and the file stays small.
 */

type Pdf = PDFKit.PDFDocument;
type Labels = (typeof catalogs)['en']['quoteDocuments']['document'];

const MARGIN = 40;
const FOOTER_SPACE = 28;
const INK = '#1f2328';
const MUTED = '#57606a';
const RULE = '#d0d7de';
const HEADER_FILL = '#eef2f6';

interface Column {
  key: keyof Labels['columns'];
  width: number;
  align: 'left' | 'right' | 'center';
}

/** 515 pt: the A4 width less the margins. */
const COLUMNS: readonly Column[] = [
  { key: 'index', width: 26, align: 'center' },
  { key: 'model', width: 70, align: 'left' },
  { key: 'description', width: 153, align: 'left' },
  { key: 'quantity', width: 52, align: 'right' },
  { key: 'unit', width: 36, align: 'left' },
  { key: 'currency', width: 48, align: 'left' },
  { key: 'unitPrice', width: 60, align: 'right' },
  { key: 'amount', width: 70, align: 'right' },
];
const CELL_PAD = 4;

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(params[key] ?? ''));
}

const contentWidth = (pdf: Pdf) => pdf.page.width - MARGIN * 2;
const bottomLimit = (pdf: Pdf) => pdf.page.height - MARGIN - FOOTER_SPACE;

/** Starts a new page when `height` more points do not fit on this one; true when it did. */
function ensureSpace(pdf: Pdf, height: number): boolean {
  if (pdf.y + height <= bottomLimit(pdf)) return false;
  pdf.addPage();
  pdf.y = MARGIN;
  return true;
}

function drawLetterhead(pdf: Pdf, doc: QuoteDocument, labels: Labels): void {
  const { seller } = doc;
  const top = MARGIN;
  let textX = MARGIN;
  if (seller.logo) {
    pdf.image(Buffer.from(seller.logo.buffer, seller.logo.byteOffset, seller.logo.byteLength), MARGIN, top, { fit: [110, 56], valign: 'center' });
    textX = MARGIN + 122;
  }
  const width = pdf.page.width - MARGIN - textX;
  pdf.x = textX;
  pdf.y = top;
  if (seller.companyName) pdf.font('bold').fontSize(15).fillColor(INK).text(seller.companyName, textX, top, { width });
  pdf.font('regular').fontSize(8.5).fillColor(MUTED);
  if (seller.address) pdf.text(seller.address, textX, pdf.y + 2, { width });
  const reach = [
    seller.phone && `${labels.tel}: ${seller.phone}`,
    seller.email && `${labels.email}: ${seller.email}`,
    seller.website && `${labels.web}: ${seller.website}`,
  ].filter(Boolean);
  if (reach.length > 0) pdf.text(reach.join('   '), textX, pdf.y + 1, { width });
  const bottom = Math.max(pdf.y, seller.logo ? top + 56 : top) + 8;
  pdf.moveTo(MARGIN, bottom).lineTo(pdf.page.width - MARGIN, bottom).lineWidth(1).strokeColor(INK).stroke();
  pdf.y = bottom + 10;
}

function drawHeading(pdf: Pdf, doc: QuoteDocument, labels: Labels): void {
  pdf.font('bold').fontSize(18).fillColor(INK).text(labels.title, MARGIN, pdf.y, { width: contentWidth(pdf), align: 'center' });
  const top = pdf.y + 8;
  const half = contentWidth(pdf) / 2;
  // Left: the buyer.
  const { buyer } = doc;
  pdf.font('regular').fontSize(8.5).fillColor(MUTED).text(labels.to, MARGIN, top, { width: half - 10 });
  pdf.font('bold').fontSize(10.5).fillColor(INK).text(buyer.customerName, { width: half - 10 });
  pdf.font('regular').fontSize(9);
  if (buyer.contactName) pdf.text(`${labels.attention} ${buyer.contactName}`, { width: half - 10 });
  if (buyer.address) pdf.text(buyer.address, { width: half - 10 });
  if (buyer.country) pdf.text(buyer.country, { width: half - 10 });
  const leftBottom = pdf.y;
  // Right: number and dates, as label / value rows.
  const rows: Array<[string, string]> = [[labels.number, doc.number]];
  if (doc.revision > 0) rows.push([labels.revision, `R${doc.revision}`]);
  rows.push([labels.date, formatDocumentDate(doc.issuedAt, doc.language)]);
  if (doc.validUntil !== null) rows.push([labels.validUntil, formatDocumentDate(doc.validUntil, doc.language)]);
  let y = top;
  const labelX = MARGIN + half + 40;
  for (const [label, value] of rows) {
    pdf.font('regular').fontSize(9).fillColor(MUTED).text(label, labelX, y, { width: 80 });
    pdf.font(label === labels.number ? 'bold' : 'regular').fillColor(INK).text(value, labelX + 80, y, { width: half - 120 });
    y = Math.max(pdf.y, y + 13);
  }
  pdf.y = Math.max(leftBottom, y) + 14;
}

function cellText(pdf: Pdf, text: string, x: number, y: number, column: Column): void {
  pdf.text(text, x + CELL_PAD, y, { width: column.width - CELL_PAD * 2, align: column.align });
}

function drawTableHeader(pdf: Pdf, labels: Labels): void {
  const y = pdf.y;
  pdf.font('bold').fontSize(8.5);
  const height = Math.max(...COLUMNS.map((c) => pdf.heightOfString(labels.columns[c.key], { width: c.width - CELL_PAD * 2 }))) + 10;
  pdf.rect(MARGIN, y, contentWidth(pdf), height).fill(HEADER_FILL);
  pdf.fillColor(INK);
  let x = MARGIN;
  for (const column of COLUMNS) {
    cellText(pdf, labels.columns[column.key], x, y + 5, column);
    x += column.width;
  }
  pdf.y = y + height;
}

function lineCells(line: QuoteDocumentLine, index: number, language: QuoteDocument['language']): Record<Column['key'], string> {
  return {
    index: String(index + 1),
    model: line.model ?? '',
    description: line.description,
    spec: line.spec ?? '',
    quantity: formatQuantity(line.quantity, language),
    unit: line.unit,
    currency: line.currency,
    unitPrice: formatUnitPrice(line.unitPriceE4),
    amount: formatMoneyE4(line.amountE4, 2),
  };
}

const descriptionColumn = COLUMNS.find((c) => c.key === 'description')!;

/** The row's height: its tallest cell, the description with its spec beneath in smaller type. */
function rowHeight(pdf: Pdf, cells: Record<Column['key'], string>): number {
  const inner = (c: Column) => c.width - CELL_PAD * 2;
  pdf.font('regular').fontSize(9);
  let height = Math.max(...COLUMNS.map((c) => (c.key === 'description' ? 0 : pdf.heightOfString(cells[c.key] || ' ', { width: inner(c) }))));
  let description = pdf.heightOfString(cells.description || ' ', { width: inner(descriptionColumn) });
  if (cells.spec) description += pdf.fontSize(7.5).heightOfString(cells.spec, { width: inner(descriptionColumn) }) + 1;
  height = Math.max(height, description);
  return height + 8;
}

/**
 * One line of the table. The description goes last: a description taller than a whole page
 * (rare, but text is free) flows on to the next page, where pdfkit continues it, and the row
 * ends below it instead of overprinting what follows.
 */
function drawLine(pdf: Pdf, cells: Record<Column['key'], string>, height: number): void {
  const y = pdf.y;
  const pages = pdf.bufferedPageRange().count;
  let x = MARGIN;
  for (const column of COLUMNS) {
    if (column.key !== 'description') {
      pdf.font('regular').fontSize(9).fillColor(INK);
      cellText(pdf, cells[column.key], x, y + 4, column);
    }
    x += column.width;
  }
  const descriptionX = MARGIN + COLUMNS.slice(0, COLUMNS.indexOf(descriptionColumn)).reduce((sum, c) => sum + c.width, 0);
  pdf.font('regular').fontSize(9).fillColor(INK);
  cellText(pdf, cells.description, descriptionX, y + 4, descriptionColumn);
  if (cells.spec) pdf.fontSize(7.5).fillColor(MUTED).text(cells.spec, descriptionX + CELL_PAD, pdf.y + 1, { width: descriptionColumn.width - CELL_PAD * 2 });
  const bottom = pdf.bufferedPageRange().count > pages ? pdf.y + 4 : y + height;
  pdf.moveTo(MARGIN, bottom).lineTo(MARGIN + contentWidth(pdf), bottom).lineWidth(0.5).strokeColor(RULE).stroke();
  pdf.y = bottom;
}

/** The lines, breaking across pages with the column headings repeated on each. */
function drawLines(pdf: Pdf, doc: QuoteDocument, labels: Labels): void {
  ensureSpace(pdf, 60);
  drawTableHeader(pdf, labels);
  doc.lines.forEach((line, index) => {
    const cells = lineCells(line, index, doc.language);
    const height = rowHeight(pdf, cells);
    if (ensureSpace(pdf, height)) drawTableHeader(pdf, labels);
    drawLine(pdf, cells, height);
  });
}

function drawTotals(pdf: Pdf, doc: QuoteDocument, labels: Labels): void {
  pdf.y += 6;
  const width = 220;
  const x = MARGIN + contentWidth(pdf) - width;
  for (const total of doc.totals) {
    ensureSpace(pdf, 16);
    const y = pdf.y;
    pdf.font('regular').fontSize(9.5).fillColor(MUTED).text(labels.total, x, y, { width: 80 });
    pdf.font('bold').fillColor(INK).text(formatMoney(total.amountE4, total.currency), x + 80, y, { width: width - CELL_PAD - 80, align: 'right' });
    pdf.y = y + 15;
  }
  pdf.y += 10;
}

/** Label / value rows of the terms, then the notes and the bank details, each kept whole on a page. */
function drawTerms(pdf: Pdf, doc: QuoteDocument, labels: Labels): void {
  const rows: Array<[string, string | null]> = [
    [labels.priceTerm, incotermText(doc.incoterm, doc.incotermPort)],
    [labels.payment, doc.paymentTerms],
    [labels.leadTime, doc.leadTime],
    [labels.moq, doc.moq],
    [labels.validUntil, doc.validUntil === null ? null : formatDocumentDate(doc.validUntil, doc.language)],
  ];
  const present = rows.filter((r): r is [string, string] => !!r[1]);
  const blocks: Array<[string, string]> = [];
  if (doc.notes) blocks.push([labels.notes, doc.notes]);
  if (doc.seller.bankDetails) blocks.push([labels.bank, doc.seller.bankDetails]);
  const valueWidth = contentWidth(pdf) - 90;
  if (present.length > 0) {
    ensureSpace(pdf, 20 + present.length * 14);
    pdf.font('bold').fontSize(10).fillColor(INK).text(labels.terms, MARGIN, pdf.y);
    pdf.y += 3;
    for (const [label, value] of present) {
      pdf.font('regular').fontSize(9);
      ensureSpace(pdf, pdf.heightOfString(value, { width: valueWidth }) + 3);
      const y = pdf.y;
      pdf.fillColor(MUTED).text(label, MARGIN, y, { width: 86 });
      pdf.fillColor(INK).text(value, MARGIN + 90, y, { width: valueWidth });
      pdf.y = Math.max(pdf.y, y + 13) + 1;
    }
    pdf.y += 8;
  }
  for (const [title, text] of blocks) {
    pdf.font('regular').fontSize(9);
    ensureSpace(pdf, Math.min(pdf.heightOfString(text, { width: contentWidth(pdf) }) + 20, bottomLimit(pdf) - MARGIN));
    pdf.font('bold').fontSize(10).fillColor(INK).text(title, MARGIN, pdf.y);
    pdf.font('regular').fontSize(9).text(text, MARGIN, pdf.y + 2, { width: contentWidth(pdf) });
    pdf.y += 10;
  }
}

/** "Q2026-0001 · Page 1 of 3" at the foot of every page, written once the page count is known. */
function drawFooters(pdf: Pdf, doc: QuoteDocument, labels: Labels): void {
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    // Inside the bottom margin: without this pdfkit would move the text to a new page.
    const margin = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    const text = `${doc.number}  ·  ${fill(labels.page, { page: i + 1, pages: range.count })}`;
    pdf.font('regular').fontSize(7.5).fillColor(MUTED).text(text, MARGIN, pdf.page.height - MARGIN - 8, { width: contentWidth(pdf), align: 'right', lineBreak: false });
    pdf.page.margins.bottom = margin;
  }
}

/** The quote as an A4 PDF. */
export function renderQuotePdf(doc: QuoteDocument): Promise<Buffer> {
  const labels = catalogs[doc.language].quoteDocuments.document;
  // pdfkit takes a parsed fontkit font where its types say a path or bytes (PDFFontFactory.open).
  const regular = quoteFont('regular') as unknown as string;
  // `font` set to our own: pdfkit would otherwise load Helvetica's metrics from files no bundle carries.
  const pdf = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    font: regular,
    lang: doc.language,
    // No key may be undefined: pdfkit hashes every value of `info` into the file's id.
    info: { Title: `${labels.title} ${doc.number}`, Subject: doc.buyer.customerName, ...(doc.seller.companyName ? { Author: doc.seller.companyName } : {}) },
  });
  pdf.registerFont('regular', regular);
  pdf.registerFont('bold', quoteFont('bold') as unknown as string);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  drawLetterhead(pdf, doc, labels);
  drawHeading(pdf, doc, labels);
  drawLines(pdf, doc, labels);
  drawTotals(pdf, doc, labels);
  drawTerms(pdf, doc, labels);
  drawFooters(pdf, doc, labels);
  pdf.end();
  return done;
}
