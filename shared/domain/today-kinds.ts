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
 * Today counts each kind up to this many ("1,000+"): it is a list to act on, and the kind's own
 * list (the reminders tabs, the Tasks page) has the exact number. Counting further cost ~20 ms a
 * kind at 60,000 overdue rows (test/bench/today.bench.ts), against Today's 50 ms for all kinds.
 */
export const TODAY_COUNT_CAP = 1000;
