import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { QuoteTerms } from '../../../../../shared/contract/payments.contract.ts';
import { catalogs } from '../../../../../shared/i18n/catalogs.ts';
import { translateFieldError } from '../../../../../renderer/src/app/field-errors.ts';
import { fieldLabel, formValues, sumText, toInput } from '../../../../../renderer/src/features/payments/payment-form.ts';

async function translator(lng: 'en' | 'zh-CN') {
  const t = i18next.createInstance();
  await t.init({ lng, resources: { [lng]: { translation: catalogs[lng] } }, interpolation: { escapeValue: false } });
  return t.t.bind(t);
}

function terms(extra: Partial<QuoteTerms> = {}): QuoteTerms {
  return {
    quoteId: 'q1',
    quoteNumber: 'Q2026-0001',
    quoteStatus: 'accepted',
    customerId: 'c1',
    paymentTerms: '30% T/T deposit, 70% before shipment',
    totals: [{ currency: 'USD', amountE4: 32_500_000 }],
    recordable: true,
    payments: [],
    letterOfCredit: null,
    suggestion: { payments: [{ label: 'deposit', amountE4: 9_750_000, currency: 'USD' }, { label: 'balance', amountE4: 22_750_000, currency: 'USD' }], letterOfCredit: null },
    reminderDays: { payment: 7, letterOfCredit: 15 },
    ...extra,
  };
}

describe('payment terms form', () => {
  it('prefills from the suggestion only while nothing is recorded', () => {
    const { values, prefilled } = formValues(terms());
    expect(prefilled).toBe(true);
    expect(values.payments.map((p) => [p.label, p.amountE4, p.currency])).toEqual([
      ['deposit', '975.00', 'USD'],
      ['balance', '2,275.00', 'USD'],
    ]);
    expect(values.byLc).toBe(false);
    expect(sumText(values.payments, null)).toBe('3,250.00 USD');
    const lcOnly = formValues(terms({ suggestion: { payments: [], letterOfCredit: { amountE4: 32_500_000, currency: 'EUR' } } }));
    expect(lcOnly.values).toMatchObject({ byLc: true, letterOfCredit: { amountE4: '3,250.00', currency: 'EUR' } });
  });

  it('names the wrong fields in English and in Chinese, and keeps the typed text for the next try', async () => {
    for (const [lng, expected] of [
      ['en', ['Amount is required.', 'Amount received must be a number.', 'L/C amount is required.', 'Expiry date is required.']],
      ['zh-CN', ['请填写金额。', '实收金额必须是数字。', '请填写信用证金额。', '请填写到期日。']],
    ] as const) {
      const t = await translator(lng);
      const values = { payments: [{ label: 'deposit' as const, amountE4: '', currency: 'USD' as const }, { label: 'balance' as const, amountE4: '2,275', receivedAmountE4: 'abc' }], byLc: true, letterOfCredit: { number: 'LC-1' } };
      const built = toInput(t, 'q1', values);
      expect('errors' in built && built.errors.map((e) => e.errors[0])).toEqual(expected);
      expect(values.payments[1]!.amountE4).toBe('2,275');
    }
  });

  it('builds the contract’s input and labels a refused save’s paths', async () => {
    const t = await translator('zh-CN');
    const built = toInput(t, 'q1', { payments: [{ id: 'p1', label: 'deposit', amountE4: '975', currency: 'USD', dueAt: 5, receivedAt: null }], byLc: false, letterOfCredit: {} });
    expect(built).toEqual({ input: { quoteId: 'q1', payments: [{ id: 'p1', label: 'deposit', note: null, amountE4: 9_750_000, currency: 'USD', dueAt: 5, receivedAt: null, receivedAmountE4: null }], letterOfCredit: null } });
    expect(fieldLabel(t, 'letterOfCredit.latestShipmentAt')).toBe('最迟装运期');
    expect(translateFieldError(t, { path: 'letterOfCredit.latestShipmentAt', message: 'payments.errors.shipmentAfterExpiry' }, fieldLabel(t, 'letterOfCredit.latestShipmentAt')!)).toBe('最迟装运期不能晚于信用证到期日。');
    const en = await translator('en');
    expect(en('payments.errors.quoteNotAccepted', { number: 'Q2026-0001', status: 'draft' })).toBe('Payment terms are recorded on an accepted quote; Q2026-0001 is “Draft”.');
  });
});
