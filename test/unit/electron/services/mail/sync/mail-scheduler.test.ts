import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../../../../electron/services/mail/sync/mail-scheduler.ts';

describe('reconnect backoff', () => {
  it('doubles from the base up to the cap', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4, 5, 6, 10].map((n) => backoffDelay(n, 15_000, 900_000, mid))).toEqual([15_000, 30_000, 60_000, 120_000, 240_000, 480_000, 900_000]);
  });

  it('spreads retries by ±25 % so clients do not return in lockstep', () => {
    expect(backoffDelay(3, 1_000, 60_000, () => 0)).toBe(3_000);
    expect(backoffDelay(3, 1_000, 60_000, () => 0.999_999)).toBe(5_000);
  });
});
