import fs from 'node:fs';
import path from 'node:path';
import { syncFolder, writePrivateFile } from '../platform/private-files.ts';

/**
 * A restore swaps two files with two renames; a crash between them used to leave no database
 * at all, and the next start silently created an empty one. So a restore first writes this
 * record (durably), and every start looks for it before anything opens the database:
 *
 *   step                           files present             next start
 *   copy verified, record written  live + incoming           roll back: drop incoming
 *   live moved aside               replaced + incoming       roll forward: incoming → live
 *   incoming moved in              live + replaced           done: drop the record
 *
 * Rolling forward once the live file is aside is safe because `incoming` was verified before
 * the record was written; the replaced database is always kept, so either way nothing is lost.
 */
export interface RestoreIntent {
  /** The live database file. */
  live: string;
  /** The verified copy of the backup, beside the live file. */
  incoming: string;
  /** Where the live database is moved (with its -wal and -shm). */
  replaced: string;
  source: string;
  startedAt: number;
}

export const RESTORE_INTENT_FILE = 'restore-intent.json';
export const SIDE_FILES = ['-wal', '-shm'] as const;

export function intentPath(dataDir: string): string {
  return path.join(dataDir, RESTORE_INTENT_FILE);
}

export function writeIntent(dataDir: string, intent: RestoreIntent): void {
  writePrivateFile(intentPath(dataDir), JSON.stringify(intent));
  syncFolder(dataDir);
}

export function clearIntent(dataDir: string): void {
  fs.rmSync(intentPath(dataDir), { force: true });
  syncFolder(dataDir);
}

/** Moves a database file and whichever of its -wal/-shm exist, so its committed pages go with it. */
export function moveDatabase(from: string, to: string): void {
  for (const suffix of SIDE_FILES) {
    if (fs.existsSync(from + suffix)) fs.renameSync(from + suffix, to + suffix);
  }
  fs.renameSync(from, to);
}

export type RecoveryOutcome = { action: 'none' } | { action: 'rolledBack' | 'rolledForward' | 'completed'; intent: RestoreIntent };

/**
 * Finishes or undoes a restore that a crash interrupted (see the table above). Runs at start,
 * in the process that holds the data folder's lock, before the database is opened.
 */
export function recoverInterruptedRestore(dataDir: string): RecoveryOutcome {
  const file = intentPath(dataDir);
  if (!fs.existsSync(file)) return { action: 'none' };
  let intent: RestoreIntent;
  try {
    intent = JSON.parse(fs.readFileSync(file, 'utf8')) as RestoreIntent;
  } catch {
    // A record torn by the crash was never complete, so the swap it announces never began.
    fs.rmSync(file, { force: true });
    return { action: 'none' };
  }
  const live = fs.existsSync(intent.live);
  const incoming = fs.existsSync(intent.incoming);
  const replaced = fs.existsSync(intent.replaced);
  let action: 'rolledBack' | 'rolledForward' | 'completed';
  if (live && incoming && !replaced) {
    fs.rmSync(intent.incoming, { force: true });
    action = 'rolledBack';
  } else if (!live && incoming) {
    // The live file's -wal/-shm went aside with it; any left here would belong to no file.
    for (const suffix of SIDE_FILES) fs.rmSync(intent.live + suffix, { force: true });
    fs.renameSync(intent.incoming, intent.live);
    action = 'rolledForward';
  } else if (!live && replaced) {
    moveDatabase(intent.replaced, intent.live);
    action = 'rolledBack';
  } else {
    if (incoming) fs.rmSync(intent.incoming, { force: true });
    action = 'completed';
  }
  syncFolder(dataDir);
  clearIntent(dataDir);
  return { action, intent };
}
