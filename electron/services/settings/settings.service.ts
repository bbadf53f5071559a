import path from 'node:path';
import type { z } from 'zod';
import type { Settings, SettingsPatch } from '../../../shared/contract/app.contract.ts';
import type { Grade } from '../../../shared/domain/customer-enums.ts';
import { DEFAULT_REPLY_WAIT_DAYS, MON_TO_FRI, type WorkingCalendar } from '../../../shared/domain/working-days.ts';
import { DEFAULT_QUOTE_FOLLOW_UP_DAYS, DEFAULT_SAMPLE_FOLLOW_UP_DAYS } from '../../../shared/domain/quote-terms.ts';
import { AppFailure, fail } from '../../../shared/contract/result.ts';
import type { Handlers } from '../core/dispatcher.ts';
import type { ServiceDeps } from '../core/service-deps.ts';
import { putSettings, readContactIntervals, readStoredSettings, setContactInterval, toCalendar } from './settings.queries.ts';
import { patchedLetterhead, readLetterhead } from './letterhead.queries.ts';
import { storeLogo } from './letterhead-logo.ts';
import { DEFAULT_QUOTE_NUMBER_PATTERN } from '../../../shared/domain/quote-number.ts';
import { DEFAULT_LC_REMINDER_DAYS, DEFAULT_PAYMENT_REMINDER_DAYS } from '../../../shared/domain/payment-deadlines.ts';
import { DEFAULT_QUIET_HOURS } from '../../../shared/domain/quiet-hours.ts';

type StoredKey = 'language' | 'backupFolder' | 'backupEnabled' | 'lastBackupAt' | 'replyWaitDays' | 'workingCalendar' | 'sampleFollowUpDays' | 'quoteNumberPattern' | 'quoteFollowUpDays' | 'paymentReminderDays' | 'letterOfCreditReminderDays' | 'notifications';

export interface SettingsService {
  get(): Promise<Settings>;
  update(patch: z.output<typeof SettingsPatch>): Promise<Settings>;
  setLastBackupAt(ms: number): Promise<void>;
  handlers: Pick<Handlers, 'settings.get' | 'settings.update'>;
}

export const BACKUP_KEEP = 14;

/** Settings live in the database (so backups carry them); per-grade intervals in their own table for SQL. */
export function createSettingsService(
  deps: ServiceDeps & {
    dataDir: string;
    /** Checks and creates a backup folder the user chose; the stored path is the one it returns. */
    prepareBackupFolder(folder: string): Promise<string>;
  },
): SettingsService {
  const { db, clock } = deps;
  const defaults = {
    language: 'system' as Settings['language'],
    backupFolder: path.join(deps.dataDir, 'backups'),
    backupEnabled: true,
    lastBackupAt: null as number | null,
    replyWaitDays: DEFAULT_REPLY_WAIT_DAYS,
    workingCalendar: MON_TO_FRI as WorkingCalendar,
    sampleFollowUpDays: DEFAULT_SAMPLE_FOLLOW_UP_DAYS,
    quoteNumberPattern: DEFAULT_QUOTE_NUMBER_PATTERN,
    quoteFollowUpDays: DEFAULT_QUOTE_FOLLOW_UP_DAYS,
    paymentReminderDays: DEFAULT_PAYMENT_REMINDER_DAYS,
    letterOfCreditReminderDays: DEFAULT_LC_REMINDER_DAYS,
    notifications: { enabled: true, quietHours: DEFAULT_QUIET_HOURS } as Settings['notifications'],
  };

  async function get(): Promise<Settings> {
    const stored = await readStoredSettings(db);
    const contactIntervals = await readContactIntervals(db);
    const pick = <K extends StoredKey>(key: K) => (stored.has(key) ? stored.get(key) : defaults[key]) as (typeof defaults)[K];
    return {
      language: pick('language'),
      contactIntervals,
      replyWaitDays: pick('replyWaitDays'),
      workingCalendar: toCalendar(pick('workingCalendar')),
      backupFolder: pick('backupFolder'),
      backupEnabled: pick('backupEnabled'),
      backupKeep: BACKUP_KEEP,
      lastBackupAt: pick('lastBackupAt'),
      letterhead: await readLetterhead(db),
      sampleFollowUpDays: pick('sampleFollowUpDays'),
      quoteNumberPattern: pick('quoteNumberPattern'),
      quoteFollowUpDays: pick('quoteFollowUpDays'),
      paymentReminderDays: pick('paymentReminderDays'),
      letterOfCreditReminderDays: pick('letterOfCreditReminderDays'),
      notifications: pick('notifications'),
    };
  }

  /** A refused folder is a problem with that field: the settings page shows it under the folder. */
  async function checkedFolder(folder: string): Promise<string> {
    try {
      return await deps.prepareBackupFolder(folder);
    } catch (err) {
      if (!(err instanceof AppFailure)) throw err;
      const { code, message, params } = err.error;
      fail(code, message, params, [{ path: 'backupFolder', message, ...(params ? { params } : {}) }]);
    }
  }

  async function update(patch: z.output<typeof SettingsPatch>): Promise<Settings> {
    const backupFolder = patch.backupFolder === undefined ? undefined : await checkedFolder(patch.backupFolder);
    // The logo is copied into the data folder before the transaction; an unused copy is harmless.
    const logoPath = patch.letterhead?.logoPath;
    const logo = logoPath === undefined ? undefined : logoPath === null ? null : storeLogo(deps.dataDir, logoPath);
    await db.transaction().execute(async (trx) => {
      const now = clock.now();
      const entries: Array<[StoredKey | 'letterhead', unknown]> = [];
      if (patch.language !== undefined) entries.push(['language', patch.language]);
      if (backupFolder !== undefined) entries.push(['backupFolder', backupFolder]);
      if (patch.backupEnabled !== undefined) entries.push(['backupEnabled', patch.backupEnabled]);
      if (patch.replyWaitDays !== undefined) entries.push(['replyWaitDays', patch.replyWaitDays]);
      if (patch.workingCalendar !== undefined) entries.push(['workingCalendar', toCalendar(patch.workingCalendar)]);
      if (patch.sampleFollowUpDays !== undefined) entries.push(['sampleFollowUpDays', patch.sampleFollowUpDays]);
      if (patch.quoteNumberPattern !== undefined) entries.push(['quoteNumberPattern', patch.quoteNumberPattern]);
      if (patch.quoteFollowUpDays !== undefined) entries.push(['quoteFollowUpDays', patch.quoteFollowUpDays]);
      if (patch.paymentReminderDays !== undefined) entries.push(['paymentReminderDays', patch.paymentReminderDays]);
      if (patch.letterOfCreditReminderDays !== undefined) entries.push(['letterOfCreditReminderDays', patch.letterOfCreditReminderDays]);
      if (patch.notifications !== undefined) entries.push(['notifications', patch.notifications]);
      if (patch.letterhead !== undefined) entries.push(['letterhead', patchedLetterhead(await readLetterhead(trx), patch.letterhead, logo)]);
      await putSettings(trx, entries, now);
      for (const [grade, days] of Object.entries(patch.contactIntervals ?? {})) {
        if (days !== undefined) await setContactInterval(trx, grade as Grade, days);
      }
    });
    deps.emit('data.changed', { entities: patch.contactIntervals ? ['settings', 'customers'] : ['settings'] });
    return get();
  }

  return {
    get,
    update,
    setLastBackupAt: (ms) => putSettings(db, [['lastBackupAt', ms]], clock.now()),
    handlers: { 'settings.get': () => get(), 'settings.update': (input) => update(input) },
  };
}
