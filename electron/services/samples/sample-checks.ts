import type { DbOrTx } from '../../../db/database.ts';
import type { SampleShipmentItemsTable } from '../../../db/tables/quotes.tables.ts';
import type { ParsedInput } from '../../../shared/contract/contract.ts';
import { fail, type FieldError } from '../../../shared/contract/result.ts';
import { SAMPLE_SHIPMENT_STATUSES, type SampleShipmentStatus } from '../../../shared/domain/quote-terms.ts';
import { type ItemColumns, liveCustomer, productNames } from './sample-shipment.queries.ts';

type Fields = ParsedInput<'samples.create'>;

/** Fails with every field error at once, so the form marks them all. */
export function failFields(errors: FieldError[]): void {
  if (errors.length) fail('validation', 'errors.validation', undefined, errors);
}

/**
 * The items as rows to store: each has a positive quantity and a live product or a description;
 * a product's item without a description is described by its model and name (as quote lines
 * copy them, so the shipment reads the same after the product is renamed).
 */
export async function checkedItems(db: DbOrTx, items: Fields['items']): Promise<ItemColumns[]> {
  const products = await productNames(db, items.flatMap((i) => (i.productId ? [i.productId] : [])));
  const errors: FieldError[] = [];
  const rows = items.map((item, index): ItemColumns => {
    if (!(item.quantity > 0)) errors.push({ path: `items.${index}.quantity`, message: 'samples.errors.quantityNotPositive' });
    const product = item.productId ? products.get(item.productId) : undefined;
    if (item.productId && !product?.live) errors.push({ path: `items.${index}.productId`, message: 'samples.errors.productNotFound' });
    if (!item.productId && !item.description) errors.push({ path: `items.${index}.description`, message: 'validation.required' });
    const described = product ? [product.model, product.name].filter(Boolean).join(' ') : '';
    return { seq: index + 1, product_id: item.productId, description: item.description ?? described, quantity: item.quantity };
  });
  failFields(errors);
  return rows;
}

/** The customer must be live; the shipment's owner defaults to the customer's. */
export async function checkedOwner(db: DbOrTx, input: Fields): Promise<string | null> {
  const customer = await liveCustomer(db, input.customerId);
  if (!customer) failFields([{ path: 'customerId', message: 'samples.errors.customerNotFound' }]);
  return input.ownerId ?? customer?.owner_id ?? null;
}

/** Whether the items as given are the stored ones (an update of a sent shipment may not change them). */
export function sameItems(stored: readonly SampleShipmentItemsTable[], next: readonly ItemColumns[]): boolean {
  return stored.length === next.length && stored.every((s, i) => s.product_id === next[i]!.product_id && s.description === next[i]!.description && s.quantity === next[i]!.quantity);
}

export const statusIndex = (status: SampleShipmentStatus): number => SAMPLE_SHIPMENT_STATUSES.indexOf(status);

/** A manual stock move: a live product; in, out and returned count up from 1, an adjustment is anything but 0. */
export function checkMoveQuantity(input: ParsedInput<'samples.moveStock'>): void {
  if (input.kind === 'adjust' ? input.quantity === 0 : !(input.quantity > 0)) {
    failFields([{ path: 'quantity', message: input.kind === 'adjust' ? 'samples.errors.quantityZero' : 'samples.errors.quantityNotPositive' }]);
  }
}
