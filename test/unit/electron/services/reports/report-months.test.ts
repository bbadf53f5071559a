import { describe, expect, it } from 'vitest';
import { defaultWindow, isTimeZone, monthFormatter } from '../../../../../electron/services/reports/report-months.ts';

describe("the reports' months", () => {
  it("names a moment's month in the caller's zone, across summer time and quarter-hour offsets", () => {
    const utc = monthFormatter('UTC');
    const shanghai = monthFormatter('Asia/Shanghai');
    const kathmandu = monthFormatter('Asia/Kathmandu');
    const newYork = monthFormatter('America/New_York');
    const lastHourOfMarch = Date.UTC(2026, 2, 31, 20);
    expect([utc(lastHourOfMarch), shanghai(lastHourOfMarch)]).toEqual(['2026-03', '2026-04']);
    // Kathmandu is UTC+5:45: its April starts at 18:15 UTC on 31 March.
    expect([kathmandu(Date.UTC(2026, 2, 31, 18, 14)), kathmandu(Date.UTC(2026, 2, 31, 18, 15))]).toEqual(['2026-03', '2026-04']);
    // New York in summer is UTC-4: its July starts at 04:00 UTC.
    expect([newYork(Date.UTC(2026, 6, 1, 3, 59)), newYork(Date.UTC(2026, 6, 1, 4, 0))]).toEqual(['2026-06', '2026-07']);
    // The memo is per 15-minute slot: asking again gives the same answer.
    expect(shanghai(lastHourOfMarch + 60_000)).toBe('2026-04');
  });

  it('knows IANA zones and refuses made-up ones', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });

  it('defaults to the last 12 months, this one included', () => {
    const now = new Date(2026, 5, 15, 12).getTime();
    const { from, to } = defaultWindow(now);
    expect(to).toBe(now);
    expect(new Date(from)).toEqual(new Date(2025, 6, 1));
  });
});
