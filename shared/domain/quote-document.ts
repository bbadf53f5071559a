import { E4, formatMoneyE4, totalsByCurrency, type MoneyLine } from './money.ts';

/**
 * A quote as its documents (PDF, .xlsx) show it: everything already chosen and worded, so the
 * writers only lay it out. Built from a stored quote and the letterhead settings
 * (electron/services/quotes/documents/quote-document.queries.ts), or by tests and benchmarks
 * directly. Money is in ten-thousandths (shared/domain/money.ts); each line has its own currency.
 */

/** The language of a quote's documents, chosen per quote (quotes.language), never the UI's. */
export const QUOTE_DOCUMENT_LANGUAGES = ['en', 'zh-CN'] as const;
export type QuoteDocumentLanguage = (typeof QUOTE_DOCUMENT_LANGUAGES)[number];

/** Our company as the letterhead shows it (Settings → Letterhead); empty text is left out. */
export interface QuoteSeller {
  companyName: string;
  address: string;
  phone: string;
  email: string;
  website: string;
  /** Free text, several lines: beneficiary, bank, account, SWIFT… */
  bankDetails: string;
  /** The logo's PNG or JPEG bytes. */
  logo: Uint8Array | null;
}

export interface QuoteBuyer {
  customerName: string;
  contactName: string | null;
  address: string | null;
  country: string | null;
}

export interface QuoteDocumentLine {
  model: string | null;
  description: string;
  spec: string | null;
  quantity: number;
  unit: string;
  unitPriceE4: number;
  currency: string;
  amountE4: number;
}

export interface QuoteDocument {
  language: QuoteDocumentLanguage;
  number: string;
  revision: number;
  /** The quote's date (quotes.quoted_at), epoch ms. */
  issuedAt: number;
  validUntil: number | null;
  seller: QuoteSeller;
  buyer: QuoteBuyer;
  lines: QuoteDocumentLine[];
  /** One per currency, in the order each currency first appears in the lines. */
  totals: MoneyLine[];
  incoterm: string | null;
  incotermPort: string | null;
  paymentTerms: string | null;
  leadTime: string | null;
  moq: string | null;
  notes: string | null;
}

/** The totals a document shows: the sum of its lines' amounts per currency. */
export function documentTotals(lines: readonly QuoteDocumentLine[]): MoneyLine[] {
  return totalsByCurrency(lines);
}

/** "FOB Ningbo", "EXW", or null when the quote names no Incoterm. */
export function incotermText(incoterm: string | null, port: string | null): string | null {
  if (!incoterm) return null;
  return port ? `${incoterm} ${port}` : incoterm;
}

/**
 * A unit price: at least two decimals and up to four when the price has them ("0.0325",
 * "12.50", "1,234.5600" stays "1,234.56"). Grouping with commas reads the same in English
 * and Chinese trade documents.
 */
export function formatUnitPrice(valueE4: number): string {
  return formatMoneyE4(valueE4, 2);
}

/** An amount with its currency: "USD 12.50". Codes rather than symbols: $ is several currencies. */
export function formatMoney(valueE4: number, currency: string): string {
  return `${currency} ${formatMoneyE4(valueE4, 2)}`;
}

/** A quantity: grouped, up to three decimals, no trailing zeros ("1,200", "2.5"). */
export function formatQuantity(quantity: number, language: QuoteDocumentLanguage): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 3, useGrouping: true }).format(quantity);
}

/** The document's dates: "2 Dec 2026" / "2026年12月2日", in `timeZone` (the computer's by default). */
export function formatDocumentDate(ms: number, language: QuoteDocumentLanguage, timeZone?: string): string {
  const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: language === 'en' ? 'short' : 'long', day: 'numeric', ...(timeZone ? { timeZone } : {}) };
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'zh-CN', options).format(ms);
}

/** e4 as a plain number of the currency's unit, for spreadsheet cells that stay summable. */
export function e4ToNumber(valueE4: number): number {
  return valueE4 / E4;
}
