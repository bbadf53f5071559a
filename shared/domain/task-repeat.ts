/**
 * Tasks and appointments (issue 14 point 1): kinds, priorities and repeat rules.
 *
 * Dates are UTC days, as everywhere in the reminders (the services have no time zone): "every
 * month" keeps the UTC day of month and time of day of the series' first due date.
 */

export const TASK_KINDS = ['task', 'appointment'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export const TASK_PRIORITIES = ['low', 'normal', 'high'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

export const REPEAT_UNITS = ['day', 'week', 'month'] as const;
export type RepeatUnit = (typeof REPEAT_UNITS)[number];

export const MAX_REPEAT_EVERY = 365;

export interface RepeatRule {
  unit: RepeatUnit;
  every: number;
}

const DAY_MS = 86_400_000;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/**
 * `anchor` moved by `months`, its day clamped to the last of the target month: Jan 31 + 1 month
 * is Feb 28 (29 in a leap year), and + 2 months is Mar 31 again, because every occurrence is
 * counted from the anchor rather than from the clamped one before it.
 */
export function addMonthsClamped(anchor: number, months: number): number {
  const d = new Date(anchor);
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const day = Math.min(d.getUTCDate(), daysInMonth(year, month));
  return Date.UTC(year, month, day, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
}

/** The `index`-th occurrence of a series that starts at `anchor` (index 0 is the anchor itself). */
export function occurrenceAt(anchor: number, rule: RepeatRule, index: number): number {
  switch (rule.unit) {
    case 'day':
      return anchor + index * rule.every * DAY_MS;
    case 'week':
      return anchor + index * rule.every * 7 * DAY_MS;
    case 'month':
      return addMonthsClamped(anchor, index * rule.every);
  }
}

/**
 * The occurrence that follows occurrence `index` once it is done at `now`: the next one on the
 * series' schedule, skipping those already past, so a weekly task done three weeks late comes
 * back next week rather than three times at once. Returns its index and due date.
 */
export function nextOccurrence(anchor: number, rule: RepeatRule, index: number, now: number): { index: number; dueAt: number } {
  let next = index + 1;
  let dueAt = occurrenceAt(anchor, rule, next);
  // Bounded: at most one step per period between the anchor and now (a year of daily steps is 365).
  while (dueAt <= now) {
    next += 1;
    dueAt = occurrenceAt(anchor, rule, next);
  }
  return { index: next, dueAt };
}
