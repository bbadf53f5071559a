import { describe, expect, it } from 'vitest';
import { documentTotals, e4ToNumber, formatDocumentDate, formatMoney, formatQuantity, formatUnitPrice, incotermText, type QuoteDocumentLine } from '../../../../shared/domain/quote-document.ts';

const line = (currency: string, amountE4: number): QuoteDocumentLine => ({ model: null, description: 'x', spec: null, quantity: 1, unit: 'pcs', unitPriceE4: amountE4, currency, amountE4 });

describe('quote document formatting', () => {
  it('shows unit prices with two to four decimals and grouped thousands', () => {
    expect(formatUnitPrice(325)).toBe('0.0325');
    expect(formatUnitPrice(125_000)).toBe('12.50');
    expect(formatUnitPrice(12_345_600)).toBe('1,234.56');
    expect(formatUnitPrice(12_345_678)).toBe('1,234.5678');
  });

  it('puts the currency code before an amount, the same in both languages', () => {
    expect(formatMoney(125_000, 'USD')).toBe('USD 12.50');
    expect(formatMoney(1_000_000_000, 'EUR')).toBe('EUR 100,000.00');
    expect(formatMoney(-50_000, 'CNY')).toBe('CNY -5.00');
  });

  it('writes quantities without trailing zeros and dates in the quote’s language', () => {
    expect(formatQuantity(1200, 'en')).toBe('1,200');
    expect(formatQuantity(2.5, 'zh-CN')).toBe('2.5');
    const at = Date.UTC(2026, 11, 2, 12);
    expect(formatDocumentDate(at, 'en', 'UTC')).toBe('2 Dec 2026');
    expect(formatDocumentDate(at, 'zh-CN', 'UTC')).toBe('2026年12月2日');
  });

  it('totals per currency in the order the currencies first appear', () => {
    expect(documentTotals([line('USD', 10_000), line('EUR', 5), line('USD', 20_000)])).toEqual([
      { currency: 'USD', amountE4: 30_000 },
      { currency: 'EUR', amountE4: 5 },
    ]);
    expect(documentTotals([])).toEqual([]);
  });

  it('names the Incoterm with its port, and turns e4 into plain numbers for spreadsheets', () => {
    expect(incotermText('FOB', 'Ningbo')).toBe('FOB Ningbo');
    expect(incotermText('EXW', null)).toBe('EXW');
    expect(incotermText(null, 'Ningbo')).toBeNull();
    expect(e4ToNumber(370_411_725)).toBe(37_041.1725);
  });
});
