import fs from 'node:fs/promises';
import path from 'node:path';
import { fail } from '../../../shared/contract/result.ts';

/** A folder step (create, probe, list) that takes longer than this is a failing disk, not a slow one. */
export const FOLDER_STEP_LIMIT_MS = 15_000;

/**
 * Runs one step of a backup or restore against a time limit, so a disk that stops answering
 * gives an error rather than an app that waits forever. The step's own promise is left to
 * settle (Node cannot cancel a file-system call); its result is then ignored.
 */
export async function withTimeLimit<T>(step: string, ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StepTimeout(step, ms)), ms);
  });
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}

export class StepTimeout extends Error {
  readonly step: string;
  constructor(step: string, ms: number) {
    super(`${step} did not finish within ${Math.round(ms / 1000)} s`);
    this.step = step;
  }
}

/**
 * Creates a folder and its missing parents one level at a time. Node's `mkdir({ recursive:
 * true })` never returns for some paths (e.g. under /proc, where mkdir answers ENOENT with the
 * parent present: Node retries forever at 100 % CPU), which used to hang the whole host.
 */
export async function makeFolder(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let at = dir; ; at = path.dirname(at)) {
    try {
      const st = await fs.stat(at);
      if (!st.isDirectory()) throw Object.assign(new Error(`${at} is a file, not a folder`), { code: 'ENOTDIR' });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || path.dirname(at) === at) throw err;
      missing.unshift(at);
    }
  }
  for (const level of missing) {
    try {
      await fs.mkdir(level, { mode: 0o700 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
}

/** Whether `inner` is `outer` or lies inside it (case-insensitively on Windows and macOS). */
function isInside(inner: string, outer: string): boolean {
  const fold = (p: string) => (process.platform === 'linux' ? p : p.toLowerCase());
  const rel = path.relative(fold(outer), fold(inner));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Checks a backup folder the user chose and creates it: it must be absolute (a relative path
 * used to land in the program's own folder), outside the app's install folder (an update
 * replaces that folder, backups with it), and writable — proved by writing and removing a
 * probe file. Fails with `dataFolder.backupFolder_<reason>` naming the folder.
 */
export async function prepareBackupFolder(folder: string, installDir: string | null): Promise<string> {
  const unusable = (reason: string, detail = ''): never => fail('validation', `dataFolder.backupFolder_${reason}`, { folder, detail });
  if (!path.isAbsolute(folder)) unusable('relative');
  const resolved = path.resolve(folder);
  if (installDir && isInside(resolved, path.resolve(installDir))) unusable('insideApp');
  try {
    await withTimeLimit('create folder', FOLDER_STEP_LIMIT_MS, makeFolder(resolved));
    const probe = path.join(resolved, `.tradefolio-probe-${process.pid}-${Date.now()}`);
    await withTimeLimit('write probe', FOLDER_STEP_LIMIT_MS, fs.writeFile(probe, 'probe', { mode: 0o600 }));
    await withTimeLimit('remove probe', FOLDER_STEP_LIMIT_MS, fs.rm(probe, { force: true }));
  } catch (err) {
    if (err instanceof StepTimeout) unusable('timeout');
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (code === 'EACCES' || code === 'EPERM') unusable('denied');
    if (code === 'EROFS') unusable('readOnly');
    if (code === 'ENOSPC') unusable('full');
    if (code === 'ENOTDIR') unusable('notFolder');
    unusable('cannotCreate', code || (err instanceof Error ? err.message : String(err)));
  }
  return resolved;
}
