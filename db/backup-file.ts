import BetterSqlite3 from 'better-sqlite3';
import { MIGRATIONS } from './migrations/migrations.index.ts';
import { readSchemaVersion } from './open-database.ts';

export type BackupCheck =
  | { ok: true; schemaVersion: string }
  | { ok: false; reason: 'notDatabase' | 'corrupt' | 'notTradeFolio' | 'newerSchema'; detail: string };

/**
 * Checks that a file is a sound TradeFolio database this version can open: SQLite's
 * integrity_check passes and its schema is one of our migrations (older ones are migrated
 * forward on open; newer ones are refused rather than opened by an app that does not know them).
 */
export function verifyBackupFile(file: string): BackupCheck {
  let sqlite: BetterSqlite3.Database | null = null;
  try {
    sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    const rows = sqlite.pragma('integrity_check') as Array<{ integrity_check: string }>;
    const verdict = rows.map((r) => r.integrity_check).join('; ');
    if (verdict !== 'ok') return { ok: false, reason: 'corrupt', detail: verdict };
    const version = readSchemaVersion(sqlite);
    if (!version) return { ok: false, reason: 'notTradeFolio', detail: 'no migration table' };
    if (!Object.hasOwn(MIGRATIONS, version)) return { ok: false, reason: 'newerSchema', detail: version };
    return { ok: true, schemaVersion: version };
  } catch (err) {
    return { ok: false, reason: 'notDatabase', detail: err instanceof Error ? err.message : String(err) };
  } finally {
    sqlite?.close();
  }
}
