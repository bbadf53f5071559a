import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import type { CallInput, CallOutput } from '../../../../shared/contract/contract.ts';
import { CURRENCIES, formatMoneyE4, parseMoneyE4, type Currency } from '../../../../shared/domain/money.ts';
import type { Courier } from '../../../../shared/domain/quote-terms.ts';
import type { PickedCustomer } from '../../ui/CustomerPicker.tsx';
import type { ItemValue } from './SampleItemsField.tsx';

type Shipment = CallOutput<'samples.get'>;
type FreightPayer = NonNullable<Shipment['freightPayer']>;

/** The drawer's form: the contract's field names (so errors land on them), money as typed text. */
export interface SampleFormValues {
  customerId?: PickedCustomer | null;
  courier?: Courier;
  courierName?: string | null;
  trackingNumber?: string | null;
  sampleCostE4?: string | null;
  freightCostE4?: string | null;
  currency?: Currency | null;
  freightPayer?: FreightPayer | null;
  notes?: string | null;
  items?: ItemValue[];
  feedback?: string | null;
}

export const CURRENCY_OPTIONS = CURRENCIES.map((c) => ({ value: c, label: c }));

export function formValues(shipment: Shipment | undefined, customer: PickedCustomer | null): SampleFormValues {
  if (!shipment) return { customerId: customer, courier: 'dhl', currency: 'USD', freightPayer: 'ours', items: [{ productId: null, description: null, quantity: 1 }] };
  const money = (v: number | null) => (v === null ? null : formatMoneyE4(v));
  return {
    customerId: { id: shipment.customerId, name: shipment.customerName, code: shipment.customerCode },
    courier: shipment.courier,
    courierName: shipment.courierName,
    trackingNumber: shipment.trackingNumber,
    sampleCostE4: money(shipment.sampleCostE4),
    freightCostE4: money(shipment.freightCostE4),
    currency: (shipment.currency as Currency | null) ?? null,
    freightPayer: shipment.freightPayer,
    notes: shipment.notes,
    items: shipment.items.map((i) => ({ productId: i.productId, description: i.description, quantity: i.quantity })),
    feedback: shipment.feedback,
  };
}

/** Typed money → e4, or the field's error in the user's words. */
function money(t: TFunction, text: string | null | undefined, field: 'sampleCostE4' | 'freightCostE4'): { value: number | null; error?: { name: 'sampleCostE4' | 'freightCostE4'; errors: string[] } } {
  if (!text?.trim()) return { value: null };
  const value = parseMoneyE4(text);
  if (value !== null) return { value };
  return { value: null, error: { name: field, errors: [t('validation.invalidNumber', { field: t(`samples.fields.${field}`) })] } };
}

/** The form as the contract's input, or the fields the form itself can tell are wrong. */
export function toInput(t: TFunction, v: SampleFormValues): { input: CallInput<'samples.create'> } | { errors: { name: 'sampleCostE4' | 'freightCostE4'; errors: string[] }[] } {
  const sample = money(t, v.sampleCostE4, 'sampleCostE4');
  const freight = money(t, v.freightCostE4, 'freightCostE4');
  const errors = [sample.error, freight.error].filter((e) => e !== undefined);
  if (errors.length) return { errors };
  return {
    input: {
      customerId: v.customerId?.id ?? '',
      courier: v.courier ?? 'other',
      courierName: v.courierName ?? null,
      trackingNumber: v.trackingNumber ?? null,
      sampleCostE4: sample.value,
      freightCostE4: freight.value,
      currency: v.currency ?? null,
      freightPayer: v.freightPayer ?? null,
      notes: v.notes ?? null,
      items: (v.items ?? []).map((i) => ({ productId: i.productId ?? null, description: i.description ?? null, quantity: i.quantity ?? 0 })),
    },
  };
}

/** Product items whose sending would take the product's sample stock below zero ("BV-100 (on hand 1)"). */
export function shortItems(shipment: Shipment): string[] {
  const need = new Map<string, { label: string; quantity: number; onHand: number }>();
  for (const item of shipment.items) {
    if (!item.productId || item.onHand === null) continue;
    const entry = need.get(item.productId) ?? { label: item.model ?? item.description, quantity: 0, onHand: item.onHand };
    entry.quantity += item.quantity;
    need.set(item.productId, entry);
  }
  return [...need.values()].filter((e) => e.quantity > e.onHand).map((e) => `${e.label} (${e.onHand})`);
}

/** Errors a save or a status change set by hand stay until cleared: a later success clears them. */
export function clearFormErrors(form: FormInstance<SampleFormValues>): void {
  const shown = form.getFieldsError().filter((f) => f.errors.length > 0);
  // antd gives the names back untyped (its internal paths); they are this form's own fields.
  if (shown.length) form.setFields(shown.map((f) => ({ name: f.name as never, errors: [] })));
}
