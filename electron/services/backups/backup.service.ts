import type { FaultPoint } from '../core/fault-point.ts';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { checkDatabase, makeSelfContained, openBackupReadOnly, verifyBackupFile, type BackupCheck } from '../../../db/backup-file.ts';
import type { BackupEntry } from '../../../shared/contract/app.contract.ts';
import { AppFailure, fail } from '../../../shared/contract/result.ts';
import type { Handlers } from '../core/dispatcher.ts';
import type { ServiceDeps } from '../core/service-deps.ts';
import { storageFailure } from '../core/storage-errors.ts';
import { makePrivate, syncFolder } from '../platform/private-files.ts';
import { BACKUP_KEEP, type SettingsService } from '../settings/settings.service.ts';
import { FOLDER_STEP_LIMIT_MS, prepareBackupFolder, StepTimeout, withTimeLimit } from './backup-folder.ts';
import { clearIntent, moveDatabase, SIDE_FILES, writeIntent } from './restore-intent.ts';

const DAY = 86_400_000;
const BACKUP_NAME = /^tradefolio-(\d{8}-\d{6})(-\d+)?\.sqlite$/;
/** A copy that makes no progress for this long is on a failing disk; a slow big one still moves. */
const COPY_STALL_LIMIT_MS = 60_000;
/** Checking a backup reads all of it (integrity_check): minutes for gigabytes, never forever. */
const VERIFY_LIMIT_MS = 10 * 60_000;

// A test kills the process at a restore's steps (core/fault-point.ts) to prove that the next start finishes or undoes it.
export { RESTORE_FAULT_POINTS, type FaultPoint } from '../core/fault-point.ts';

export interface BackupServiceDeps extends ServiceDeps {
  settings: SettingsService;
  databaseFile: string;
  /** The app's own files: a backup folder inside them would be deleted by the next update. */
  installDir: string | null;
  /** Whether this process holds the data folder's lock; only its holder may replace the database. */
  ownsDataFolder(): boolean;
  /**
   * Closes the live database, runs `swap`, and opens the file then in place; if that file cannot
   * be opened, runs `undo` and reopens the original.
   */
  replaceDatabase(swap: () => void, undo: () => void): Promise<void>;
  faultPoint(point: FaultPoint): void;
}

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

function reasonOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Copies a database through SQLite's online backup API (so a source's -wal is included and a
 * live source stays consistent), giving up when the copy stops moving.
 */
async function copyDatabase(source: BetterSqlite3.Database, target: string, onProgress: (done: number, total: number) => void): Promise<void> {
  let lastMove = Date.now();
  let lastRemaining = -1;
  await source.backup(target, {
    progress: ({ totalPages, remainingPages }) => {
      if (remainingPages !== lastRemaining) {
        lastRemaining = remainingPages;
        lastMove = Date.now();
      } else if (Date.now() - lastMove > COPY_STALL_LIMIT_MS) {
        throw new StepTimeout('copy', COPY_STALL_LIMIT_MS);
      }
      onProgress(totalPages - remainingPages, totalPages);
      return 200;
    },
  });
}

/** A partial backup untouched for this long was left by a backup that died (it is written continuously). */
const STALE_PARTIAL_MS = 10 * 60_000;

/**
 * Removes what a killed backup left: `*.partial` files are never listed as backups, but each
 * takes a whole database's space on the stick. A fresh one may be another process's backup in
 * progress (the CLI may back up beside the app), so only old ones go. File times are the
 * disk's, so they are compared with the real clock, not the app's.
 */
async function removeStalePartials(folder: string): Promise<void> {
  const names = await withTimeLimit('list', FOLDER_STEP_LIMIT_MS, fsp.readdir(folder));
  for (const name of names.filter((n) => BACKUP_NAME.test(n.replace(/\.partial$/, '')) && n.endsWith('.partial'))) {
    const file = path.join(folder, name);
    const st = await fsp.stat(file).catch(() => null);
    if (st && Date.now() - st.mtimeMs > STALE_PARTIAL_MS) await fsp.rm(file, { force: true });
  }
}

function removeDatabaseFiles(file: string): void {
  fs.rmSync(file, { force: true });
  for (const suffix of SIDE_FILES) fs.rmSync(file + suffix, { force: true });
}

/** Backups with SQLite's online backup API (consistent while the app keeps writing), rotated, and verified restore. */
export function createBackupService(deps: BackupServiceDeps): {
  handlers: Pick<Handlers, 'backups.list' | 'backups.create' | 'backups.restore'>;
  runIfDue(): Promise<BackupEntry | null>;
} {
  const { sqlite, clock, emit, settings, log } = deps;
  const dataDir = path.dirname(deps.databaseFile);

  async function list(): Promise<BackupEntry[]> {
    const { backupFolder } = await settings.get();
    let names: string[];
    try {
      names = await withTimeLimit('list', FOLDER_STEP_LIMIT_MS, fsp.readdir(backupFolder));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      fail('internal', 'dataFolder.backupFolderUnreadable', { folder: backupFolder, reason: reasonOf(err) });
    }
    const entries = await withTimeLimit(
      'list',
      FOLDER_STEP_LIMIT_MS,
      Promise.all(
        names
          .filter((f) => BACKUP_NAME.test(f))
          .map(async (file) => {
            const full = path.join(backupFolder, file);
            const st = await fsp.stat(full);
            return { file, path: full, size: st.size, createdAt: Math.round(st.mtimeMs) };
          }),
      ),
    );
    return entries.sort((a, b) => b.file.localeCompare(a.file));
  }

  async function create(): Promise<BackupEntry> {
    const backupFolder = await prepareBackupFolder((await settings.get()).backupFolder, deps.installDir);
    await removeStalePartials(backupFolder);
    const now = clock.now();
    let file = `tradefolio-${stamp(now)}.sqlite`;
    for (let n = 2; fs.existsSync(path.join(backupFolder, file)); n++) file = `tradefolio-${stamp(now)}-${n}.sqlite`;
    const target = path.join(backupFolder, file);
    const partial = `${target}.partial`;
    try {
      await copyDatabase(sqlite, partial, (done, total) => emit('backup.progress', { done, total }));
      makeSelfContained(partial);
      makePrivate(partial);
      deps.faultPoint('backup:copied');
      // Renamed only when complete, so a crash mid-backup never leaves a file that looks whole.
      await withTimeLimit('rename', FOLDER_STEP_LIMIT_MS, fsp.rename(partial, target));
    } catch (err) {
      removeDatabaseFiles(partial);
      if ((err as { code?: string }).code === 'SQLITE_FULL' || (err as NodeJS.ErrnoException).code === 'ENOSPC') {
        fail('internal', 'dataFolder.backupFolder_full', { folder: backupFolder, detail: reasonOf(err) });
      }
      const storage = storageFailure(err, partial);
      if (storage) throw new AppFailure(storage);
      fail('internal', 'errors.backupFailed', { folder: backupFolder, reason: reasonOf(err) });
    }
    await settings.setLastBackupAt(now);
    const all = await list();
    for (const old of all.slice(BACKUP_KEEP)) fs.rmSync(old.path, { force: true });
    emit('data.changed', { entities: ['backups', 'settings'] });
    log.info('backup written', { file: target });
    return all.find((b) => b.file === file)!;
  }

  function refuse(check: Exclude<BackupCheck, { ok: true }>, name: string): never {
    fail('backupInvalid', `errors.backup_${check.reason}`, { file: name, detail: check.detail });
  }

  /** Copies the backup beside the live file through SQLite and checks the copy as well. */
  async function stageIncoming(source: string, name: string, incoming: string): Promise<void> {
    removeDatabaseFiles(incoming);
    const opened = openBackupReadOnly(source, dataDir);
    try {
      await copyDatabase(opened.sqlite, incoming, (done, total) => emit('backup.progress', { done, total }));
    } catch (err) {
      removeDatabaseFiles(incoming);
      fail('internal', 'dataFolder.restoreCopyFailed', { file: name, reason: reasonOf(err) });
    } finally {
      opened.sqlite.close();
      if (opened.scratch) fs.rmSync(opened.scratch, { recursive: true, force: true });
    }
    makePrivate(incoming);
    const copy = openBackupReadOnly(incoming, dataDir);
    try {
      const check = await checkDatabase(copy.sqlite);
      if (!check.ok) {
        removeDatabaseFiles(incoming);
        refuse(check, name);
      }
    } finally {
      copy.sqlite.close();
    }
    syncFolder(dataDir);
  }

  async function restore(backupPath: string): Promise<{ replacedPath: string; restoredAt: number }> {
    if (!deps.ownsDataFolder()) fail('conflict', 'dataFolder.restoreNotOwner', { folder: dataDir });
    const source = path.resolve(backupPath);
    const name = path.basename(source);
    if (!fs.existsSync(source)) fail('backupInvalid', 'errors.backupMissing', { file: name });
    const check = await withTimeLimit('verify', VERIFY_LIMIT_MS, verifyBackupFile(source, dataDir)).catch((err: unknown) =>
      fail('internal', 'dataFolder.restoreCopyFailed', { file: name, reason: reasonOf(err) }),
    );
    if (!check.ok) refuse(check, name);
    const now = clock.now();
    const live = deps.databaseFile;
    const incoming = `${live}.incoming`;
    const replacedPath = path.join(dataDir, `replaced-${stamp(now)}.sqlite`);
    await stageIncoming(source, name, incoming);
    deps.faultPoint('restore:copied');
    writeIntent(dataDir, { live, incoming, replaced: replacedPath, source, startedAt: now });
    deps.faultPoint('restore:intent-written');
    try {
      await deps.replaceDatabase(
        () => {
          // Closing checkpointed the WAL; whatever -wal/-shm remain go aside with their file, so
          // no page of the old database can be replayed into the new one.
          moveDatabase(live, replacedPath);
          deps.faultPoint('restore:moved-aside');
          fs.renameSync(incoming, live);
          syncFolder(dataDir);
          deps.faultPoint('restore:moved-in');
        },
        () => {
          removeDatabaseFiles(live);
          moveDatabase(replacedPath, live);
          syncFolder(dataDir);
        },
      );
    } finally {
      clearIntent(dataDir);
    }
    deps.faultPoint('restore:reopened');
    log.info('backup restored', { from: source, replaced: replacedPath });
    return { replacedPath, restoredAt: now };
  }

  return {
    runIfDue: async () => {
      const s = await settings.get();
      if (!s.backupEnabled) return null;
      if (s.lastBackupAt !== null && clock.now() - s.lastBackupAt < DAY) return null;
      return create();
    },
    handlers: {
      'backups.list': () => list(),
      'backups.create': () => create(),
      'backups.restore': ({ path: p }) => restore(p),
    },
  };
}
