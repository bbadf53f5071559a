import fs from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../../../shared/contract/result.ts';
import { recoverInterruptedRestore, intentPath, SIDE_FILES } from '../backups/restore-intent.ts';
import { tryLockDataFolder, type DataFolderLock, type LockHolder } from '../platform/data-folder-lock.ts';
import { ensurePrivateFolder } from '../platform/private-files.ts';
import type { Logger } from './logger.ts';

export const DATABASE_FILE_NAME = 'tradefolio.sqlite';

/**
 * 'owner': this process must hold the data folder's lock (the app and the web host: one of
 * them at a time; anything that replaces the database runs only in the holder).
 * 'shared': ordinary reads and writes next to a running host (the CLI), with SQLite's own
 * locking; such a process cannot replace the database.
 */
export type DataFolderAccess = 'owner' | 'shared';

export interface OpenedDataFolder {
  databaseFile: string;
  /** Null for 'shared' access. */
  lock: DataFolderLock | null;
}

function inUse(dataDir: string, holder: LockHolder | null, message: 'inUse' | 'restoreInProgress'): AppFailure {
  return new AppFailure({
    code: 'conflict',
    message: `dataFolder.${message}_${holder?.kind ?? 'unknown'}`,
    params: { folder: dataDir, pid: holder?.pid ?? '?' },
  });
}

/**
 * Makes the data folder private, takes its lock as asked, and finishes or undoes a restore a
 * crash interrupted — all before anything opens the database, so an interrupted restore can
 * never look like an empty database. Throws AppFailure('conflict') naming the program that
 * holds the folder, and AppFailure for a read-only database file.
 */
export function openDataFolder(dataDir: string, access: DataFolderAccess, me: Omit<LockHolder, 'since'>, now: number, log: Logger): OpenedDataFolder {
  prepareFolder(dataDir);
  const databaseFile = path.join(dataDir, DATABASE_FILE_NAME);
  let lock: DataFolderLock | null = null;
  const attempt = () => {
    const got = tryLockDataFolder(dataDir, me, now);
    if (!got.ok) throw inUse(dataDir, got.holder, access === 'owner' ? 'inUse' : 'restoreInProgress');
    return got.lock;
  };
  if (access === 'owner') lock = attempt();
  if (fs.existsSync(intentPath(dataDir))) {
    // Only a process holding the lock may touch the files: a live holder is mid-restore.
    const recovering = lock ?? attempt();
    try {
      const outcome = recoverInterruptedRestore(dataDir);
      if (outcome.action !== 'none') log.warn('finished an interrupted restore', { action: outcome.action, source: outcome.intent.source });
    } finally {
      if (!lock) recovering.release();
    }
  } else if (lock) {
    // A copy staged by a restore that crashed before announcing the swap.
    for (const suffix of ['', ...SIDE_FILES]) fs.rmSync(`${databaseFile}.incoming${suffix}`, { force: true });
  }
  try {
    assertWritable(databaseFile);
  } catch (err) {
    lock?.release();
    throw err;
  }
  return { databaseFile, lock };
}

/** Creates the folder, makes it private, and proves it writable; a folder that is not gets a message naming it. */
function prepareFolder(dataDir: string): void {
  try {
    ensurePrivateFolder(dataDir);
    fs.accessSync(dataDir, fs.constants.W_OK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unknown';
    const message = code === 'EROFS' || code === 'EACCES' || code === 'EPERM' ? 'dataFolder.folderReadOnly' : 'dataFolder.folderUnusable';
    throw new AppFailure({ code: 'internal', message, params: { folder: dataDir, detail: code } });
  }
}

/**
 * The database file failed to open: a file that is not a database, a damaged one, or a folder
 * in its place is named with what to do, instead of SQLite's words (or a "nothing was saved"
 * meant for a failed change). Other faults (a full disk, say) pass through to the callers,
 * which explain them with storage-errors.ts.
 */
export function explainOpenFailure(err: unknown, file: string): unknown {
  const code = String((err as { code?: unknown } | null)?.code ?? '');
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new AppFailure({ code: 'internal', message: 'dataFolder.databaseDamaged', params: { file } });
  }
  if (code.startsWith('SQLITE_CANTOPEN')) return new AppFailure({ code: 'internal', message: 'dataFolder.databaseCannotOpen', params: { file } });
  return err;
}

/**
 * A database file marked read-only (0444, or a read-only mount) is refused at start with its
 * name, instead of opening and failing every write later. The mode bits are read as well as
 * access(W_OK), because root (and Windows' administrators) may write through them.
 */
function assertWritable(file: string): void {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    return;
  }
  let writable = process.platform === 'win32' ? (st.mode & 0o200) !== 0 : (st.mode & 0o222) !== 0;
  if (writable) {
    try {
      fs.accessSync(file, fs.constants.W_OK);
      fs.accessSync(path.dirname(file), fs.constants.W_OK);
    } catch {
      writable = false;
    }
  }
  if (!writable) throw new AppFailure({ code: 'internal', message: 'dataFolder.databaseReadOnly', params: { file } });
}
