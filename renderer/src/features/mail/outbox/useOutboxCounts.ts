import { useCall } from '../../../app/useCall.ts';
import type { OutboxCounts } from './outbox-format.ts';

/** Outbox entries per status (the badge beside "Outbox"); refreshed by `data.changed` on mailOutbox. */
export function useOutboxCounts(): OutboxCounts | undefined {
  return useCall('mail.listOutbox', { limit: 1 }).data?.counts;
}
