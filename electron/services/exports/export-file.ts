import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../../../shared/contract/result.ts';
import { syncFolder } from '../platform/private-files.ts';
import { processAlive } from '../platform/process-alive.ts';

/**
 * Writing an export: under a temporary name beside the target, renamed to the target's name
 * only when complete, so a failure (full disk, the program closed) never leaves a half file
 * that looks like a finished export. A file system error becomes a message naming the file.
 */

function errnoOf(err: unknown): string | null {
  return err && typeof err === 'object' && 'code' in err && typeof err.code === 'string' && /^E[A-Z]+$/.test(err.code) ? err.code : null;
}

/** A file system error while writing `file`, in the user's terms; anything else as it is. */
export function exportFailure(err: unknown, file: string): unknown {
  if (err instanceof AppFailure) return err;
  const code = errnoOf(err);
  if (!code) return err;
  const details = err instanceof Error ? err.message : String(err);
  const failure = (c: AppFailure['error']['code'], message: string, params: Record<string, string>) => new AppFailure({ code: c, message, params, details });
  switch (code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return failure('readOnly', 'exports.errors.notWritable', { file });
    case 'ENOSPC':
    case 'EDQUOT':
      return failure('diskFull', 'exports.errors.diskFull', { file });
    case 'ENOENT':
    case 'ENOTDIR':
      return failure('validation', 'exports.errors.folderMissing', { file, folder: path.dirname(file) });
    case 'EISDIR':
      return failure('validation', 'exports.errors.isFolder', { file });
    case 'EEXIST':
      return failure('conflict', 'exports.errors.exists', { file });
    default:
      return failure('storageFailed', 'exports.errors.writeFailed', { file, reason: code });
  }
}

function tempNameFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${crypto.randomBytes(4).toString('hex')}.part`);
}

const TEMP_NAME = /^\..+\.(\d+)-[0-9a-f]{8}\.part$/;

/**
 * Removes what exports killed part-way (the app closed by force, a power cut) left in `dir`:
 * temporary files and folders named as tempNameFor names them, of processes that are gone.
 * Never a finished export: those have their own names.
 */
async function removeLeftovers(dir: string): Promise<void> {
  const names = await fs.promises.readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const pid = TEMP_NAME.exec(name)?.[1];
    if (pid !== undefined && Number(pid) !== process.pid && !processAlive(Number(pid))) await fs.promises.rm(path.join(dir, name), { recursive: true, force: true }).catch(() => {});
  }
}

const exists = (file: string) => Object.assign(new Error(`${file} exists`), { code: 'EEXIST' });

/**
 * Gives the finished temporary file `target`'s name. Without `overwrite` a hard link, which
 * fails with EEXIST when a file of that name appeared meanwhile (rename would replace it
 * silently); on a disk without hard links (FAT32, exFAT, some network shares) a check and a
 * rename, the best that is possible there.
 */
async function moveInPlace(temp: string, target: string, overwrite: boolean): Promise<void> {
  if (overwrite) return fs.promises.rename(temp, target);
  try {
    await fs.promises.link(temp, target);
  } catch (err) {
    if (errnoOf(err) === 'EEXIST' || fs.existsSync(target)) throw exists(target);
    return fs.promises.rename(temp, target);
  }
  await fs.promises.rm(temp, { force: true });
}

/**
 * Runs `write` on a temporary file beside `target`, then gives it `target`'s name: an existing
 * file of that name is replaced only with `overwrite`, else the export fails naming it. The
 * written file is flushed to disk by `write` (OutputFile.close, the .xlsx stream's `flush`) and
 * the folder after the rename, so a power cut right after "done" cannot lose the export. On
 * failure the temporary file is removed and the error names `target`.
 */
export async function writeFileAtomically<T>(target: string, write: (tempPath: string) => Promise<T>, overwrite = false): Promise<T> {
  const temp = tempNameFor(target);
  try {
    const found = fs.statSync(target, { throwIfNoEntry: false });
    if (found?.isDirectory()) throw Object.assign(new Error(`${target} is a folder`), { code: 'EISDIR' });
    // Checked first too, so a long export does not run only to be refused at the end.
    if (found && !overwrite) throw exists(target);
    await removeLeftovers(path.dirname(target));
    const value = await write(temp);
    await moveInPlace(temp, target, overwrite);
    syncFolder(path.dirname(target));
    return value;
  } catch (err) {
    await fs.promises.rm(temp, { force: true }).catch(() => {});
    throw exportFailure(err instanceof FileError ? err.cause : err, target);
  }
}

/**
 * A new folder `name` inside `parent` ("name (2)" when taken), filled by `fill` under a
 * temporary name and renamed at the end; removed whole on failure.
 */
export async function writeFolderAtomically<T>(parent: string, name: string, fill: (tempDir: string, finalDir: string) => Promise<T>): Promise<{ dir: string; value: T }> {
  let dir = path.join(parent, name);
  for (let n = 2; fs.existsSync(dir); n++) dir = path.join(parent, `${name} (${n})`);
  const temp = tempNameFor(dir);
  let current = dir;
  try {
    if (!fs.statSync(parent).isDirectory()) throw Object.assign(new Error(`${parent} is not a folder`), { code: 'ENOTDIR' });
    await removeLeftovers(parent);
    current = temp;
    await fs.promises.mkdir(temp);
    const value = await fill(temp, dir);
    current = dir;
    await fs.promises.rename(temp, dir);
    syncFolder(parent);
    return { dir, value };
  } catch (err) {
    await fs.promises.rm(temp, { recursive: true, force: true }).catch(() => {});
    // A file inside the folder is named as it would have been in the finished folder.
    const file = err instanceof FileError ? path.join(dir, path.relative(temp, err.file)) : current === temp ? dir : current;
    throw exportFailure(err instanceof FileError ? err.cause : err, file);
  }
}

/** An error while writing one file of a folder export, with the file's (temporary) path. */
export class FileError extends Error {
  readonly file: string;
  override readonly cause: unknown;
  constructor(file: string, cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.file = file;
    this.cause = cause;
  }
}

/** Sequential writes to a file with a kept position (FileHandle.write), failing with the file named. */
export class OutputFile {
  private readonly handle: fs.promises.FileHandle;
  readonly path: string;
  bytes = 0;

  private constructor(handle: fs.promises.FileHandle, file: string) {
    this.handle = handle;
    this.path = file;
  }

  static async open(file: string): Promise<OutputFile> {
    try {
      return new OutputFile(await fs.promises.open(file, 'wx', 0o644), file);
    } catch (err) {
      throw new FileError(file, err);
    }
  }

  async write(chunks: readonly Buffer[]): Promise<void> {
    if (chunks.length === 0) return;
    const buffer = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
    try {
      // A write may take only part of the buffer (a disk that just filled up): go on until all is taken or it fails.
      for (let at = 0; at < buffer.length; ) at += (await this.handle.write(buffer, at, buffer.length - at)).bytesWritten;
    } catch (err) {
      throw new FileError(this.path, err);
    }
    this.bytes += buffer.length;
  }

  /** Flushes the file to disk (fsync) and closes it: it is about to be renamed as finished. */
  async close(): Promise<void> {
    try {
      await this.handle.sync();
      await this.handle.close();
    } catch (err) {
      throw new FileError(this.path, err);
    }
  }

  /** Closes after a failure; the caller's error is the one that matters. */
  async abandon(): Promise<void> {
    await this.handle.close().catch(() => {});
  }
}

/**
 * Lets the event loop run between pages: the database calls are synchronous underneath, so
 * without this a page loop never gives way — zlib and file-write callbacks (the .xlsx's zip
 * stream) wait until the end, holding every row in memory, and other calls wait for the export.
 */
export function giveWay(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A document made in memory (a quote PDF, a report sheet) written as writeFileAtomically writes any export. */
export function writeBytesAtomically(target: string, bytes: Buffer, overwrite = false): Promise<void> {
  return writeFileAtomically(
    target,
    async (temp) => {
      const file = await OutputFile.open(temp);
      try {
        await file.write([bytes]);
        await file.close();
      } catch (err) {
        await file.abandon();
        throw err;
      }
    },
    overwrite,
  );
}
