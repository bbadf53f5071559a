import { describe, expect, it } from 'vitest';
import { toFormValues, toInput } from '../../../../../renderer/src/features/products/product-form.ts';

describe('the product form', () => {
  it('turns typed prices into e4 and leaves out the currency of an empty price', () => {
    const built = toInput({ model: 'BV-100', listPrice: '1,234.5', listCurrency: 'EUR', cost: '', costCurrency: 'CNY', unitsPerCarton: 50 }, []);
    expect(built).toMatchObject({ input: { model: 'BV-100', listPriceE4: 12_345_000, listCurrency: 'EUR', costE4: null, costCurrency: null, unitsPerCarton: 50 } });
  });

  it('names the price fields that are not prices', () => {
    expect(toInput({ model: 'X', listPrice: '3.25 dollars', cost: '0.00001' }, [])).toEqual({ badPrices: ['listPrice', 'cost'] });
  });

  it('sends only the chosen category’s attributes, empty ones as null', () => {
    const built = toInput({ model: 'X', attributes: { a: 'Brass', b: '', old: 'kept from another category' } }, ['a', 'b']);
    expect('input' in built && built.input.attributes).toEqual({ a: 'Brass', b: null });
  });

  it('shows a stored price as plain text that parses back to the same value', () => {
    const values = toFormValues({
      id: 'p', model: 'BV-100', nameEn: null, nameZh: null, categoryId: null, unit: 'pcs', listPriceE4: 12_345_000, listCurrency: 'USD', costE4: 325, costCurrency: 'CNY',
      thumbnail: null, specs: null, attributes: {}, unitsPerCarton: null, cartonLengthCm: null, cartonWidthCm: null, cartonHeightCm: null, grossWeightKg: null, netWeightKg: null,
      notes: null, images: [], createdAt: 0, updatedAt: 0, deletedAt: null,
    });
    expect([values.listPrice, values.cost]).toEqual(['1234.50', '0.0325']);
    expect(toInput(values, [])).toMatchObject({ input: { listPriceE4: 12_345_000, costE4: 325 } });
  });
});
