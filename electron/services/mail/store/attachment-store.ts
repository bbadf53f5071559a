import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface StoredBlob {
  sha256: string;
  size: number;
  /** False when identical content was already on disk. */
  written: boolean;
}

/**
 * Files named by the SHA-256 of their content (`<dir>/<first two hex>/<sha256>`), written once:
 * the same attachment in a hundred mails, or fetched again after a resync, is one file.
 * Writes go to a temp file and are renamed into place, so a crash never leaves a half file
 * under a hash name; a file shortened by a power cut is noticed by its size and rewritten.
 * Files no row refers to any more are left for a later sweep.
 */
export interface AttachmentStore {
  readonly dir: string;
  put(content: Buffer): StoredBlob;
  has(sha256: string): boolean;
  pathOf(sha256: string): string;
  read(sha256: string): Buffer;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function sha256Of(content: Buffer): string {
  return crypto.createHash('sha256').update(content).digest('hex');
}

export function createAttachmentStore(dir: string): AttachmentStore {
  const pathOf = (sha256: string) => {
    // The hash becomes a path: never let anything but a hash through.
    if (!SHA256_HEX.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return path.join(dir, sha256.slice(0, 2), sha256);
  };
  return {
    dir,
    pathOf,
    has: (sha256) => fs.existsSync(pathOf(sha256)),
    read: (sha256) => fs.readFileSync(pathOf(sha256)),
    put(content) {
      const sha256 = sha256Of(content);
      const file = pathOf(sha256);
      // A file cut short by a power loss (no fsync, for speed) has the wrong size: write it again.
      if (fs.statSync(file, { throwIfNoEntry: false })?.size === content.length) return { sha256, size: content.length, written: false };
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
      fs.writeFileSync(tmp, content, { mode: 0o600 });
      fs.renameSync(tmp, file);
      return { sha256, size: content.length, written: true };
    },
  };
}
