import { describe, expect, it } from 'vitest';
import { addWorkingDays, daysOffWithin, isDateKey, isWeekendDate, workingDaysBetween } from '../../../../shared/domain/working-days.ts';

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

  it('skips the calendar\'s days off and counts its working weekends', () => {
    // The Spring Festival week of 2026 (Feb 16–20 off; Saturday Feb 14 and 28 worked).
    const festival = {
      daysOff: ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'],
      workingWeekends: ['2026-02-14', '2026-02-28'],
    };
    const feb = (day: number, hour = 10) => Date.UTC(2026, 1, day, hour);
    // Friday the 13th, 2 days: Saturday 14th (worked), then Monday 23rd.
    expect(addWorkingDays(feb(13), 2, festival)).toBe(feb(23));
    // A mail on a day off starts waiting on the next working day.
    expect(addWorkingDays(feb(17, 15), 1, festival)).toBe(feb(24, 0));
    expect(workingDaysBetween(feb(13), feb(27, 11), festival)).toBe(6);
    expect(workingDaysBetween(feb(13), feb(27, 11))).toBe(10);
    expect(daysOffWithin(festival, feb(27), 10)).toBe(4);
  });

  it('knows a calendar date from a look-alike', () => {
    expect(isDateKey('2026-02-28')).toBe(true);
    expect(isDateKey('2026-02-30')).toBe(false);
    expect(isDateKey('2026-2-3')).toBe(false);
    expect(isWeekendDate('2026-11-28')).toBe(true);
    expect(isWeekendDate('2026-11-27')).toBe(false);
  });
});
