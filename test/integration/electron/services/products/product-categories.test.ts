import { afterEach, describe, expect, it } from 'vitest';
import { createTempCore, type TempCore } from '../../../../helpers/temp-core.ts';

const cores: TempCore[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});

async function withValves() {
  const app = await createTempCore();
  cores.push(app);
  const category = await app.call('productCategories.create', {
    nameEn: 'Valves',
    nameZh: '阀门',
    attributes: [
      { label: 'Material', type: 'select', options: ['Brass', 'Stainless 304'] },
      { label: 'Pressure (bar)', type: 'number' },
      { label: 'Lead free', type: 'boolean' },
      { label: 'Thread', type: 'text' },
    ],
  });
  const [material, pressure, leadFree, thread] = category.attributes.map((a) => a.id) as [string, string, string, string];
  return { app, category, material, pressure, leadFree, thread };
}

describe('product categories and their attribute templates', () => {
  it('keeps a product’s values checked against its category’s template', async () => {
    const { app, category, material, pressure, leadFree, thread } = await withValves();
    expect(category).toMatchObject({ nameEn: 'Valves', nameZh: '阀门', productCount: 0 });
    expect(category.attributes.map((a) => [a.label, a.type, a.options])).toEqual([
      ['Material', 'select', ['Brass', 'Stainless 304']],
      ['Pressure (bar)', 'number', []],
      ['Lead free', 'boolean', []],
      ['Thread', 'text', []],
    ]);
    const product = await app.call('products.create', {
      model: 'BV-100',
      categoryId: category.id,
      attributes: { [material]: 'Brass', [pressure]: 16, [leadFree]: true, [thread]: ' BSP 1/2" ', },
    });
    expect(product.attributes).toEqual({ [material]: 'Brass', [pressure]: 16, [leadFree]: true, [thread]: 'BSP 1/2"' });

    const bad = await app.fail('products.create', {
      model: 'BV-200',
      categoryId: category.id,
      attributes: { [material]: 'Gold', [pressure]: 'high', [leadFree]: 'yes', other: 'x' },
    });
    expect(bad.code).toBe('validation');
    expect(bad.fieldErrors).toEqual([
      { path: `attributes.${material}`, message: 'products.errors.attributeChoice', params: { label: 'Material' } },
      { path: `attributes.${pressure}`, message: 'products.errors.attributeNumber', params: { label: 'Pressure (bar)' } },
      { path: `attributes.${leadFree}`, message: 'products.errors.attributeBoolean', params: { label: 'Lead free' } },
      { path: 'attributes.other', message: 'products.errors.attributeUnknown' },
    ]);
    // Without a category no attribute fits.
    expect((await app.fail('products.create', { model: 'BV-300', attributes: { [material]: 'Brass' } })).fieldErrors?.[0]?.path).toBe(`attributes.${material}`);
    expect((await app.call('productCategories.list', {}))[0]?.productCount).toBe(1);
  });

  it('edits a template keeping the defs it names, and removes a category from its products', async () => {
    const { app, category, material, pressure } = await withValves();
    const product = await app.call('products.create', { model: 'BV-100', categoryId: category.id, attributes: { [material]: 'Brass', [pressure]: 10 } });
    const edited = await app.call('productCategories.update', {
      id: category.id,
      nameEn: 'Ball valves',
      attributes: [
        { id: pressure, label: 'Pressure (PN)', type: 'number' },
        { label: 'Size', type: 'select', options: ['DN15', 'DN20'] },
      ],
    });
    expect(edited.attributes.map((a) => a.label)).toEqual(['Pressure (PN)', 'Size']);
    expect(edited.attributes[0]?.id).toBe(pressure);
    // The removed def's value no longer passes a save.
    const error = await app.fail('products.update', { id: product.id, model: 'BV-100', categoryId: category.id, attributes: { [material]: 'Brass' } });
    expect(error.fieldErrors?.[0]).toEqual({ path: `attributes.${material}`, message: 'products.errors.attributeUnknown' });

    expect(await app.call('productCategories.remove', { id: category.id })).toEqual({ count: 1 });
    expect(await app.call('productCategories.list', {})).toEqual([]);
    expect((await app.call('products.get', { id: product.id })).categoryId).toBeNull();
    expect((await app.fail('productCategories.update', { id: category.id, nameEn: 'X' })).code).toBe('notFound');
  });

  it('refuses a select without choices, and filters the list by category', async () => {
    const { app, category } = await withValves();
    const pipes = await app.call('productCategories.create', { nameEn: 'Pipes' });
    await app.call('products.create', { model: 'BV-1', categoryId: category.id });
    await app.call('products.create', { model: 'P-1', categoryId: pipes.id });
    const valves = await app.call('products.list', { categoryId: category.id, offset: 0, limit: 10 });
    expect(valves.rows.map((r) => r.model)).toEqual(['BV-1']);
    const noOptions = await app.fail('productCategories.create', { nameEn: 'X', attributes: [{ label: 'Colour', type: 'select', options: [] }] });
    expect(noOptions.fieldErrors).toEqual([{ path: 'attributes.0.options', message: 'errors.selectNeedsOptions' }]);
  });
});
