import { useCall } from '../../app/useCall.ts';

/**
 * Customers become overdue by the clock passing, with no write to announce it, so besides
 * the `data.changed` refresh the count is re-read every few minutes.
 */
const RECHECK_MS = 5 * 60_000;

/** The navigation badge: how many customers are overdue for contact. */
export function useNotContactedCount(): number {
  const counts = useCall('reminders.counts', {}, { refetchInterval: RECHECK_MS });
  return counts.data?.notContacted ?? 0;
}
