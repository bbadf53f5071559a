import { describe, expect, it } from 'vitest';
import { cartonSizeCell, currencyIn, moneyCell, numberCell } from '../../../../../../electron/services/products/import/product-import-cells.ts';
import { mapProductColumns } from '../../../../../../electron/services/products/import/product-import-fields.ts';

describe('product sheet cells', () => {
  it('reads prices with the currency their cell names', () => {
    expect(moneyCell('3.25')).toEqual({ ok: true, value: { e4: 32_500, currency: null } });
    expect(moneyCell('US$ 1,234.5')).toEqual({ ok: true, value: { e4: 12_345_000, currency: 'USD' } });
    expect(moneyCell('￥12.5')).toEqual({ ok: true, value: { e4: 125_000, currency: 'CNY' } });
    expect(moneyCell('4.1 EUR')).toEqual({ ok: true, value: { e4: 41_000, currency: 'EUR' } });
    expect(moneyCell('0.03255')).toEqual({ ok: false });
    expect(moneyCell('-3')).toEqual({ ok: false });
    expect(moneyCell('cheap')).toEqual({ ok: false });
  });

  it('reads currencies, numbers with units and carton sizes', () => {
    expect([currencyIn('Unit price (USD)'), currencyIn('人民币'), currencyIn('price'), currencyIn('XYZ')]).toEqual(['USD', 'CNY', null, null]);
    expect([numberCell('12.5 kg'), numberCell('1,200'), numberCell('50pcs'), numberCell('1/2')]).toEqual([
      { ok: true, value: 12.5 },
      { ok: true, value: 1200 },
      { ok: true, value: 50 },
      { ok: false },
    ]);
    expect(cartonSizeCell('50 × 40 × 30 cm')).toEqual({ ok: true, value: [50, 40, 30] });
    expect(cartonSizeCell('50*40.5*30')).toEqual({ ok: true, value: [50, 40.5, 30] });
    expect(cartonSizeCell('50x40')).toEqual({ ok: false });
  });

  it('maps English and Chinese headers, and a second column of one field to extra', () => {
    const headers = ['No.', 'Item No.', 'Description', 'FOB Price (USD)', 'Carton size', 'G.W.', 'Price'].map((text, index) => ({ index, letter: String.fromCharCode(65 + index), text }));
    expect(mapProductColumns(headers).map((c) => c.target)).toEqual(['skip', 'model', 'nameEn', 'listPrice', 'cartonSize', 'grossWeightKg', 'extra']);
  });
});
