import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { dueNoticeText } from '../../../../shared/domain/due-notice.ts';
import { call } from '../../api/client.ts';
import { useCall } from '../../app/useCall.ts';
import { recordHref } from './today-links.ts';

/** As often as the Electron app asks (electron/hosts/due-notices.ts). */
const POLL_MS = 60_000;

/** Sent by the permission button once the user allows notifications: what is due shows at once, not a minute later. */
export const NOTIFICATIONS_ALLOWED_EVENT = 'tradefolio:notifications-allowed';

export function notificationsSupported(): boolean {
  return typeof window !== 'undefined' && 'Notification' in window;
}

/**
 * In the web host, once the user has allowed notifications: asks every minute what came due and
 * shows each item once through the browser's Notification API (the service remembers what it
 * handed out, so two open tabs never show one item twice). Clicking one opens its record. The
 * Electron app notifies from its main process instead, so its window does nothing here.
 */
export function useDesktopNotifications(): void {
  const { t } = useTranslation();
  const host = useCall('app.getInfo', {}, { staleTime: Infinity }).data?.host;
  useEffect(() => {
    if (host !== 'web' || !notificationsSupported()) return;
    let stopped = false;
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const poll = async () => {
      if (stopped || Notification.permission !== 'granted') return;
      const { items, more } = await call('today.takeNotifications', { timeZone });
      for (const item of items) {
        const text = dueNoticeText(item);
        const shown = new Notification(t(text.titleKey), { body: text.body, tag: item.key });
        shown.onclick = () => {
          window.focus();
          window.location.hash = recordHref(item);
        };
      }
      if (more > 0) new Notification(t('today.notifications.title'), { body: t('today.notifications.more', { count: more }), tag: 'today-more' });
    };
    const run = () => void poll().catch(() => {});
    run();
    const timer = window.setInterval(run, POLL_MS);
    window.addEventListener(NOTIFICATIONS_ALLOWED_EVENT, run);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      window.removeEventListener(NOTIFICATIONS_ALLOWED_EVENT, run);
    };
  }, [host, t]);
}
