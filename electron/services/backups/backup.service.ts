import fs from 'node:fs';
import path from 'node:path';
import { verifyBackupFile } from '../../../db/backup-file.ts';
import type { BackupEntry } from '../../../shared/contract/app.contract.ts';
import { fail } from '../../../shared/contract/result.ts';
import type { Handlers } from '../core/dispatcher.ts';
import type { ServiceDeps } from '../core/service-deps.ts';
import { BACKUP_KEEP, type SettingsService } from '../settings/settings.service.ts';

const DAY = 86_400_000;
const BACKUP_NAME = /^tradefolio-(\d{8}-\d{6})(-\d+)?\.sqlite$/;

export interface BackupServiceDeps extends ServiceDeps {
  settings: SettingsService;
  databaseFile: string;
  /**
   * Closes the live database, runs `swap`, and opens the file then in place; if that file cannot
   * be opened, runs `undo` and reopens the original.
   */
  replaceDatabase(swap: () => void, undo: () => void): Promise<void>;
}

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/** Backups with SQLite's online backup API (consistent while the app keeps writing), rotated, and verified restore. */
export function createBackupService(deps: BackupServiceDeps): {
  handlers: Pick<Handlers, 'backups.list' | 'backups.create' | 'backups.restore'>;
  runIfDue(): Promise<BackupEntry | null>;
} {
  const { sqlite, clock, emit, settings, log } = deps;

  async function list(): Promise<BackupEntry[]> {
    const { backupFolder } = await settings.get();
    if (!fs.existsSync(backupFolder)) return [];
    return fs
      .readdirSync(backupFolder)
      .filter((f) => BACKUP_NAME.test(f))
      .map((file) => {
        const full = path.join(backupFolder, file);
        const st = fs.statSync(full);
        return { file, path: full, size: st.size, createdAt: Math.round(st.mtimeMs) };
      })
      .sort((a, b) => b.file.localeCompare(a.file));
  }

  async function create(): Promise<BackupEntry> {
    const { backupFolder } = await settings.get();
    try {
      fs.mkdirSync(backupFolder, { recursive: true });
    } catch (err) {
      fail('validation', 'errors.backupFolderUnusable', { folder: backupFolder, reason: err instanceof Error ? err.message : String(err) });
    }
    const now = clock.now();
    let file = `tradefolio-${stamp(now)}.sqlite`;
    for (let n = 2; fs.existsSync(path.join(backupFolder, file)); n++) file = `tradefolio-${stamp(now)}-${n}.sqlite`;
    const target = path.join(backupFolder, file);
    const partial = `${target}.partial`;
    try {
      await sqlite.backup(partial, {
        progress: ({ totalPages, remainingPages }) => {
          emit('backup.progress', { done: totalPages - remainingPages, total: totalPages });
          return 200;
        },
      });
      // Renamed only when complete, so a crash mid-backup never leaves a file that looks whole.
      fs.renameSync(partial, target);
    } catch (err) {
      fs.rmSync(partial, { force: true });
      fail('internal', 'errors.backupFailed', { folder: backupFolder, reason: err instanceof Error ? err.message : String(err) });
    }
    await settings.setLastBackupAt(now);
    const all = await list();
    for (const old of all.slice(BACKUP_KEEP)) fs.rmSync(old.path, { force: true });
    emit('data.changed', { entities: ['backups', 'settings'] });
    log.info('backup written', { file: target });
    return all.find((b) => b.file === file)!;
  }

  async function restore(backupPath: string): Promise<{ replacedPath: string; restoredAt: number }> {
    const source = path.resolve(backupPath);
    const name = path.basename(source);
    if (!fs.existsSync(source)) fail('backupInvalid', 'errors.backupMissing', { file: name });
    const check = verifyBackupFile(source);
    if (!check.ok) fail('backupInvalid', `errors.backup_${check.reason}`, { file: name, detail: check.detail });
    const now = clock.now();
    const dir = path.dirname(deps.databaseFile);
    const replacedPath = path.join(dir, `replaced-${stamp(now)}.sqlite`);
    const incoming = `${deps.databaseFile}.incoming`;
    fs.copyFileSync(source, incoming);
    await deps.replaceDatabase(
      () => {
        // Closing checkpointed the WAL into the main file, so moving the main file keeps everything.
        fs.renameSync(deps.databaseFile, replacedPath);
        for (const suffix of ['-wal', '-shm']) fs.rmSync(deps.databaseFile + suffix, { force: true });
        fs.renameSync(incoming, deps.databaseFile);
      },
      () => {
        fs.rmSync(deps.databaseFile, { force: true });
        for (const suffix of ['-wal', '-shm']) fs.rmSync(deps.databaseFile + suffix, { force: true });
        fs.renameSync(replacedPath, deps.databaseFile);
      },
    );
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
