import { afterEach, describe, expect, it } from 'vitest';
import { createTempCore, type TempCore } from '../../../../helpers/temp-core.ts';

const cores: TempCore[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});

async function app(): Promise<TempCore> {
  const core = await createTempCore();
  cores.push(core);
  return core;
}

const valve = { model: 'BV-100', nameEn: 'Brass ball valve', nameZh: '黄铜球阀', listPriceE4: 32_500, listCurrency: 'USD' as const, unit: 'pcs' };

describe('products', () => {
  it('creates, lists, finds by model key prefix and names, updates and soft-deletes', async () => {
    const a = await app();
    const created = await a.call('products.create', { ...valve, costE4: 150_000, costCurrency: 'CNY', unitsPerCarton: 50, grossWeightKg: 12.5 });
    expect(created).toMatchObject({ model: 'BV-100', nameZh: '黄铜球阀', listPriceE4: 32_500, listCurrency: 'USD', costE4: 150_000, unitsPerCarton: 50, thumbnail: null, deletedAt: null });
    await a.call('products.create', { model: 'GV 200', nameEn: 'Gate valve' });
    await a.call('products.create', { model: 'PX.9', nameZh: '不锈钢管' });

    const all = await a.call('products.list', { offset: 0, limit: 10 });
    expect(all.total).toBe(3);
    expect(all.rows.map((r) => r.model)).toEqual(['BV-100', 'GV 200', 'PX.9']);
    const find = async (query: string) => (await a.call('products.list', { query, offset: 0, limit: 10 })).rows.map((r) => r.model);
    expect(await find('bv 10')).toEqual(['BV-100']);
    expect(await find('gv-2')).toEqual(['GV 200']);
    expect(await find('V1')).toEqual([]); // a model matches by prefix, not anywhere
    expect(await find('ball')).toEqual(['BV-100']);
    expect(await find('钢管')).toEqual(['PX.9']);
    expect(await find('valve')).toEqual(['BV-100', 'GV 200']);
    expect(await find('100%')).toEqual([]);

    const updated = await a.call('products.update', { id: created.id, ...valve, listPriceE4: 30_000, listCurrency: 'EUR' });
    expect(updated).toMatchObject({ listPriceE4: 30_000, listCurrency: 'EUR', costE4: null, unitsPerCarton: null });

    expect(await a.call('products.remove', { id: created.id })).toEqual({ count: 1 });
    expect(await find('bv')).toEqual([]);
    // A quoted product stays readable after it is deleted.
    expect(await a.call('products.get', { id: created.id })).toMatchObject({ model: 'BV-100', deletedAt: expect.any(Number) });
    // Its model is free again; and a deleted product cannot be edited.
    await a.call('products.create', { ...valve });
    expect((await a.fail('products.update', { id: created.id, ...valve, model: 'OLD-1' })).code).toBe('notFound');
  });

  it('refuses a model a live product holds, naming it, whatever its spaces, dashes, dots and case', async () => {
    const a = await app();
    const first = await a.call('products.create', valve);
    const error = await a.fail('products.create', { model: 'bv 100' });
    expect(error).toMatchObject({ code: 'conflict', message: 'products.errors.modelTaken', params: { model: 'BV-100' } });
    expect(error.fieldErrors).toEqual([{ path: 'model', message: 'products.errors.modelTaken', params: { model: 'BV-100' } }]);
    expect((await a.fail('products.create', { model: 'b.v/100' })).code).toBe('conflict');
    const other = await a.call('products.create', { model: 'BV-101' });
    expect((await a.fail('products.update', { id: other.id, model: 'BV100' })).code).toBe('conflict');
    // Saving a product under its own model is no conflict.
    expect((await a.call('products.update', { id: first.id, model: 'bv-100' })).model).toBe('bv-100');
    expect((await a.call('products.list', { offset: 0, limit: 10 })).total).toBe(2);
  });

  it('refuses bad input with a message naming the field', async () => {
    const a = await app();
    const noCurrency = await a.fail('products.create', { model: 'X1', listPriceE4: 100 });
    expect(noCurrency.fieldErrors).toEqual([{ path: 'listCurrency', message: 'validation.required' }]);
    const unknown = await a.fail('products.create', { model: 'X1', costE4: 100, costCurrency: 'XYZ' });
    expect(unknown.fieldErrors?.map((e) => e.path)).toEqual(['costCurrency']);
    const negative = await a.fail('products.create', { model: 'X1', listPriceE4: -5, listCurrency: 'USD' });
    expect(negative.fieldErrors?.map((e) => e.path)).toEqual(['listPriceE4']);
    expect((await a.fail('products.create', { model: '  ' })).fieldErrors).toEqual([{ path: 'model', message: 'validation.required' }]);
    expect((await a.fail('products.create', { model: 'X1', categoryId: 'nope' })).fieldErrors).toEqual([
      { path: 'categoryId', message: 'products.errors.categoryNotFound' },
    ]);
    expect((await a.fail('products.get', { id: 'nope' })).code).toBe('notFound');
  });

  it('emits data.changed for products on every write', async () => {
    const a = await app();
    const seen: string[][] = [];
    a.core.subscribe((event, payload) => {
      if (event === 'data.changed') seen.push((payload as { entities: string[] }).entities);
    });
    const p = await a.call('products.create', valve);
    await a.call('products.remove', { id: p.id });
    expect(seen).toEqual([['products'], ['products']]);
  });
});
