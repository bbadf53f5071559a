import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { writePrivateFile } from './private-files.ts';

/** Which program holds a data folder, as shown to the user ("the web host, process 4242"). */
export interface LockHolder {
  kind: 'electron' | 'web' | 'cli';
  pid: number;
  since: number;
}

export interface DataFolderLock {
  readonly holder: LockHolder;
  release(): void;
}

export type LockAttempt = { ok: true; lock: DataFolderLock } | { ok: false; holder: LockHolder | null };

const LOCK_FILE = 'tradefolio.lock';
const HOLDER_FILE = 'tradefolio.lock.json';

/**
 * Takes the data folder's lock without waiting, or says who holds it.
 *
 * The lock is an OS file lock (fcntl on Linux and macOS, LockFileEx on Windows), taken through
 * SQLite on a small file of its own: SQLite's `locking_mode=EXCLUSIVE` keeps the lock after the
 * first write until the connection closes, and the OS drops it when the process dies, even by
 * SIGKILL, so a crash never leaves a stale lock. Node has no file-lock API, and the lockfile
 * packages on npm use mkdir or pid files, which a crash leaves behind; better-sqlite3 is already
 * here. Holders are named in a side file written after the lock is taken: the locked file
 * cannot be read by anyone else, which is the point.
 */
export function tryLockDataFolder(dataDir: string, me: Omit<LockHolder, 'since'>, now: number): LockAttempt {
  const file = path.join(dataDir, LOCK_FILE);
  let handle: BetterSqlite3.Database | null = null;
  try {
    handle = new BetterSqlite3(file);
    fs.chmodSync(file, 0o600);
    handle.pragma('busy_timeout = 0');
    handle.pragma('journal_mode = DELETE');
    handle.pragma('locking_mode = EXCLUSIVE');
    const holder: LockHolder = { ...me, since: now };
    handle.exec('CREATE TABLE IF NOT EXISTS holder (kind TEXT NOT NULL, pid INTEGER NOT NULL, since INTEGER NOT NULL)');
    handle.transaction(() => {
      handle!.exec('DELETE FROM holder');
      handle!.prepare('INSERT INTO holder (kind, pid, since) VALUES (?, ?, ?)').run(holder.kind, holder.pid, holder.since);
    })();
    writePrivateFile(path.join(dataDir, HOLDER_FILE), JSON.stringify(holder));
    const held = handle;
    return {
      ok: true,
      lock: {
        holder,
        release: () => {
          if (!held.open) return;
          fs.rmSync(path.join(dataDir, HOLDER_FILE), { force: true });
          held.close();
        },
      },
    };
  } catch (err) {
    handle?.close();
    if (!isBusy(err)) throw err;
    return { ok: false, holder: readHolder(dataDir) };
  }
}

/** Who holds the folder, by the side file; null while it is being written or was removed. */
export function readHolder(dataDir: string): LockHolder | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(dataDir, HOLDER_FILE), 'utf8')) as Partial<LockHolder>;
    if ((parsed.kind === 'electron' || parsed.kind === 'web' || parsed.kind === 'cli') && Number.isInteger(parsed.pid) && typeof parsed.since === 'number') {
      return { kind: parsed.kind, pid: parsed.pid!, since: parsed.since };
    }
    return null;
  } catch {
    return null;
  }
}

function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}
