import { describe, expect, it } from 'vitest';
import { addWorkingDays, workingDaysBetween } from '../../../shared/domain/working-days.ts';

// 2026-11-27 is a Friday.
const at = (day: number, hour = 10) => Date.UTC(2026, 10, day, hour);

describe('working days (Mon–Fri, UTC)', () => {
  it('skips the weekend: a Friday mail with 2 days is due on Tuesday at the same hour', () => {
    expect(addWorkingDays(at(27), 2)).toBe(Date.UTC(2026, 11, 1, 10));
    expect(addWorkingDays(at(25), 2)).toBe(at(27));
    expect(addWorkingDays(at(26), 2)).toBe(at(30));
    expect(addWorkingDays(at(27), 0)).toBe(at(27));
  });

  it('starts a weekend mail on Monday morning', () => {
    expect(addWorkingDays(at(28, 15), 2)).toBe(Date.UTC(2026, 11, 2, 0));
    expect(addWorkingDays(at(29, 23), 1)).toBe(Date.UTC(2026, 11, 1, 0));
  });

  it('counts whole working days waited', () => {
    expect(workingDaysBetween(at(27), at(30, 11))).toBe(1);
    expect(workingDaysBetween(at(27), Date.UTC(2026, 11, 1, 10))).toBe(2);
    expect(workingDaysBetween(at(27), at(27, 9))).toBe(0);
    expect(workingDaysBetween(at(20), at(27))).toBe(5);
  });
});
