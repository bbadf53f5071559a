/** Notification quiet hours (Settings › Notifications): 'HH:MM' clock times in the user's time zone. */
export interface QuietHours {
  from: string;
  to: string;
}

export const DEFAULT_QUIET_HOURS: QuietHours = { from: '22:00', to: '08:00' };

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isClockTime(value: string): boolean {
  return CLOCK.test(value);
}

function minutesOf(clock: string): number {
  const m = CLOCK.exec(clock);
  if (!m) throw new Error(`not a clock time: ${clock}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** The minute of the day at `at` in `timeZone` (the computer's own when absent). */
export function minuteOfDay(at: number, timeZone?: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...(timeZone ? { timeZone } : {}) }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return get('hour') * 60 + get('minute');
}

/**
 * Whether `at` falls in the quiet hours: from inclusive, to exclusive; a span that passes
 * midnight (22:00–08:00) wraps; from = to means no quiet hours at all.
 */
export function isQuietTime(at: number, quiet: QuietHours | null, timeZone?: string): boolean {
  if (!quiet) return false;
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  if (from === to) return false;
  const now = minuteOfDay(at, timeZone);
  return from < to ? now >= from && now < to : now >= from || now < to;
}

/** The end of the day that holds `at` (the next midnight) in the computer's own time zone. */
export function endOfLocalDay(at: number): number {
  const d = new Date(at);
  d.setHours(24, 0, 0, 0);
  return d.getTime();
}
