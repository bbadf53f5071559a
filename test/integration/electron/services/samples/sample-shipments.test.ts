import { afterEach, describe, expect, it } from 'vitest';
import { dueShipments } from '../../../../../electron/services/samples/sample-shipment.queries.ts';
import { queryPlan } from '../../../../helpers/query-plan.ts';
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

/** A customer, two products with stock on shelves, and a shipment of both plus a brochure. */
async function seeded(a: TempCore) {
  const customer = await a.call('customers.create', { name: 'Acme Trading', regionCode: 'EU', grade: 'A' });
  const valve = await a.call('products.create', { model: 'BV-100', nameEn: 'Ball valve' });
  const gate = await a.call('products.create', { model: 'GV-200', nameZh: '闸阀' });
  await a.call('samples.moveStock', { productId: valve.id, kind: 'in', quantity: 10, location: 'Shelf A' });
  await a.call('samples.moveStock', { productId: valve.id, kind: 'in', quantity: 2, location: 'Shelf B' });
  await a.call('samples.moveStock', { productId: gate.id, kind: 'in', quantity: 1, location: 'Shelf C' });
  const shipment = await a.call('samples.create', {
    customerId: customer.id,
    courier: 'dhl',
    trackingNumber: '1234567890',
    sampleCostE4: 500_000,
    freightCostE4: 850_000,
    currency: 'USD',
    freightPayer: 'ours',
    items: [
      { productId: valve.id, quantity: 3 },
      { productId: gate.id, quantity: 2, description: 'Gate valve, DN50' },
      { productId: null, description: 'Catalogue 2026', quantity: 1 },
    ],
  });
  return { customer, valve, gate, shipment };
}

describe('sample shipments', () => {
  it('creates a shipment with items described from their products, and lists it by customer, status and tracking number', async () => {
    const a = await app();
    const { customer, valve, shipment } = await seeded(a);
    expect(shipment).toMatchObject({ status: 'preparing', customerName: 'Acme Trading', courier: 'dhl', currency: 'USD', sampleCostE4: 500_000, sentAt: null, followUpAt: null });
    expect(shipment.items).toEqual([
      { seq: 1, productId: valve.id, model: 'BV-100', description: 'BV-100 Ball valve', quantity: 3, onHand: 12 },
      { seq: 2, productId: expect.any(String), model: 'GV-200', description: 'Gate valve, DN50', quantity: 2, onHand: 1 },
      { seq: 3, productId: null, model: null, description: 'Catalogue 2026', quantity: 1, onHand: null },
    ]);
    expect(shipment.itemsSummary).toBe('BV-100 Ball valve × 3, Gate valve, DN50 × 2, Catalogue 2026 × 1');

    const other = await a.call('customers.create', { name: 'Beta GmbH', regionCode: 'EU', grade: 'B' });
    a.clock.advance(1000);
    await a.call('samples.create', { customerId: other.id, courier: 'sf', trackingNumber: 'SF998877', items: [{ description: 'Swatches', quantity: 5 }] });
    const ids = async (input: Record<string, unknown>) => (await a.call('samples.list', { offset: 0, limit: 50, ...input })).rows.map((r) => r.customerName);
    expect(await ids({})).toEqual(['Beta GmbH', 'Acme Trading']);
    expect(await ids({ customerId: customer.id })).toEqual(['Acme Trading']);
    expect(await ids({ query: '45678' })).toEqual(['Acme Trading']);
    expect(await ids({ query: 'sf99' })).toEqual(['Beta GmbH']);
    expect(await ids({ query: '%' })).toEqual([]);
    expect(await ids({ status: 'sent' })).toEqual([]);

    expect(await a.call('samples.remove', { id: shipment.id })).toEqual({ count: 1 });
    expect(await ids({})).toEqual(['Beta GmbH']);
    expect((await a.fail('samples.update', { id: shipment.id, customerId: customer.id, courier: 'dhl', items: [] })).code).toBe('notFound');
  });

  it('marking sent writes one out move per product item from its fullest location, and the items lock', async () => {
    const a = await app();
    const { valve, gate, shipment } = await seeded(a);
    a.clock.advance(DAY);
    const sent = await a.call('samples.setStatus', { id: shipment.id, status: 'sent' });
    expect(sent).toMatchObject({ status: 'sent', sentAt: T0 + DAY });
    const valveStock = await a.call('samples.stock', { productId: valve.id });
    expect(valveStock.onHand).toBe(9);
    expect(valveStock.locations).toEqual([
      { location: 'Shelf A', onHand: 7 },
      { location: 'Shelf B', onHand: 2 },
    ]);
    expect(valveStock.moves[0]).toMatchObject({ kind: 'out', quantity: 3, shipmentId: shipment.id, movedAt: T0 + DAY });
    // Below zero is allowed (the drawer warned before): the count may be behind reality.
    expect((await a.call('samples.stock', { productId: gate.id })).onHand).toBe(-1);
    expect(sent.items.map((i) => i.onHand)).toEqual([9, -1, null]);

    // Sending again or going back writes nothing.
    await a.call('samples.setStatus', { id: shipment.id, status: 'sent' });
    expect((await a.fail('samples.setStatus', { id: shipment.id, status: 'preparing' })).fieldErrors).toEqual([{ path: 'status', message: 'samples.errors.statusBackward' }]);
    expect((await a.call('samples.stock', { productId: valve.id })).onHand).toBe(9);

    const fields = { customerId: sent.customerId, courier: 'dhl' as const, trackingNumber: '1234567890' };
    const locked = await a.fail('samples.update', { id: shipment.id, ...fields, items: [{ productId: valve.id, quantity: 1 }] });
    expect(locked.fieldErrors).toEqual([{ path: 'items', message: 'samples.errors.itemsLocked' }]);
    // The other fields still change, with the same items.
    const items = sent.items.map((i) => ({ productId: i.productId, description: i.description, quantity: i.quantity }));
    expect((await a.call('samples.update', { id: shipment.id, ...fields, notes: 'Customs paid', items })).notes).toBe('Customs paid');
  });

  it('sends atomically: when the status cannot be stored, no stock move stays', async () => {
    const a = await app();
    const { valve, shipment } = await seeded(a);
    // A real failure inside the send's transaction, after its moves are written.
    a.core.database().sqlite.exec(`CREATE TRIGGER fail_send BEFORE UPDATE OF status ON sample_shipments BEGIN SELECT RAISE(ABORT, 'disk says no'); END`);
    expect((await a.fail('samples.setStatus', { id: shipment.id, status: 'sent' })).code).not.toBe('notFound');
    expect((await a.call('samples.stock', { productId: valve.id })).onHand).toBe(12);
    expect((await a.call('samples.get', { id: shipment.id })).status).toBe('preparing');
    a.core.database().sqlite.exec('DROP TRIGGER fail_send');
    await a.call('samples.setStatus', { id: shipment.id, status: 'sent' });
    expect((await a.call('samples.stock', { productId: valve.id })).onHand).toBe(9);
  });

  it('delivery schedules the follow-up after the set days, feedback clears it, and reminders list the overdue', async () => {
    const a = await app();
    const { shipment } = await seeded(a);
    await a.call('samples.setStatus', { id: shipment.id, status: 'sent' });
    const delivered = await a.call('samples.setStatus', { id: shipment.id, status: 'delivered', at: T0 + 2 * DAY });
    expect(delivered).toMatchObject({ status: 'delivered', deliveredAt: T0 + 2 * DAY, followUpAt: T0 + 9 * DAY });

    const reminders = async () => (await a.call('samples.reminders', { offset: 0, limit: 50 })).rows.map((r) => [r.id, r.daysOverdue]);
    a.clock.set(T0 + 9 * DAY - 1);
    expect(await reminders()).toEqual([]);
    a.clock.set(T0 + 12 * DAY);
    expect(await reminders()).toEqual([[shipment.id, 3]]);

    expect((await a.fail('samples.setStatus', { id: shipment.id, status: 'feedback' })).fieldErrors).toEqual([{ path: 'feedback', message: 'validation.required' }]);
    const feedback = await a.call('samples.setStatus', { id: shipment.id, status: 'feedback', feedback: 'Quality OK, wants 2000 pcs quote' });
    expect(feedback).toMatchObject({ status: 'feedback', feedback: 'Quality OK, wants 2000 pcs quote', feedbackAt: T0 + 12 * DAY, followUpAt: null });
    expect(await reminders()).toEqual([]);
    // The feedback text can be corrected; its date stays.
    a.clock.advance(DAY);
    expect(await a.call('samples.setStatus', { id: shipment.id, status: 'feedback', feedback: 'Quality OK' })).toMatchObject({ feedback: 'Quality OK', feedbackAt: T0 + 12 * DAY });
  });

  it('follows the sampleFollowUpDays setting', async () => {
    const a = await app();
    expect((await a.call('settings.get', {})).sampleFollowUpDays).toBe(7);
    expect((await a.call('settings.update', { sampleFollowUpDays: 14 })).sampleFollowUpDays).toBe(14);
    expect((await a.fail('settings.update', { sampleFollowUpDays: 0 })).fieldErrors?.map((e) => e.path)).toEqual(['sampleFollowUpDays']);
    const { shipment } = await seeded(a);
    // Marking delivered straight from preparing sends it too.
    const delivered = await a.call('samples.setStatus', { id: shipment.id, status: 'delivered' });
    expect(delivered).toMatchObject({ sentAt: T0, deliveredAt: T0, followUpAt: T0 + 14 * DAY });
  });

  it('refuses bad input with a message naming the field', async () => {
    const a = await app();
    const { customer, valve } = await seeded(a);
    const base = { customerId: customer.id, courier: 'ups' as const };
    const paths = async (input: Record<string, unknown>) => (await a.fail('samples.create', { ...base, ...input })).fieldErrors;
    expect(await paths({ items: [{ productId: valve.id, quantity: -2 }] })).toEqual([{ path: 'items.0.quantity', message: 'samples.errors.quantityNotPositive' }]);
    expect(await paths({ items: [{ description: 'x', quantity: 0 }] })).toEqual([{ path: 'items.0.quantity', message: 'samples.errors.quantityNotPositive' }]);
    expect(await paths({ items: [{ quantity: 1 }] })).toEqual([{ path: 'items.0.description', message: 'validation.required' }]);
    expect(await paths({ items: [{ productId: 'gone', quantity: 1 }] })).toEqual([{ path: 'items.0.productId', message: 'samples.errors.productNotFound' }]);
    expect(await paths({ sampleCostE4: 100, currency: 'XYZ' })).toEqual([{ path: 'currency', message: 'validation.invalidChoice' }]);
    expect(await paths({ freightCostE4: 100 })).toEqual([{ path: 'currency', message: 'validation.required' }]);
    expect(await paths({ freightCostE4: -1, currency: 'USD' })).toEqual([{ path: 'freightCostE4', message: 'validation.tooSmall', params: { min: 0 } }]);
    expect(await paths({ courier: 'pigeon' })).toEqual([{ path: 'courier', message: 'validation.invalidChoice' }]);
    expect(await paths({ customerId: 'nobody' })).toEqual([{ path: 'customerId', message: 'samples.errors.customerNotFound' }]);

    // Sending needs a tracking number for a courier with a tracking page, and something to send.
    const untracked = await a.call('samples.create', { ...base, items: [{ productId: valve.id, quantity: 1 }] });
    expect((await a.fail('samples.setStatus', { id: untracked.id, status: 'sent' })).fieldErrors).toEqual([{ path: 'trackingNumber', message: 'samples.errors.trackingRequired' }]);
    const empty = await a.call('samples.create', { ...base, courier: 'other', courierName: 'Local van' });
    expect(empty.courierName).toBe('Local van');
    expect((await a.fail('samples.setStatus', { id: empty.id, status: 'sent' })).fieldErrors).toEqual([{ path: 'items', message: 'samples.errors.noItems' }]);
    expect((await a.call('samples.stock', { productId: valve.id })).onHand).toBe(12);
    expect((await a.fail('samples.get', { id: 'nope' })).code).toBe('notFound');
  });

  it('emits data.changed for samples on every write', async () => {
    const a = await app();
    const { shipment } = await seeded(a);
    const seen: string[][] = [];
    a.core.subscribe((event, payload) => {
      if (event === 'data.changed') seen.push((payload as { entities: string[] }).entities);
    });
    await a.call('samples.setStatus', { id: shipment.id, status: 'sent' });
    await a.call('samples.remove', { id: shipment.id });
    expect(seen).toEqual([['samples'], ['samples']]);
  });
});

describe('sample queries', () => {
  it('finds due follow-ups through the follow-up index and a customer\'s shipments through the customer index', async () => {
    const a = await app();
    const { customer } = await seeded(a);
    const { db, sqlite } = a.core.database();
    const due = dueShipments(db, { offset: 0, limit: 50, ownerId: null }, T0).select('s.id').orderBy('s.follow_up_at');
    expect(queryPlan(sqlite, due).join('\n')).toMatch(/USING INDEX sample_shipments_follow_up/);
    const byCustomer = db.selectFrom('sample_shipments as s').select('s.id').where('s.customer_id', '=', customer.id).orderBy('s.created_at', 'desc');
    expect(queryPlan(sqlite, byCustomer).join('\n')).toMatch(/USING INDEX sample_shipments_customer/);
  });
});
