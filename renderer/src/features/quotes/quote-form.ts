import type { CallInput, CallOutput } from '../../../../shared/contract/contract.ts';
import { formatMoneyE4, parseMoneyE4, type Currency } from '../../../../shared/domain/money.ts';
import type { Incoterm } from '../../../../shared/domain/quote-terms.ts';

type Quote = CallOutput<'quotes.get'>;
type Input = CallInput<'quotes.create'>;

/** One line as the editor holds it: the price as typed text, parsed to e4 on save. */
export interface LineValues {
  productId?: string | null;
  model?: string | null;
  description?: string;
  spec?: string | null;
  quantity?: number | null;
  unit?: string;
  unitPrice?: string;
  currency?: Currency;
}

export interface QuoteFormValues {
  customerId?: string;
  contactId?: string | null;
  ownerId?: string | null;
  language?: 'en' | 'zh-CN';
  incoterm?: Incoterm | null;
  incotermPort?: string | null;
  paymentTerms?: string | null;
  /** End of the chosen day, epoch ms. */
  validUntil?: number | null;
  leadTime?: string | null;
  moq?: string | null;
  notes?: string | null;
  lines?: LineValues[];
}

/** Header fields by contract path: a field error of these shows under its field. */
export const QUOTE_FIELDS = ['customerId', 'contactId', 'ownerId', 'language', 'incoterm', 'incotermPort', 'paymentTerms', 'validUntil', 'leadTime', 'moq', 'notes'] as const;
/** Line fields by contract path (`lines.3.quantity`) and the label key that names each. */
export const LINE_FIELD_LABELS: Record<string, string> = {
  productId: 'quotes.field.product',
  model: 'quotes.field.model',
  description: 'quotes.field.description',
  spec: 'quotes.field.spec',
  quantity: 'quotes.field.quantity',
  unit: 'quotes.field.unit',
  unitPriceE4: 'quotes.field.unitPrice',
  currency: 'quotes.field.currency',
};

export const priceText = (e4: number) => formatMoneyE4(e4).replace(/,/g, '');

export function toFormValues(q: Quote | null, customerId: string | null): QuoteFormValues {
  if (!q) return { customerId: customerId ?? undefined, language: 'en', incoterm: 'FOB', lines: [] };
  return {
    customerId: q.customerId,
    contactId: q.contactId,
    ownerId: q.ownerId,
    language: q.language,
    incoterm: q.incoterm as Incoterm | null,
    incotermPort: q.incotermPort,
    paymentTerms: q.paymentTerms,
    validUntil: q.validUntil,
    leadTime: q.leadTime,
    moq: q.moq,
    notes: q.notes,
    lines: q.lines.map((l) => ({
      productId: l.productId,
      model: l.model,
      description: l.description,
      spec: l.spec,
      quantity: l.quantity,
      unit: l.unit,
      unitPrice: priceText(l.unitPriceE4),
      currency: l.currency as Currency,
    })),
  };
}

/** The contract input, or the lines whose price is not a price (their form paths). */
export function toInput(v: QuoteFormValues): { input: Input } | { badPrices: Array<['lines', number, 'unitPrice']> } {
  const lines = v.lines ?? [];
  const prices = lines.map((l) => parseMoneyE4(l.unitPrice ?? ''));
  const badPrices = prices.flatMap((p, i): Array<['lines', number, 'unitPrice']> => (p === null ? [['lines', i, 'unitPrice']] : []));
  if (badPrices.length) return { badPrices };
  return {
    input: {
      customerId: v.customerId ?? '',
      contactId: v.contactId ?? null,
      ownerId: v.ownerId ?? null,
      language: v.language ?? 'en',
      incoterm: v.incoterm ?? null,
      incotermPort: v.incotermPort ?? null,
      paymentTerms: v.paymentTerms ?? null,
      validUntil: v.validUntil ?? null,
      leadTime: v.leadTime ?? null,
      moq: v.moq ?? null,
      notes: v.notes ?? null,
      lines: lines.map((l, i) => ({
        productId: l.productId ?? null,
        model: l.model ?? null,
        description: l.description ?? '',
        spec: l.spec ?? null,
        quantity: l.quantity ?? 0,
        unit: l.unit ?? '',
        unitPriceE4: prices[i]!,
        currency: l.currency ?? 'USD',
      })),
    },
  };
}

/** The form path of a contract field path: the price is typed as text under `unitPrice`. */
export function formPath(path: string): string {
  return path.replace(/\.unitPriceE4$/, '.unitPrice');
}

/** "USD 1,234.50 · EUR 80.00". */
export function totalsText(totals: ReadonlyArray<{ currency: string; amountE4: number }>): string {
  return totals.map((x) => `${x.currency} ${formatMoneyE4(x.amountE4)}`).join(' · ');
}

/** `#/quotes/new`, with the customer when it is known (`?customer=<id>`). */
export function newQuoteHref(customerId?: string): string {
  return `#/quotes/new${customerId ? `?customer=${encodeURIComponent(customerId)}` : ''}`;
}
