/**
 * Working-day arithmetic for "waiting for our reply".
 *
 * Working days are Monday to Friday, less the days off the user enters (public holidays such as
 * the Spring Festival week), plus the weekend days they enter as working days (the make-up days
 * of a Chinese holiday, 调休). Days are UTC days, as everywhere in the reminders (times are UTC
 * epoch milliseconds and the services have no time zone): for a user in China a mail arriving on
 * Saturday before 08:00 local time counts as Friday's.
 */

export const DAY_MS = 86_400_000;
export const DEFAULT_REPLY_WAIT_DAYS = 2;
export const MAX_REPLY_WAIT_DAYS = 30;
/** At most this many dates in each list of the calendar (a year's worth). */
export const MAX_CALENDAR_DATES = 366;

/** Dates as `YYYY-MM-DD` (UTC days). */
export interface WorkingCalendar {
  /** Weekdays that are not working days. */
  daysOff: readonly string[];
  /** Saturdays and Sundays that are working days. */
  workingWeekends: readonly string[];
}

export const MON_TO_FRI: WorkingCalendar = { daysOff: [], workingWeekends: [] };

/** "Waiting for our reply" once a mail has waited `days` working days of `calendar`. */
export interface ReplyWait {
  days: number;
  calendar: WorkingCalendar;
}

/** `YYYY-MM-DD` of the UTC day of `ms`. */
export function dateKey(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** A real calendar date written `YYYY-MM-DD` (not 2026-02-30). */
export function isDateKey(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(ms) && dateKey(ms) === value;
}

export function isWeekendDate(key: string): boolean {
  const day = new Date(`${key}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

type IsWorkingDay = (ms: number) => boolean;

/** Built once per calendar object: the reminders ask for every waiting mail with the same one. */
const tests = new WeakMap<WorkingCalendar, IsWorkingDay>();

function workingDayTest(calendar: WorkingCalendar): IsWorkingDay {
  let test = tests.get(calendar);
  if (!test) {
    test = buildWorkingDayTest(calendar);
    tests.set(calendar, test);
  }
  return test;
}

function buildWorkingDayTest(calendar: WorkingCalendar): IsWorkingDay {
  if (calendar.daysOff.length === 0 && calendar.workingWeekends.length === 0) return (ms) => !isWeekend(ms);
  const off = new Set(calendar.daysOff);
  const on = new Set(calendar.workingWeekends);
  return (ms) => {
    const key = dateKey(ms);
    if (on.has(key)) return true;
    return !off.has(key) && !isWeekend(ms);
  };
}

function isWeekend(ms: number): boolean {
  const day = new Date(ms).getUTCDay();
  return day === 0 || day === 6;
}

function startOfDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/**
 * When a mail received at `at` has waited `days` working days. A mail that arrives on a day off
 * starts waiting at 00:00 of the next working day; days off are skipped: Friday 10:00 plus 2
 * working days is Tuesday 10:00, so a Friday mail is not yet overdue on Monday.
 */
export function addWorkingDays(at: number, days: number, calendar: WorkingCalendar = MON_TO_FRI): number {
  const working = workingDayTest(calendar);
  let t = firstWorkingMoment(at, working);
  for (let i = 0; i < days; i++) t = nextWorkingDay(t, working);
  return t;
}

/** Whole working days from `at` to `now` (0 when `now` is not later). */
export function workingDaysBetween(at: number, now: number, calendar: WorkingCalendar = MON_TO_FRI): number {
  const working = workingDayTest(calendar);
  let n = 0;
  for (let t = nextWorkingDay(firstWorkingMoment(at, working), working); t <= now; t = nextWorkingDay(t, working)) n++;
  return n;
}

/** Days off (beyond weekends) in the `days` before `now`: how much further back a query must look. */
export function daysOffWithin(calendar: WorkingCalendar, now: number, days: number): number {
  const from = dateKey(now - days * DAY_MS);
  const to = dateKey(now);
  return calendar.daysOff.filter((d) => d >= from && d <= to).length;
}

function firstWorkingMoment(at: number, working: IsWorkingDay): number {
  let t = at;
  while (!working(t)) t = startOfDay(t) + DAY_MS;
  return t;
}

function nextWorkingDay(t: number, working: IsWorkingDay): number {
  let next = t + DAY_MS;
  while (!working(next)) next += DAY_MS;
  return next;
}
