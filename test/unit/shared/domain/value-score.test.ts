import { describe, expect, it } from 'vitest';
import {
  combinedScore,
  DAY_MS,
  DEFAULT_WEIGHTS,
  monetaryScore,
  quartileRanks,
  quartilesStaleAfter,
  recencyScore,
  suggestStage,
  valueBand,
} from '../../../../shared/domain/value-score.ts';

const NOW = Date.UTC(2026, 5, 1);

describe('value score rules', () => {
  it('bands recency and says when the band runs out', () => {
    expect(recencyScore(null, NOW)).toEqual({ r: 0, until: null });
    expect(recencyScore(NOW - 30 * DAY_MS, NOW)).toEqual({ r: 5, until: NOW + 1 });
    expect(recencyScore(NOW - 30 * DAY_MS - 1, NOW).r).toBe(4);
    expect(recencyScore(NOW - 200 * DAY_MS, NOW)).toEqual({ r: 2, until: NOW + 165 * DAY_MS + 1 });
    expect(recencyScore(NOW - 366 * DAY_MS, NOW)).toEqual({ r: 1, until: null });
  });

  it('takes nearest-rank quartiles and the best quartile over currencies', () => {
    // n = 4 → ranks 1, 2, 3; n = 5 → 2, 3, 4; n = 1 → 1, 1, 1.
    expect(quartileRanks(4)).toEqual([1, 2, 3]);
    expect(quartileRanks(5)).toEqual([2, 3, 4]);
    expect(quartileRanks(1)).toEqual([1, 1, 1]);
    const q = new Map([
      ['USD', { q1: 100, q2: 200, q3: 300 }],
      ['EUR', { q1: 10, q2: 20, q3: 30 }],
    ]);
    expect(monetaryScore([], q)).toBe(0);
    expect(monetaryScore([{ currency: 'USD', totalE4: 150 }], q)).toBe(2);
    // 150 USD is quartile 2; 31 EUR is quartile 4: the best counts.
    expect(monetaryScore([{ currency: 'USD', totalE4: 150 }, { currency: 'EUR', totalE4: 31 }], q)).toBe(4);
    expect(monetaryScore([{ currency: 'GBP', totalE4: 5 }], q)).toBe(1);
  });

  it('weighs R/5, F/6 and M/4 into 0–100', () => {
    // 100 × (3·5/5 + 3·2/6 + 4·4/4) / 10 = 80
    expect(combinedScore(5, 2, 4, DEFAULT_WEIGHTS)).toBe(80);
    expect(combinedScore(5, 6, 4, DEFAULT_WEIGHTS)).toBe(100);
    expect(combinedScore(0, 0, 0, DEFAULT_WEIGHTS)).toBe(0);
    expect(combinedScore(5, 6, 4, { recency: 0, frequency: 0, monetary: 0 })).toBe(0);
    expect([valueBand(70), valueBand(69), valueBand(40), valueBand(39)]).toEqual(['high', 'medium', 'medium', 'low']);
    expect([quartilesStaleAfter(0), quartilesStaleAfter(20), quartilesStaleAfter(20_000)]).toEqual([1, 1, 1000]);
  });

  it('suggests stages from orders and dormancy', () => {
    expect(suggestStage({ stage: 'prospect', orders: 1, recencyAt: NOW }, NOW)).toEqual([{ reason: 'firstOrder', from: 'prospect', to: 'customer', basis: 0 }]);
    expect(suggestStage({ stage: 'potential', orders: 3, recencyAt: NOW }, NOW)).toEqual([{ reason: 'firstOrder', from: 'potential', to: 'loyal', basis: 0 }]);
    expect(suggestStage({ stage: 'customer', orders: 3, recencyAt: NOW }, NOW)).toEqual([{ reason: 'repeatOrders', from: 'customer', to: 'loyal', basis: 0 }]);
    const old = NOW - 366 * DAY_MS;
    expect(suggestStage({ stage: 'loyal', orders: 4, recencyAt: old }, NOW)).toEqual([{ reason: 'dormant', from: 'loyal', to: 'lost', basis: old }]);
    expect(suggestStage({ stage: 'lost', orders: 4, recencyAt: old }, NOW)).toEqual([]);
  });
});
