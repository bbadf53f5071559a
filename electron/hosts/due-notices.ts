import type { Result } from '../../shared/contract/result.ts';
import type { CallOutput } from '../../shared/contract/contract.ts';
import { dueNoticeText } from '../../shared/domain/due-notice.ts';
import type { Language } from '../../shared/i18n/catalogs.ts';
import type { Notifier } from './notifier.ts';
import { translate } from './translate.ts';

/** How often the Electron app asks what came due: a task due at 15:00 is notified by 15:01. */
export const DUE_NOTICE_INTERVAL_MS = 60_000;

export interface DueNoticesOptions {
  dispatch(key: 'today.takeNotifications', input: { timeZone?: string }): Promise<Result<unknown>>;
  notifier: Notifier;
  language(): Language | Promise<Language>;
}

/**
 * The Electron app's desktop notifications of due items (Today): the service hands each item
 * out once (today_notified) and keeps the quiet hours; this only words and shows them. The web
 * host's page does the same with the browser's Notification API.
 */
export function createDueNotices(options: DueNoticesOptions): { runOnce(): Promise<number> } {
  return {
    async runOnce() {
      const result = await options.dispatch('today.takeNotifications', { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone });
      if (!result.ok) return 0;
      const { items, more } = result.value as CallOutput<'today.takeNotifications'>;
      if (items.length === 0) return 0;
      const language = await options.language();
      for (const item of items) {
        const text = dueNoticeText(item);
        options.notifier.notify({ title: translate(language, text.titleKey), body: text.body });
      }
      if (more > 0) options.notifier.notify({ title: translate(language, 'today.notifications.title'), body: translate(language, 'today.notifications.more', { count: more }) });
      return items.length;
    },
  };
}
