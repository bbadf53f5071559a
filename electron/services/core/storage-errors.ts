import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { AppError } from '../../../shared/contract/result.ts';

/**
 * Below this much free space, an I/O error on writing is taken to be a full disk. SQLite's unix
 * VFS reports ENOSPC from write() as SQLITE_FULL, but a full disk can also surface as
 * SQLITE_IOERR_WRITE (its size hint pre-allocation), _SHMSIZE (growing the -shm file), _FSYNC
 * (file systems that allocate at fsync) or _TRUNCATE, and better-sqlite3 does not pass the errno
 * on. A write SQLite could not do with less than this left is, in practice, the disk being full.
 */
const NEARLY_FULL_BYTES = 16 * 1024 * 1024;

/** The I/O errors a full disk can cause besides SQLITE_FULL. */
const SPACE_IO_ERRORS = new Set(['SQLITE_IOERR_WRITE', 'SQLITE_IOERR_SHMSIZE', 'SQLITE_IOERR_FSYNC', 'SQLITE_IOERR_DIR_FSYNC', 'SQLITE_IOERR_TRUNCATE']);

function freeBytes(folder: string): number | null {
  try {
    const s = fs.statfsSync(folder);
    return s.bavail * s.bsize;
  } catch {
    return null;
  }
}

/**
 * Explains a failure of the database itself (a full disk, a read-only file, another program's
 * lock, an I/O error) as an AppError in the user's language, or returns null when `err` is not
 * SQLite's. SQLite's own message goes to `details` only: it is English, and for the user it
 * says the wrong thing ("database or disk is full" on a write that was entirely undone).
 *
 * Failures that are bugs rather than faults (SQLITE_ERROR, a broken constraint) stay `internal`,
 * naming SQLite's code rather than quoting its message.
 */
export function storageFailure(err: unknown, databaseFile: string | undefined): AppError | null {
  if (!(err instanceof BetterSqlite3.SqliteError)) return null;
  const code = err.code;
  const details = `${code}: ${err.message}`;
  if (code === 'SQLITE_FULL') return { code: 'diskFull', message: 'errors.diskFull', details };
  if (SPACE_IO_ERRORS.has(code) && databaseFile) {
    const free = freeBytes(path.dirname(databaseFile));
    if (free !== null && free < NEARLY_FULL_BYTES) return { code: 'diskFull', message: 'errors.diskFull', details };
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return databaseFile
      ? { code: 'readOnly', message: 'errors.databaseReadOnly', params: { file: databaseFile }, details }
      : { code: 'readOnly', message: 'errors.databaseReadOnlyUnnamed', details };
  }
  // SQLITE_LOCKED is a lock inside this process (a shared cache or an open statement); both
  // pass when the other side finishes, so both say "try again".
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return { code: 'busy', message: 'errors.databaseBusy', details };
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_NOMEM') {
    // SQLite's code (not its sentence) tells support which fault it was.
    return { code: 'storageFailed', message: 'errors.storageFailed', params: { sqliteCode: code }, details };
  }
  return { code: 'internal', message: 'errors.internal', params: { reason: code }, details };
}
