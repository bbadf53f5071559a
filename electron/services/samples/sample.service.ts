import type { Tx } from '../../../db/database.ts';
import type { SampleShipmentsTable } from '../../../db/tables/quotes.tables.ts';
import type { CallOutput, ParsedInput } from '../../../shared/contract/contract.ts';
import type { sampleCalls } from '../../../shared/contract/samples.contract.ts';
import { fail } from '../../../shared/contract/result.ts';
import { DEFAULT_SAMPLE_FOLLOW_UP_DAYS } from '../../../shared/domain/quote-terms.ts';
import type { Handlers } from '../core/dispatcher.ts';
import { newId } from '../core/ids.ts';
import type { ServiceDeps } from '../core/service-deps.ts';
import { readStoredSettings } from '../settings/settings.queries.ts';
import { checkedItems, checkedOwner, checkMoveQuantity, failFields, sameItems, statusIndex } from './sample-checks.ts';
import {
  getShipment,
  insertShipment,
  listReminders,
  listShipments,
  liveShipment,
  replaceItems,
  shipmentItems,
  softDeleteShipment,
  updateShipmentColumns,
  type ShipmentColumns,
} from './sample-shipment.queries.ts';
import { fullestLocation, insertMove, productIsLive, readStock } from './sample-stock.queries.ts';

type SampleKeys = keyof typeof sampleCalls;
type Fields = ParsedInput<'samples.create'>;
type StatusInput = ParsedInput<'samples.setStatus'>;
type ShipmentOut = CallOutput<'samples.get'>;

const DAY = 86_400_000;

function shipmentColumns(input: Fields, ownerId: string | null): ShipmentColumns {
  return {
    customer_id: input.customerId,
    contact_id: input.contactId,
    owner_id: ownerId,
    courier: input.courier,
    courier_name: input.courier === 'other' ? input.courierName : null,
    tracking_number: input.trackingNumber,
    sample_cost_e4: input.sampleCostE4,
    freight_cost_e4: input.freightCostE4,
    currency: input.currency,
    freight_payer: input.freightPayer,
    notes: input.notes,
  };
}

/**
 * Sending: a courier we can track needs its number, and something must be sent. One 'out' move
 * per product item, taken from the location holding the most; below zero is allowed (the count
 * may be behind reality) and the drawer warns before it.
 */
async function send(trx: Tx, s: SampleShipmentsTable, at: number, now: number): Promise<void> {
  const items = await shipmentItems(trx, s.id);
  if (s.courier !== 'other' && !s.tracking_number) failFields([{ path: 'trackingNumber', message: 'samples.errors.trackingRequired' }]);
  if (items.length === 0) failFields([{ path: 'items', message: 'samples.errors.noItems' }]);
  for (const item of items) {
    if (!item.product_id) continue;
    const location = await fullestLocation(trx, item.product_id);
    await insertMove(trx, { id: newId(), product_id: item.product_id, kind: 'out', quantity: item.quantity, location, shipment_id: s.id, note: null, moved_at: at, created_at: now });
  }
}

/** The columns a forward status change sets; steps skipped over are done too (feedback implies delivery). */
async function statusChange(trx: Tx, s: SampleShipmentsTable, input: StatusInput, at: number, now: number, followUpDays: number): Promise<Partial<SampleShipmentsTable>> {
  const from = statusIndex(s.status);
  const to = statusIndex(input.status);
  if (to < from) failFields([{ path: 'status', message: 'samples.errors.statusBackward' }]);
  if (input.status === 'feedback' && !input.feedback) failFields([{ path: 'feedback', message: 'validation.required' }]);
  const set: Partial<SampleShipmentsTable> = { status: input.status };
  if (from < statusIndex('sent') && to >= statusIndex('sent')) {
    await send(trx, s, at, now);
    set.sent_at = at;
  }
  if (from < statusIndex('delivered') && to >= statusIndex('delivered')) set.delivered_at = at;
  if (input.status === 'delivered' && from < to) set.follow_up_at = at + followUpDays * DAY;
  if (input.status === 'feedback') Object.assign(set, { feedback: input.feedback, feedback_at: from === to ? s.feedback_at : at, follow_up_at: null });
  return set;
}

/** Sample stock and sample shipments (issue 13 point 5). */
export function createSampleService(deps: ServiceDeps): { handlers: Pick<Handlers, SampleKeys> } {
  const { db, clock, emit } = deps;
  const changed = () => emit('data.changed', { entities: ['samples'] });

  async function get(id: string): Promise<ShipmentOut> {
    const shipment = await getShipment(db, id);
    if (!shipment) fail('notFound', 'samples.errors.notFound', { id });
    return shipment;
  }

  async function followUpDays(): Promise<number> {
    const stored = (await readStoredSettings(db, ['sampleFollowUpDays'])).get('sampleFollowUpDays');
    return typeof stored === 'number' ? stored : DEFAULT_SAMPLE_FOLLOW_UP_DAYS;
  }

  return {
    handlers: {
      'samples.stock': ({ productId }) => readStock(db, productId),
      'samples.moveStock': async (input) => {
        checkMoveQuantity(input);
        await db.transaction().execute(async (trx) => {
          if (!(await productIsLive(trx, input.productId))) failFields([{ path: 'productId', message: 'samples.errors.productNotFound' }]);
          const now = clock.now();
          const { productId, kind, quantity, location, note } = input;
          await insertMove(trx, { id: newId(), product_id: productId, kind, quantity, location, note, shipment_id: null, moved_at: input.movedAt ?? now, created_at: now });
        });
        changed();
        return readStock(db, input.productId);
      },

      'samples.list': (input) => listShipments(db, input),
      'samples.get': ({ id }) => get(id),
      'samples.create': async (input) => {
        const id = newId();
        await db.transaction().execute(async (trx) => {
          const owner = await checkedOwner(trx, input);
          const items = await checkedItems(trx, input.items);
          await insertShipment(trx, id, shipmentColumns(input, owner), clock.now());
          await replaceItems(trx, id, items);
        });
        changed();
        return get(id);
      },
      'samples.update': async ({ id, ...input }) => {
        await db.transaction().execute(async (trx) => {
          const stored = await liveShipment(trx, id);
          if (!stored) fail('notFound', 'samples.errors.notFound', { id });
          const owner = await checkedOwner(trx, input);
          const items = await checkedItems(trx, input.items);
          // Once sent, the items left the stock as they were: changing them would make the moves lie.
          const itemsChanged = !sameItems(await shipmentItems(trx, id), items);
          if (itemsChanged && stored.status !== 'preparing') failFields([{ path: 'items', message: 'samples.errors.itemsLocked' }]);
          await updateShipmentColumns(trx, id, shipmentColumns(input, owner), clock.now());
          if (itemsChanged) await replaceItems(trx, id, items);
        });
        changed();
        return get(id);
      },
      'samples.setStatus': async (input) => {
        const days = await followUpDays();
        await db.transaction().execute(async (trx) => {
          const stored = await liveShipment(trx, input.id);
          if (!stored) fail('notFound', 'samples.errors.notFound', { id: input.id });
          const now = clock.now();
          const set = await statusChange(trx, stored, input, input.at ?? now, now, days);
          await updateShipmentColumns(trx, input.id, set, now);
        });
        changed();
        return get(input.id);
      },
      'samples.remove': async ({ id }) => {
        const count = await softDeleteShipment(db, id, clock.now());
        if (count) changed();
        return { count };
      },
      'samples.reminders': (input) => listReminders(db, input, clock.now()),
    },
  };
}
