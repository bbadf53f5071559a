import { z } from 'zod';
import { CURRENCIES, MAX_MONEY_E4 } from '../domain/money.ts';
import { COURIERS, FREIGHT_PAYERS, SAMPLE_SHIPMENT_STATUSES } from '../domain/quote-terms.ts';
import { EpochMs, Id, optionalText, Page } from './primitives.ts';

/** Sample stock and sample shipments (issue 13 point 5). */

export const SampleStockMoveKind = z.enum(['in', 'out', 'returned', 'adjust']);
export const SampleShipmentStatus = z.enum(SAMPLE_SHIPMENT_STATUSES);
export const Courier = z.enum(COURIERS);
const MoneyE4 = z.number().int().min(0).max(MAX_MONEY_E4);
/** Quantities are checked in the service, which names the item's field in its message (zero, negative). */
const Quantity = z.number().finite().min(-1_000_000_000).max(1_000_000_000);
const nullable = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? null);

export const SampleStockMove = z.object({
  id: Id,
  kind: SampleStockMoveKind,
  /** As stored: 'out' holds the count that left (positive), 'adjust' is signed. */
  quantity: z.number(),
  location: z.string().nullable(),
  note: z.string().nullable(),
  shipmentId: Id.nullable(),
  movedAt: EpochMs,
});

export const SampleStock = z.object({
  productId: Id,
  onHand: z.number(),
  /** On hand per location (null: no location given), locations that hold nothing included. */
  locations: z.array(z.object({ location: z.string().nullable(), onHand: z.number() })),
  /** Newest first. */
  moves: z.array(SampleStockMove),
});

export const SampleStockMoveInput = z.object({
  productId: Id,
  kind: SampleStockMoveKind,
  /** Positive for in, out and returned; an adjustment may be negative (a count found short). */
  quantity: Quantity,
  location: optionalText(100),
  note: optionalText(1000),
  movedAt: EpochMs.optional(),
});

export const SampleItemInput = z.object({
  /** A product from the library, or null for free text. */
  productId: nullable(Id),
  /** Free text; for a product, empty means its model and name. */
  description: optionalText(300),
  quantity: Quantity,
});

export const SampleItem = z.object({
  seq: z.number(),
  productId: Id.nullable(),
  /** The product's model (deleted products too), null for free text. */
  model: z.string().nullable(),
  description: z.string(),
  quantity: z.number(),
  /** The product's sample stock now (null for free text): the drawer warns before sending more than this. */
  onHand: z.number().nullable(),
});

const ShipmentFields = z.object({
  customerId: Id,
  contactId: nullable(Id),
  /** Empty means the customer's owner. */
  ownerId: nullable(Id),
  courier: Courier,
  /** The courier's name when courier is 'other'. */
  courierName: optionalText(100),
  trackingNumber: optionalText(100),
  sampleCostE4: nullable(MoneyE4),
  freightCostE4: nullable(MoneyE4),
  currency: nullable(z.enum(CURRENCIES)),
  freightPayer: nullable(z.enum(FREIGHT_PAYERS)),
  notes: optionalText(4000),
  items: z.array(SampleItemInput).max(200).default([]),
});

// A cost without its currency cannot be totalled or compared; the error names the currency field.
function currencyWithCost(s: z.output<typeof ShipmentFields>, ctx: z.RefinementCtx): void {
  if ((s.sampleCostE4 !== null || s.freightCostE4 !== null) && s.currency === null) ctx.addIssue({ code: 'custom', path: ['currency'], message: 'validation.required' });
}
export const SampleShipmentInput = ShipmentFields.superRefine(currencyWithCost);
export const SampleShipmentUpdate = ShipmentFields.extend({ id: Id }).superRefine(currencyWithCost);

export const SampleShipmentRow = z.object({
  id: Id,
  customerId: Id,
  customerCode: z.string(),
  customerName: z.string(),
  ownerId: Id.nullable(),
  ownerName: z.string().nullable(),
  courier: Courier,
  courierName: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  status: SampleShipmentStatus,
  /** The items in one line ("BV-100 × 2, brochure × 1"). */
  itemsSummary: z.string(),
  sampleCostE4: z.number().nullable(),
  freightCostE4: z.number().nullable(),
  currency: z.string().nullable(),
  sentAt: EpochMs.nullable(),
  deliveredAt: EpochMs.nullable(),
  feedbackAt: EpochMs.nullable(),
  followUpAt: EpochMs.nullable(),
  createdAt: EpochMs,
});

export const SampleShipment = SampleShipmentRow.extend({
  contactId: Id.nullable(),
  freightPayer: z.enum(FREIGHT_PAYERS).nullable(),
  feedback: z.string().nullable(),
  notes: z.string().nullable(),
  items: z.array(SampleItem),
  updatedAt: EpochMs,
  deletedAt: EpochMs.nullable(),
});

export const SampleShipmentQuery = Page.extend({
  customerId: nullable(Id),
  status: nullable(SampleShipmentStatus),
  ownerId: nullable(Id),
  /** Part of a tracking number. */
  query: z.string().trim().max(100).default(''),
});

export const SampleReminderRow = SampleShipmentRow.extend({ daysOverdue: z.number() });

const call = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
const ById = z.object({ id: Id });

export const sampleCalls = {
  /** A product's sample stock: on hand in all and per location, and its moves. */
  'samples.stock': call(z.object({ productId: Id }), SampleStock),
  /** Records a move by hand (samples in, out, returned, or a counted adjustment); returns the stock after it. */
  'samples.moveStock': call(SampleStockMoveInput, SampleStock),

  /** Live shipments, newest first; `query` finds a part of a tracking number or of the customer's name. */
  'samples.list': call(SampleShipmentQuery, z.object({ total: z.number(), rows: z.array(SampleShipmentRow) })),
  'samples.get': call(ById, SampleShipment),
  'samples.create': call(SampleShipmentInput, SampleShipment),
  /** Items can change only while the shipment is being prepared: once sent, they left the stock. */
  'samples.update': call(SampleShipmentUpdate, SampleShipment),
  /**
   * Moves the shipment forward (preparing → sent → delivered → feedback), never back. Sending
   * writes one 'out' stock move per product item in the same transaction; delivery schedules the
   * feedback follow-up (Settings: sampleFollowUpDays); feedback (text required) clears it.
   * `at` is when it happened (default now).
   */
  'samples.setStatus': call(
    z.object({ id: Id, status: SampleShipmentStatus, at: EpochMs.optional(), feedback: optionalText(4000) }),
    SampleShipment,
  ),
  /** Soft delete; stock moves already written stay (the samples did leave). */
  'samples.remove': call(ById, z.object({ count: z.number() })),
  /** Delivered shipments without feedback whose follow-up date has come, most overdue first. */
  'samples.reminders': call(Page.extend({ ownerId: nullable(Id) }), z.object({ total: z.number(), rows: z.array(SampleReminderRow) })),
} as const;
