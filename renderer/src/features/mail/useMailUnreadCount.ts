import { useCall } from '../../app/useCall.ts';
import { unreadInInboxes } from './mail-folders.ts';

/** The nav badge: unread mail in the inboxes of all accounts. */
export function useMailUnreadCount(): number {
  const status = useCall('mail.syncStatus', {});
  return unreadInInboxes(status.data);
}
