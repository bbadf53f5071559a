/** The kinds of reminder Today gathers (issue 14 point 3), in the order it shows them. */
export const TODAY_KINDS = [
  'task',
  'appointment',
  'payment',
  'letterOfCredit',
  'quoteFollowUp',
  'sampleFeedback',
  'waitingForReply',
  'notContacted',
] as const;
export type TodayKind = (typeof TODAY_KINDS)[number];

/**
 * The kinds whose snooze Today keeps itself (today_snoozes): their date is not the user's to
 * move. The others move their own date — a task's due date, a quote's or shipment's follow-up.
 */
export const SNOOZED_BY_TODAY: ReadonlySet<TodayKind> = new Set(['payment', 'letterOfCredit', 'waitingForReply', 'notContacted']);

/**
 * Today counts each kind up to this many ("100+"): it is a list to act on, showing ten rows a
 * kind, and the kind's own list (the reminders tabs, the Tasks page) has the exact number. At
 * 100,000 customers, counting 60,000 overdue follow-ups exactly cost ~40 ms a kind; up to 1,000,
 * one salesperson's payments and L/Cs (found among everyone's, then filtered) still cost ~50 ms
 * together; up to 100 Today answers in well under 50 ms (test/bench/today.bench.ts).
 */
export const TODAY_COUNT_CAP = 100;
