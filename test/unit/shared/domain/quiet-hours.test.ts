import { describe, expect, it } from 'vitest';
import { endOfLocalDay, isClockTime, isQuietTime, minuteOfDay } from '../../../../shared/domain/quiet-hours.ts';

const at = (h: number, m = 0) => Date.UTC(2026, 11, 3, h, m);

describe('quiet hours', () => {
  it('wraps past midnight: 22:00–08:00 is quiet at 23:30 and 07:59, not at 08:00 or 21:59', () => {
    const q = { from: '22:00', to: '08:00' };
    expect([at(23, 30), at(7, 59), at(22, 0)].map((t) => isQuietTime(t, q, 'UTC'))).toEqual([true, true, true]);
    expect([at(8, 0), at(21, 59), at(12, 0)].map((t) => isQuietTime(t, q, 'UTC'))).toEqual([false, false, false]);
  });

  it('keeps a span within one day, and none when from equals to or there are no quiet hours', () => {
    expect(isQuietTime(at(13, 0), { from: '12:00', to: '14:00' }, 'UTC')).toBe(true);
    expect(isQuietTime(at(14, 0), { from: '12:00', to: '14:00' }, 'UTC')).toBe(false);
    expect(isQuietTime(at(13, 0), { from: '09:00', to: '09:00' }, 'UTC')).toBe(false);
    expect(isQuietTime(at(3, 0), null, 'UTC')).toBe(false);
  });

  it('reads the clock in the given time zone', () => {
    // 23:00 UTC is 07:00 the next day in Shanghai.
    expect(minuteOfDay(at(23, 0), 'Asia/Shanghai')).toBe(7 * 60);
    expect(isQuietTime(at(23, 0), { from: '08:00', to: '18:00' }, 'Asia/Shanghai')).toBe(false);
    expect(isQuietTime(at(1, 0), { from: '08:00', to: '18:00' }, 'Asia/Shanghai')).toBe(true);
  });

  it('accepts only HH:MM clock times', () => {
    expect(['00:00', '23:59', '08:05'].every(isClockTime)).toBe(true);
    expect(['24:00', '8:00', '12:60', '', '12:00:00'].some(isClockTime)).toBe(false);
  });

  it('ends the local day at the next midnight', () => {
    const end = endOfLocalDay(at(12));
    expect(new Date(end).getHours()).toBe(0);
    expect(end > at(12) && end - at(12) <= 86_400_000).toBe(true);
  });
});
