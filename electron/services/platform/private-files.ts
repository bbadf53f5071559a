import fs from 'node:fs';
import path from 'node:path';

/**
 * The data folder holds a whole CRM: only its owner may read it. On Linux and macOS the folder
 * is 0700 and every database file, its -wal/-shm and every backup 0600. Windows has no mode
 * bits (chmod there only toggles read-only), and the profile folder is private already.
 */
const PRIVATE_FOLDER = 0o700;
const PRIVATE_FILE = 0o600;
const posix = process.platform !== 'win32';

/** Creates the folder if needed and makes it private; an existing folder is tightened too. */
export function ensurePrivateFolder(dir: string): void {
  makeFolderSync(dir);
  if (!posix) return;
  try {
    fs.chmodSync(dir, PRIVATE_FOLDER);
  } catch (err) {
    // A folder on a read-only disk, or owned by someone else, cannot be tightened; whether it
    // can be used at all is the caller's question.
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EROFS' && code !== 'EPERM') throw err;
  }
}

/**
 * mkdir -p, one level at a time: Node's `recursive: true` reports a read-only disk as ENOENT
 * and never returns for some paths (under /proc), so the real reason could not be told.
 */
function makeFolderSync(dir: string): void {
  try {
    fs.mkdirSync(dir, { mode: PRIVATE_FOLDER });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && fs.statSync(dir).isDirectory()) return;
    if (code !== 'ENOENT' || path.dirname(dir) === dir) throw err;
    makeFolderSync(path.dirname(dir));
    fs.mkdirSync(dir, { mode: PRIVATE_FOLDER });
  }
}

/** Makes existing files private; missing ones are skipped (a -wal may not exist yet). */
export function makePrivate(...files: string[]): void {
  if (!posix) return;
  for (const file of files) {
    try {
      fs.chmodSync(file, PRIVATE_FILE);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
}

/** Writes a small file that only the owner can read, durably (fsync), replacing any older one. */
export function writePrivateFile(file: string, text: string): void {
  const fd = fs.openSync(file, 'w', PRIVATE_FILE);
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  makePrivate(file);
}

/** Flushes a folder's entries (renames, creations) to disk, where the platform allows it. */
export function syncFolder(dir: string): void {
  if (!posix) return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
