import type { TFunction } from 'i18next';
import type { CallInput } from '../../../../shared/contract/contract.ts';
import type { QuoteTerms } from '../../../../shared/contract/payments.contract.ts';
import { CURRENCIES, formatMoneyE4, parseMoneyE4, totalsByCurrency, type Currency } from '../../../../shared/domain/money.ts';
import type { PaymentLabel } from '../../../../shared/domain/payment-deadlines.ts';

/**
 * The payment terms dialog's form: the contract's field names (so a refused save's errors land on
 * them), money as the text typed, dates as epoch ms (the end of the picked day, as a quote's
 * validity). What the user typed stays in the form whatever the save answers.
 */
export interface PaymentRowValue {
  id?: string;
  label: PaymentLabel;
  note?: string | null;
  amountE4?: string | null;
  currency?: Currency;
  dueAt?: number | null;
  receivedAt?: number | null;
  receivedAmountE4?: string | null;
}

export interface LcValue {
  id?: string;
  number?: string | null;
  issuingBank?: string | null;
  amountE4?: string | null;
  currency?: Currency;
  expiresAt?: number | null;
  latestShipmentAt?: number | null;
  presentationDays?: number | null;
  notes?: string | null;
  shippedAt?: number | null;
  closedAt?: number | null;
}

export interface TermsFormValues {
  payments: PaymentRowValue[];
  byLc: boolean;
  letterOfCredit: LcValue;
}

export type FormFieldError = { name: (string | number)[]; errors: string[] };

export const CURRENCY_OPTIONS = CURRENCIES.map((c) => ({ value: c, label: c }));
const currencyOf = (code: string): Currency => ((CURRENCIES as readonly string[]).includes(code) ? (code as Currency) : 'USD');
const money = (v: number | null) => (v === null ? null : formatMoneyE4(v));

/** The stored terms, or — for a quote with nothing recorded — what its terms and total suggest. */
export function formValues(terms: QuoteTerms): { values: TermsFormValues; prefilled: boolean } {
  const firstCurrency = currencyOf(terms.totals[0]?.currency ?? 'USD');
  const stored = terms.payments.length > 0 || terms.letterOfCredit !== null;
  const payments: PaymentRowValue[] = stored
    ? terms.payments.map((p) => ({ id: p.id, label: p.label, note: p.note, amountE4: money(p.amountE4), currency: currencyOf(p.currency), dueAt: p.dueAt, receivedAt: p.receivedAt, receivedAmountE4: money(p.receivedAmountE4) }))
    : terms.suggestion.payments.map((p) => ({ label: p.label, amountE4: money(p.amountE4), currency: currencyOf(p.currency), dueAt: null, receivedAt: null }));
  const lc = terms.letterOfCredit;
  const suggestedLc = stored ? null : terms.suggestion.letterOfCredit;
  const letterOfCredit: LcValue = lc
    ? { ...lc, amountE4: money(lc.amountE4), currency: currencyOf(lc.currency) }
    : { amountE4: suggestedLc ? money(suggestedLc.amountE4) : null, currency: currencyOf(suggestedLc?.currency ?? firstCurrency) };
  return { values: { payments, byLc: lc !== null || suggestedLc !== null, letterOfCredit }, prefilled: !stored };
}

type Input = CallInput<'payments.saveTerms'>;

function parseMoney(t: TFunction, text: string | null | undefined, name: (string | number)[], label: string, errors: FormFieldError[], required: boolean): number | null {
  if (!text?.trim()) {
    if (required) errors.push({ name, errors: [t('validation.required', { field: label })] });
    return null;
  }
  const value = parseMoneyE4(text);
  if (value === null) errors.push({ name, errors: [t('validation.invalidNumber', { field: label })] });
  return value;
}

/** The form as the contract's input, or the fields the form itself can tell are wrong (named in the user's language). */
export function toInput(t: TFunction, quoteId: string, v: TermsFormValues): { input: Input } | { errors: FormFieldError[] } {
  const errors: FormFieldError[] = [];
  const payments = (v.payments ?? []).map((p, i): Input['payments'][number] => ({
    ...(p.id ? { id: p.id } : {}),
    label: p.label,
    note: p.note ?? null,
    amountE4: parseMoney(t, p.amountE4, ['payments', i, 'amountE4'], t('payments.fields.amountE4'), errors, true) ?? 0,
    currency: p.currency ?? 'USD',
    dueAt: p.dueAt ?? null,
    receivedAt: p.receivedAt ?? null,
    receivedAmountE4: parseMoney(t, p.receivedAmountE4, ['payments', i, 'receivedAmountE4'], t('payments.fields.receivedAmountE4'), errors, false),
  }));
  let letterOfCredit: Input['letterOfCredit'] = null;
  if (v.byLc) {
    const lc = v.letterOfCredit ?? {};
    const amount = parseMoney(t, lc.amountE4, ['letterOfCredit', 'amountE4'], t('payments.fields.lcAmountE4'), errors, true);
    if (!lc.expiresAt) errors.push({ name: ['letterOfCredit', 'expiresAt'], errors: [t('validation.required', { field: t('payments.fields.expiresAt') })] });
    letterOfCredit = {
      ...(lc.id ? { id: lc.id } : {}),
      number: lc.number ?? '',
      issuingBank: lc.issuingBank ?? '',
      amountE4: amount ?? 0,
      currency: lc.currency ?? 'USD',
      expiresAt: lc.expiresAt ?? 0,
      latestShipmentAt: lc.latestShipmentAt ?? null,
      presentationDays: lc.presentationDays ?? null,
      notes: lc.notes ?? null,
      shippedAt: lc.shippedAt ?? null,
      closedAt: lc.closedAt ?? null,
    };
  }
  return errors.length ? { errors } : { input: { quoteId, payments, letterOfCredit } };
}

/** The label of a field path of a refused save (`payments.1.dueAt`, `letterOfCredit.number`), or undefined. */
export function fieldLabel(t: TFunction, path: string): string | undefined {
  const parts = path.split('.');
  const leaf = parts.at(-1) ?? '';
  if (parts[0] === 'letterOfCredit' && leaf === 'amountE4') return t('payments.fields.lcAmountE4');
  if (parts[0] === 'payments' && parts.length === 3) return t(`payments.fields.${leaf}`, { defaultValue: '' }) || undefined;
  if (parts[0] === 'letterOfCredit' && parts.length === 2) return t(`payments.fields.${leaf}`, { defaultValue: '' }) || undefined;
  return undefined;
}

/** "3,250.00 USD + 100.00 EUR": the typed amounts per currency, for the sum shown under the list. */
export function sumText(rows: readonly PaymentRowValue[], lc: LcValue | null): string {
  const lines = [...rows.map((r) => ({ currency: r.currency ?? 'USD', amountE4: parseMoneyE4(r.amountE4 ?? '') ?? 0 })), ...(lc ? [{ currency: lc.currency ?? 'USD', amountE4: parseMoneyE4(lc.amountE4 ?? '') ?? 0 }] : [])];
  return totalsByCurrency(lines).map((x) => `${formatMoneyE4(x.amountE4)} ${x.currency}`).join(' + ');
}
