import { useCall } from '../../app/useCall.ts';

/**
 * Reminders come due by the clock passing, with no write to announce them, so besides the
 * `data.changed` refresh the count is re-read every minute (a task due at 15:00 counts at 15:00).
 */
const RECHECK_MS = 60_000;

/** Today's badge: how many items are due by the end of the day. */
export function useTodayCount(): number {
  return useCall('today.count', {}, { refetchInterval: RECHECK_MS }).data?.total ?? 0;
}
