import fs from 'node:fs';
import path from 'node:path';
import type { Result } from '../../shared/contract/result.ts';
import type { Language } from '../../shared/i18n/catalogs.ts';
import type { Clock } from '../services/core/clock.ts';
import type { Notifier } from './notifier.ts';
import { translate } from './translate.ts';

export const NOTICE_STATE_FILE = 'notifications.json';

interface NoticeState {
  /** Local calendar day (YYYY-MM-DD) of the last "not contacted" notice. */
  notContactedShownOn?: string;
}

export function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function readState(file: string): NoticeState {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    return parsed !== null && typeof parsed === 'object' ? (parsed as NoticeState) : {};
  } catch {
    return {};
  }
}

function writeState(file: string, state: NoticeState): void {
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(state, null, 2));
  fs.renameSync(tmp, file);
}

export interface DailyReminderNoticeOptions {
  dataDir: string;
  dispatch(key: 'reminders.counts', input: object): Promise<Result<unknown>>;
  notifier: Notifier;
  clock: Clock;
  language(): Language | Promise<Language>;
}

/**
 * "N customers not contacted", at most once per local day. The day is remembered in a small
 * JSON file in the data folder rather than in the database: it is host state, not user data,
 * and must not travel inside backups. Nothing is recorded on a day with no overdue customers,
 * so a customer becoming overdue later that day still gets its notice.
 */
export function createDailyReminderNotice(options: DailyReminderNoticeOptions): { runIfDue(): Promise<boolean> } {
  const file = path.join(options.dataDir, NOTICE_STATE_FILE);
  return {
    async runIfDue() {
      const today = localDay(options.clock.now());
      const state = readState(file);
      if (state.notContactedShownOn === today) return false;
      const result = await options.dispatch('reminders.counts', {});
      if (!result.ok) return false;
      const count = (result.value as { notContacted: number }).notContacted;
      if (count <= 0) return false;
      const language = await options.language();
      options.notifier.notify({
        title: translate(language, 'reminders.title'),
        body: translate(language, 'reminders.total', { count }),
      });
      writeState(file, { ...state, notContactedShownOn: today });
      return true;
    },
  };
}
