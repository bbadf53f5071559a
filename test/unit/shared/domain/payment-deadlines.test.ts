import { describe, expect, it } from 'vitest';
import { letterOfCreditState, paymentState, reminderUntil, suggestTerms, termShares } from '../../../../shared/domain/payment-deadlines.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 1);

describe('termShares', () => {
  it.each([
    ['30% T/T deposit, 70% before shipment', [30, 70]],
    ['T/T 30/70', [30, 70]],
    ['30% deposit, balance against B/L copy', [30, 70]],
    ['20% deposit, 50% before shipment, 30% against B/L', [20, 50, 30]],
    ['预付30%，余款70%见提单副本', [30, 70]],
    ['T/T', []],
    ['L/C at sight', []],
    ['T/T 60/50', []],
    ['100% T/T in advance', []],
  ])('%s → %j', (terms, shares) => {
    expect(termShares(terms)).toEqual(shares);
  });
});

describe('suggestTerms', () => {
  it('splits each currency’s total, the balance taking the rounding so the parts add up', () => {
    expect(suggestTerms('T/T 30/70', [{ currency: 'USD', amountE4: 10_001 }, { currency: 'EUR', amountE4: 100 }]).payments).toEqual([
      { label: 'deposit', amountE4: 3_000, currency: 'USD' },
      { label: 'balance', amountE4: 7_001, currency: 'USD' },
      { label: 'deposit', amountE4: 30, currency: 'EUR' },
      { label: 'balance', amountE4: 70, currency: 'EUR' },
    ]);
  });

  it('leaves to the L/C what a deposit does not pay; no terms means one payment of the total', () => {
    expect(suggestTerms('30% T/T deposit, 70% L/C at sight', [{ currency: 'USD', amountE4: 1_000 }])).toEqual({
      payments: [{ label: 'deposit', amountE4: 300, currency: 'USD' }],
      letterOfCredit: { amountE4: 700, currency: 'USD' },
    });
    expect(suggestTerms(null, [{ currency: 'USD', amountE4: 1_000 }])).toEqual({ payments: [{ label: 'balance', amountE4: 1_000, currency: 'USD' }], letterOfCredit: null });
    expect(suggestTerms('T/T', [])).toEqual({ payments: [], letterOfCredit: null });
  });
});

describe('states', () => {
  it('a payment due exactly N days ahead is due soon; a millisecond past its date, overdue', () => {
    expect(reminderUntil(NOW, 7)).toBe(NOW + 7 * DAY + 1);
    expect(paymentState({ dueAt: NOW + 7 * DAY, receivedAt: null }, NOW, 7)).toBe('dueSoon');
    expect(paymentState({ dueAt: NOW + 7 * DAY + 1, receivedAt: null }, NOW, 7)).toBe('open');
    expect(paymentState({ dueAt: NOW - 1, receivedAt: null }, NOW, 7)).toBe('overdue');
    expect(paymentState({ dueAt: NOW, receivedAt: null }, NOW, 7)).toBe('dueSoon');
    expect(paymentState({ dueAt: NOW - DAY, receivedAt: NOW }, NOW, 7)).toBe('received');
    expect(paymentState({ dueAt: null, receivedAt: null }, NOW, 7)).toBe('noDate');
  });

  it('an L/C shows its worst deadline: expired, shipment missed, then the first one coming', () => {
    const lc = { expiresAt: NOW + 20 * DAY, latestShipmentAt: NOW + 10 * DAY, shippedAt: null, closedAt: null };
    expect(letterOfCreditState(lc, NOW, 5)).toBe('open');
    expect(letterOfCreditState(lc, NOW, 10)).toBe('shipmentSoon');
    // Both within the days: the shipment date comes first, so it is what to act on.
    expect(letterOfCreditState(lc, NOW, 20)).toBe('shipmentSoon');
    expect(letterOfCreditState({ ...lc, latestShipmentAt: lc.expiresAt }, NOW, 20)).toBe('expiringSoon');
    expect(letterOfCreditState({ ...lc, shippedAt: NOW }, NOW, 20)).toBe('expiringSoon');
    expect(letterOfCreditState(lc, NOW + 10 * DAY + 1, 1)).toBe('shipmentMissed');
    expect(letterOfCreditState({ ...lc, shippedAt: NOW }, NOW + 10 * DAY + 1, 1)).toBe('open');
    expect(letterOfCreditState(lc, NOW + 20 * DAY + 1, 1)).toBe('expired');
    expect(letterOfCreditState({ ...lc, closedAt: NOW }, NOW + 30 * DAY, 1)).toBe('closed');
  });
});
