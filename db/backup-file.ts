import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { MIGRATIONS } from './migrations/migrations.index.ts';
import { readSchemaVersion } from './open-database.ts';
import { schemaDifferences } from './schema-check.ts';

export type BackupCheck =
  | { ok: true; schemaVersion: string }
  | { ok: false; reason: 'notDatabase' | 'notFile' | 'corrupt' | 'notTradeFolio' | 'newerSchema' | 'incomplete'; detail: string };

/**
 * What an error from opening or reading a file says about it as a backup. SQLite's words
 * ("database disk image is malformed") stay in `detail` for the log; the user is told which of
 * our reasons it is.
 */
function unreadable(err: unknown): Exclude<BackupCheck, { ok: true }> {
  const code = (err as { code?: unknown } | null)?.code;
  const detail = err instanceof Error ? err.message : String(err);
  if (code === 'SQLITE_CORRUPT' || (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT_'))) return { ok: false, reason: 'corrupt', detail };
  if (code === 'EISDIR' || code === 'SQLITE_CANTOPEN_ISDIR') return { ok: false, reason: 'notFile', detail };
  return { ok: false, reason: 'notDatabase', detail };
}

/** Bytes 18 and 19 of a SQLite file: 2 when the file is in WAL mode (it needs a -shm to be read). */
function isWalFile(file: string): boolean {
  const header = Buffer.alloc(20);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, 20, 0);
  } finally {
    fs.closeSync(fd);
  }
  return header[18] === 2 || header[19] === 2;
}

/**
 * Opens a backup read-only without writing anything beside it. A file in WAL mode (backups of
 * TradeFolio before 0.1 were) cannot be opened read-only where its -shm cannot be created, e.g.
 * on a read-only USB stick: such a file, with its -wal if there is one, is read from a copy in
 * `scratchDir`. The caller closes the handle and removes `scratch`.
 */
export function openBackupReadOnly(file: string, scratchDir: string): { sqlite: BetterSqlite3.Database; scratch: string | null } {
  try {
    return { sqlite: new BetterSqlite3(file, { readonly: true, fileMustExist: true }), scratch: null };
  } catch (err) {
    if (!fs.existsSync(file) || !isWalFile(file)) throw err;
    const scratch = fs.mkdtempSync(path.join(scratchDir, 'backup-read-'));
    const copy = path.join(scratch, 'source.sqlite');
    fs.copyFileSync(file, copy);
    if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
    return { sqlite: new BetterSqlite3(copy, { readonly: true, fileMustExist: true }), scratch };
  }
}

/**
 * Checks that an open database is a sound TradeFolio database this version can open: SQLite's
 * integrity_check passes, its migration version is one we know (older ones are migrated
 * forward on open; newer ones are refused rather than opened by an app that does not know
 * them), and every table, column, index and trigger of that version is there.
 */
export async function checkDatabase(sqlite: BetterSqlite3.Database): Promise<BackupCheck> {
  try {
    const rows = sqlite.pragma('integrity_check') as Array<{ integrity_check: string }>;
    const verdict = rows.map((r) => r.integrity_check).join('; ');
    if (verdict !== 'ok') return { ok: false, reason: 'corrupt', detail: verdict };
    const version = readSchemaVersion(sqlite);
    if (!version) return { ok: false, reason: 'notTradeFolio', detail: 'no migration table' };
    if (!Object.hasOwn(MIGRATIONS, version)) {
      // A name sorting after our newest is a later version; anything else is not ours.
      const newest = Object.keys(MIGRATIONS).at(-1)!;
      return version > newest ? { ok: false, reason: 'newerSchema', detail: version } : { ok: false, reason: 'notTradeFolio', detail: version };
    }
    const differences = await schemaDifferences(sqlite, version);
    if (differences.length > 0) {
      const more = differences.length > 5 ? ` and ${differences.length - 5} more` : '';
      return { ok: false, reason: 'incomplete', detail: differences.slice(0, 5).join('; ') + more };
    }
    return { ok: true, schemaVersion: version };
  } catch (err) {
    return unreadable(err);
  }
}

/** Opens `file` read-only and checks it (see checkDatabase); nothing is written beside it. */
export async function verifyBackupFile(file: string, scratchDir: string): Promise<BackupCheck> {
  let opened: ReturnType<typeof openBackupReadOnly> | null = null;
  try {
    if (!fs.statSync(file).isFile()) return { ok: false, reason: 'notFile', detail: 'a folder' };
    opened = openBackupReadOnly(file, scratchDir);
    return await checkDatabase(opened.sqlite);
  } catch (err) {
    return unreadable(err);
  } finally {
    opened?.sqlite.close();
    if (opened?.scratch) fs.rmSync(opened.scratch, { recursive: true, force: true });
  }
}

/**
 * Turns a finished copy into a single self-contained file: rollback-journal mode, so it opens
 * read-only with nothing beside it (a WAL-mode file needs a -shm, which a read-only folder
 * cannot hold), and VACUUM-free so the copy stays page-for-page what SQLite's backup wrote.
 */
export function makeSelfContained(file: string): void {
  const sqlite = new BetterSqlite3(file, { fileMustExist: true });
  try {
    sqlite.pragma('journal_mode = DELETE');
  } finally {
    sqlite.close();
  }
}
