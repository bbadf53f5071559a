import type { Logger } from '../services/core/logger.ts';

/** A desktop notification; the Electron app shows a real one, other hosts just log it. */
export interface Notifier {
  notify(notice: { title: string; body: string }): void;
}

/** For the web host and the CLI, which have no desktop to notify: the notice goes to the log. */
export function createLogNotifier(log: Logger): Notifier {
  return {
    notify: ({ title, body }) => log.info(`notice: ${title}: ${body}`),
  };
}
