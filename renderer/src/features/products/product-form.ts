import type { CallInput, CallOutput } from '../../../../shared/contract/contract.ts';
import { formatMoneyE4, parseMoneyE4, type Currency } from '../../../../shared/domain/money.ts';

type Product = CallOutput<'products.get'>;
export type AttributeValue = string | number | boolean | null | undefined;

/** The product form's values: prices as typed text, parsed to e4 on save (shared/domain/money.ts). */
export interface ProductFormValues {
  model?: string;
  nameEn?: string | null;
  nameZh?: string | null;
  categoryId?: string | null;
  unit?: string | null;
  listPrice?: string;
  listCurrency?: Currency | null;
  cost?: string;
  costCurrency?: Currency | null;
  specs?: string | null;
  unitsPerCarton?: number | null;
  cartonLengthCm?: number | null;
  cartonWidthCm?: number | null;
  cartonHeightCm?: number | null;
  grossWeightKg?: number | null;
  netWeightKg?: number | null;
  notes?: string | null;
  attributes?: Record<string, AttributeValue>;
}

/** Fields of the form by contract path: a field error of these shows under its field. */
export const PRODUCT_FIELDS = ['model', 'nameEn', 'nameZh', 'categoryId', 'unit', 'listCurrency', 'costCurrency', 'specs', 'unitsPerCarton', 'cartonLengthCm', 'cartonWidthCm', 'cartonHeightCm', 'grossWeightKg', 'netWeightKg', 'notes'] as const;

export function toFormValues(p: Product | null): ProductFormValues {
  if (!p) return { listCurrency: 'USD', costCurrency: 'CNY', unit: 'pcs', attributes: {} };
  return {
    model: p.model,
    nameEn: p.nameEn,
    nameZh: p.nameZh,
    categoryId: p.categoryId,
    unit: p.unit,
    listPrice: p.listPriceE4 === null ? '' : formatMoneyE4(p.listPriceE4).replace(/,/g, ''),
    listCurrency: (p.listCurrency as Currency | null) ?? 'USD',
    cost: p.costE4 === null ? '' : formatMoneyE4(p.costE4).replace(/,/g, ''),
    costCurrency: (p.costCurrency as Currency | null) ?? 'CNY',
    specs: p.specs,
    unitsPerCarton: p.unitsPerCarton,
    cartonLengthCm: p.cartonLengthCm,
    cartonWidthCm: p.cartonWidthCm,
    cartonHeightCm: p.cartonHeightCm,
    grossWeightKg: p.grossWeightKg,
    netWeightKg: p.netWeightKg,
    notes: p.notes,
    attributes: { ...p.attributes },
  };
}

/** The price's e4, null when empty, or 'bad' when it is no price. */
function money(text: string | undefined): number | null | 'bad' {
  if (!text?.trim()) return null;
  return parseMoneyE4(text) ?? 'bad';
}

/** The input for products.create (with the attributes of `attributeIds`), or the names of the price fields that are not prices. */
export function toInput(v: ProductFormValues, attributeIds: readonly string[]): { input: CallInput<'products.create'> } | { badPrices: ('listPrice' | 'cost')[] } {
  const listPriceE4 = money(v.listPrice);
  const costE4 = money(v.cost);
  const bad = [...(listPriceE4 === 'bad' ? ['listPrice' as const] : []), ...(costE4 === 'bad' ? ['cost' as const] : [])];
  if (bad.length || listPriceE4 === 'bad' || costE4 === 'bad') return { badPrices: bad };
  const attributes: Record<string, string | number | boolean | null> = {};
  // Only the chosen category's attributes: values kept from another category would be refused.
  for (const id of attributeIds) {
    const value = v.attributes?.[id];
    attributes[id] = value === undefined || value === '' ? null : value;
  }
  return {
    input: {
      model: v.model ?? '',
      nameEn: v.nameEn ?? null,
      nameZh: v.nameZh ?? null,
      categoryId: v.categoryId ?? null,
      unit: v.unit ?? null,
      listPriceE4,
      listCurrency: listPriceE4 === null ? null : (v.listCurrency ?? null),
      costE4,
      costCurrency: costE4 === null ? null : (v.costCurrency ?? null),
      specs: v.specs ?? null,
      unitsPerCarton: v.unitsPerCarton ?? null,
      cartonLengthCm: v.cartonLengthCm ?? null,
      cartonWidthCm: v.cartonWidthCm ?? null,
      cartonHeightCm: v.cartonHeightCm ?? null,
      grossWeightKg: v.grossWeightKg ?? null,
      netWeightKg: v.netWeightKg ?? null,
      notes: v.notes ?? null,
      attributes,
    },
  };
}
