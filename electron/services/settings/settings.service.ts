import path from 'node:path';
import type { z } from 'zod';
import type { Settings, SettingsPatch } from '../../../shared/contract/app.contract.ts';
import { GRADES, type Grade } from '../../../shared/domain/customer-enums.ts';
import { DEFAULT_REPLY_WAIT_DAYS } from '../../../shared/domain/working-days.ts';
import type { Handlers } from '../core/dispatcher.ts';
import type { ServiceDeps } from '../core/service-deps.ts';

type StoredKey = 'language' | 'backupFolder' | 'backupEnabled' | 'lastBackupAt' | 'replyWaitDays';

export interface SettingsService {
  get(): Promise<Settings>;
  update(patch: z.output<typeof SettingsPatch>): Promise<Settings>;
  setLastBackupAt(ms: number): Promise<void>;
  handlers: Pick<Handlers, 'settings.get' | 'settings.update'>;
}

export const BACKUP_KEEP = 14;

/** Settings live in the database (so backups carry them); per-grade intervals in their own table for SQL. */
export function createSettingsService(deps: ServiceDeps & { dataDir: string }): SettingsService {
  const { db, clock } = deps;
  const defaults = {
    language: 'system' as Settings['language'],
    backupFolder: path.join(deps.dataDir, 'backups'),
    backupEnabled: true,
    lastBackupAt: null as number | null,
    replyWaitDays: DEFAULT_REPLY_WAIT_DAYS,
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

  async function update(patch: z.output<typeof SettingsPatch>): Promise<Settings> {
    await db.transaction().execute(async (trx) => {
      const now = clock.now();
      const entries: Array<[StoredKey, unknown]> = [];
      if (patch.language !== undefined) entries.push(['language', patch.language]);
      if (patch.backupFolder !== undefined) entries.push(['backupFolder', path.resolve(patch.backupFolder)]);
      if (patch.backupEnabled !== undefined) entries.push(['backupEnabled', patch.backupEnabled]);
      if (patch.replyWaitDays !== undefined) entries.push(['replyWaitDays', patch.replyWaitDays]);
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

/** The "waiting for our reply" threshold in working days, for services that only need that setting. */
export async function readReplyWaitDays(db: ServiceDeps['db']): Promise<number> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'replyWaitDays').executeTakeFirst();
  const value: unknown = row ? JSON.parse(row.value) : null;
  return typeof value === 'number' ? value : DEFAULT_REPLY_WAIT_DAYS;
}
