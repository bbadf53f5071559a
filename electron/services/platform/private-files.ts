import fs from 'node:fs';

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
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_FOLDER });
  if (posix) fs.chmodSync(dir, PRIVATE_FOLDER);
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
