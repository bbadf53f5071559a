import { useCall } from '../../app/useCall.ts';

/**
 * Customers become overdue (and mail waits too long for a reply) by the clock passing, with no
 * write to announce it, so besides the `data.changed` refresh the counts are re-read every few
 * minutes.
 */
const RECHECK_MS = 5 * 60_000;

/** The navigation badge: how many customers are overdue for contact. */
export function useNotContactedCount(): number {
  return useReminderCounts().notContacted;
}

/** Both reminder counts (one call, shared by the nav badges and the reminder tabs). */
export function useReminderCounts(): { notContacted: number; waitingForReply: number } {
  const counts = useCall('reminders.counts', {}, { refetchInterval: RECHECK_MS });
  return { notContacted: counts.data?.notContacted ?? 0, waitingForReply: counts.data?.waitingForReply ?? 0 };
}
