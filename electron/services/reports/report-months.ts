/**
 * Months of a time zone, for the reports' month grouping. Done in JS rather than in SQL because
 * SQLite knows only UTC and the server's own zone, while the web host's user may be elsewhere,
 * and a month starts at a different UTC hour in winter and in summer.
 */

/** Every zone's offset is a multiple of 15 minutes (Nepal: +5:45), so a month never changes inside one of these. */
const SLOT_MS = 15 * 60_000;

export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** `ms` → 'YYYY-MM' in `timeZone` (the computer's when undefined); memoised per 15-minute slot. */
export function monthFormatter(timeZone: string | undefined): (ms: number) => string {
  const format = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', ...(timeZone ? { timeZone } : {}) });
  const cache = new Map<number, string>();
  return (ms) => {
    const slot = Math.floor(ms / SLOT_MS);
    let month = cache.get(slot);
    if (month === undefined) {
      const parts = format.formatToParts(ms);
      month = `${parts.find((p) => p.type === 'year')!.value}-${parts.find((p) => p.type === 'month')!.value}`;
      cache.set(slot, month);
    }
    return month;
  };
}

/**
 * The default window: from the start of the month 11 months before `now`'s month to `now` — the
 * last 12 months, the current one included. Counted in the computer's zone (a caller in another
 * zone sends its own window).
 */
export function defaultWindow(now: number): { from: number; to: number } {
  const d = new Date(now);
  return { from: new Date(d.getFullYear(), d.getMonth() - 11, 1).getTime(), to: now };
}
