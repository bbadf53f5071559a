import { describe, expect, it } from 'vitest';
import { formPath, newQuoteHref, toFormValues, toInput, totalsText } from '../../../../../renderer/src/features/quotes/quote-form.ts';

describe('the quote form', () => {
  it('turns typed prices into e4 and refuses a price that is not one, naming its line', () => {
    const built = toInput({ customerId: 'c1', incoterm: 'FOB', incotermPort: 'Ningbo', lines: [{ description: 'Valve', quantity: 10, unit: 'pcs', unitPrice: '0.0325', currency: 'USD' }] });
    expect('input' in built && built.input.lines?.[0]).toMatchObject({ unitPriceE4: 325, quantity: 10, productId: null });
    const bad = toInput({ customerId: 'c1', lines: [{ unitPrice: '1.5' }, { unitPrice: '1,2.3.4' }, { unitPrice: '-2' }] });
    expect(bad).toEqual({ badPrices: [['lines', 1, 'unitPrice'], ['lines', 2, 'unitPrice']] });
  });

  it('shows a stored price as plain text, maps contract paths to form paths, and totals per currency', () => {
    expect(formPath('lines.2.unitPriceE4')).toBe('lines.2.unitPrice');
    expect(formPath('lines.2.quantity')).toBe('lines.2.quantity');
    expect(toFormValues(null, 'c9')).toMatchObject({ customerId: 'c9', language: 'en', lines: [] });
    expect(totalsText([{ currency: 'USD', amountE4: 12_345_000 }, { currency: 'EUR', amountE4: 800_000 }])).toBe('USD 1,234.50 · EUR 80.00');
    expect(newQuoteHref('a b')).toBe('#/quotes/new?customer=a%20b');
  });
});
