/**
 * Working-day arithmetic for "waiting for our reply".
 *
 * Working days are Monday to Friday; public holidays are not known to the app. Days are UTC
 * days, as everywhere in the reminders (times are UTC epoch milliseconds and the services have
 * no time zone): for a user in China a mail arriving on Saturday before 08:00 local time counts
 * as Friday's.
 */

export const DAY_MS = 86_400_000;
export const DEFAULT_REPLY_WAIT_DAYS = 2;
export const MAX_REPLY_WAIT_DAYS = 30;

function isWeekend(ms: number): boolean {
  const day = new Date(ms).getUTCDay();
  return day === 0 || day === 6;
}

function startOfDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/**
 * When a mail received at `at` has waited `days` working days. A mail that arrives on a weekend
 * starts waiting on Monday at 00:00; the weekend is skipped: Friday 10:00 plus 2 working days
 * is Tuesday 10:00, so a Friday mail is not yet overdue on Monday.
 */
export function addWorkingDays(at: number, days: number): number {
  let t = firstWorkingMoment(at);
  for (let i = 0; i < days; i++) t = nextWorkingDay(t);
  return t;
}

/** Whole working days from `at` to `now` (0 when `now` is not later). */
export function workingDaysBetween(at: number, now: number): number {
  let n = 0;
  for (let t = nextWorkingDay(firstWorkingMoment(at)); t <= now; t = nextWorkingDay(t)) n++;
  return n;
}

function firstWorkingMoment(at: number): number {
  let t = at;
  while (isWeekend(t)) t = startOfDay(t) + DAY_MS;
  return t;
}

function nextWorkingDay(t: number): number {
  let next = t + DAY_MS;
  while (isWeekend(next)) next += DAY_MS;
  return next;
}
