import { afterEach, describe, expect, it } from 'vitest';
import { createTempCore, DAY, T0, type TempCore } from '../../../../helpers/temp-core.ts';

const cores: TempCore[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});

async function app(): Promise<TempCore> {
  const core = await createTempCore();
  cores.push(core);
  return core;
}

describe('sample stock', () => {
  it('is the sum of its moves, in all and per location, with out taking away and adjust signed', async () => {
    const a = await app();
    const p = await a.call('products.create', { model: 'BV-100', nameEn: 'Ball valve' });
    const move = (kind: 'in' | 'out' | 'returned' | 'adjust', quantity: number, location?: string) =>
      a.call('samples.moveStock', { productId: p.id, kind, quantity, ...(location ? { location } : {}) });

    expect(await a.call('samples.stock', { productId: p.id })).toEqual({ productId: p.id, onHand: 0, locations: [], moves: [] });
    await move('in', 10, 'Shelf A');
    await move('in', 5, 'Shelf B');
    await move('out', 3, 'Shelf A');
    await move('returned', 1, 'Shelf A');
    a.clock.advance(DAY);
    const after = await move('adjust', -2, 'Shelf B');
    expect(after.onHand).toBe(11);
    expect(after.locations).toEqual([
      { location: 'Shelf A', onHand: 8 },
      { location: 'Shelf B', onHand: 3 },
    ]);
    expect(after.moves.map((m) => m.kind).sort()).toEqual(['adjust', 'in', 'in', 'out', 'returned']);
    // Newest first.
    expect(after.moves[0]).toMatchObject({ kind: 'adjust', quantity: -2, location: 'Shelf B', movedAt: T0 + DAY, shipmentId: null });

    // Fractions add up without float noise; going below zero is recorded, not refused.
    await move('in', 0.1);
    await move('in', 0.2);
    await move('out', 20);
    const stock = await a.call('samples.stock', { productId: p.id });
    expect(stock.onHand).toBe(-8.7);
    expect(stock.locations.find((l) => l.location === null)?.onHand).toBe(-19.7);
  });

  it('refuses bad moves with a message naming the field', async () => {
    const a = await app();
    const p = await a.call('products.create', { model: 'BV-100' });
    expect((await a.fail('samples.moveStock', { productId: p.id, kind: 'in', quantity: -1 })).fieldErrors).toEqual([
      { path: 'quantity', message: 'samples.errors.quantityNotPositive' },
    ]);
    expect((await a.fail('samples.moveStock', { productId: p.id, kind: 'out', quantity: 0 })).fieldErrors).toEqual([
      { path: 'quantity', message: 'samples.errors.quantityNotPositive' },
    ]);
    expect((await a.fail('samples.moveStock', { productId: p.id, kind: 'adjust', quantity: 0 })).fieldErrors).toEqual([
      { path: 'quantity', message: 'samples.errors.quantityZero' },
    ]);
    expect((await a.fail('samples.moveStock', { productId: p.id, kind: 'lost', quantity: 1 })).fieldErrors?.map((e) => e.path)).toEqual(['kind']);
    expect((await a.fail('samples.moveStock', { productId: 'nope', kind: 'in', quantity: 1 })).fieldErrors).toEqual([
      { path: 'productId', message: 'samples.errors.productNotFound' },
    ]);
    await a.call('products.remove', { id: p.id });
    expect((await a.fail('samples.moveStock', { productId: p.id, kind: 'in', quantity: 1 })).fieldErrors?.[0]?.message).toBe('samples.errors.productNotFound');
    expect((await a.call('samples.stock', { productId: p.id })).moves).toEqual([]);
  });
});
