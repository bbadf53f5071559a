import path from 'node:path';
import type { z } from 'zod';
import type { Settings, SettingsPatch } from '../../../shared/contract/app.contract.ts';
import { GRADES, type Grade } from '../../../shared/domain/customer-enums.ts';
import { DEFAULT_REPLY_WAIT_DAYS, MON_TO_FRI, type ReplyWait, type WorkingCalendar } from '../../../shared/domain/working-days.ts';
import { AppFailure, fail } from '../../../shared/contract/result.ts';
import type { Handlers } from '../core/dispatcher.ts';
import type { ServiceDeps } from '../core/service-deps.ts';

type StoredKey = 'language' | 'backupFolder' | 'backupEnabled' | 'lastBackupAt' | 'replyWaitDays' | 'workingCalendar';

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
  };

  async function get(): Promise<Settings> {
    const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
    const stored = new Map(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
    const intervals = await db.selectFrom('contact_intervals').select(['grade', 'days']).execute();
    const contactIntervals = Object.fromEntries(GRADES.map((g) => [g, null])) as Record<Grade, number | null>;
    for (const row of intervals) contactIntervals[row.grade] = row.days;
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
    };
  }

  async function put(entries: Array<[StoredKey, unknown]>): Promise<void> {
    const now = clock.now();
    for (const [key, value] of entries) {
      await db
        .insertInto('settings')
        .values({ key, value: JSON.stringify(value), updated_at: now })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: now }))
        .execute();
    }
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
    await db.transaction().execute(async (trx) => {
      const now = clock.now();
      const entries: Array<[StoredKey, unknown]> = [];
      if (patch.language !== undefined) entries.push(['language', patch.language]);
      if (backupFolder !== undefined) entries.push(['backupFolder', backupFolder]);
      if (patch.backupEnabled !== undefined) entries.push(['backupEnabled', patch.backupEnabled]);
      if (patch.replyWaitDays !== undefined) entries.push(['replyWaitDays', patch.replyWaitDays]);
      if (patch.workingCalendar !== undefined) entries.push(['workingCalendar', toCalendar(patch.workingCalendar)]);
      for (const [key, value] of entries) {
        await trx
          .insertInto('settings')
          .values({ key, value: JSON.stringify(value), updated_at: now })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: now }))
          .execute();
      }
      for (const [grade, days] of Object.entries(patch.contactIntervals ?? {})) {
        if (days === undefined) continue;
        // The contact_intervals trigger recomputes every due_at of that grade.
        await trx.updateTable('contact_intervals').set({ days }).where('grade', '=', grade as Grade).execute();
      }
    });
    deps.emit('data.changed', { entities: patch.contactIntervals ? ['settings', 'customers'] : ['settings'] });
    return get();
  }

  return {
    get,
    update,
    setLastBackupAt: (ms) => put([['lastBackupAt', ms]]),
    handlers: { 'settings.get': () => get(), 'settings.update': (input) => update(input) },
  };
}

/** Sorted, each date once: the lists are shown and compared as they are stored. */
function toCalendar(value: unknown): Settings['workingCalendar'] {
  const list = (v: unknown) => (Array.isArray(v) ? [...new Set(v.filter((d): d is string => typeof d === 'string'))].sort() : []);
  const stored = value !== null && typeof value === 'object' ? (value as Partial<Record<keyof WorkingCalendar, unknown>>) : {};
  return { daysOff: list(stored.daysOff), workingWeekends: list(stored.workingWeekends) };
}

/**
 * "Waiting for our reply" after how many working days, and which days those are: for services
 * that only need these settings.
 */
export async function readReplyWait(db: ServiceDeps['db']): Promise<ReplyWait> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).where('key', 'in', ['replyWaitDays', 'workingCalendar']).execute();
  const stored = new Map(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  const days = stored.get('replyWaitDays');
  return { days: typeof days === 'number' ? days : DEFAULT_REPLY_WAIT_DAYS, calendar: toCalendar(stored.get('workingCalendar')) };
}
