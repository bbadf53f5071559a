import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { createAttachmentStore, sha256Of, type StoredBlob } from './attachment-store.ts';
import { createRawPackSchema, rawPackStatements, type RawPackStatements } from './raw-messages.queries.ts';

/**
 * The original source of every stored message, by SHA-256, in one SQLite file beside the
 * database (`<dataDir>/mail-raw.sqlite`) rather than one file per message.
 *
 * Why: a file per message cost a create, a write, a rename and a stat — ~0.25–0.5 ms each on our
 * build machine, 22–25 % of an initial sync (issue 12), and an archive import of 100,000
 * messages would make 100,000 files. The same 10,000 messages (74 MiB) went into this pack in
 * 0.55–0.9 s against 2.5 s as files (2026-12-02, test/bench/RESULTS.md › Mail store). SQLite
 * is already ours, crash-safe and portable; a hand-made pack format would need its own
 * recovery and compaction.
 *
 * Kept out of the database itself so backups (a copy of the database) stay small and fast, as
 * before, when raw files were never part of them. Writes commit before the rows that name
 * them, so a crash leaves at most unreferenced blobs. Messages stored before the pack existed
 * stay in `<dataDir>/mail-raw/<xx>/<sha256>` and are read from there.
 */
export interface RawMessageStore {
  put(content: Buffer): StoredBlob;
  /** Several in one transaction: what a sync batch or an import batch does. */
  putMany(contents: readonly Buffer[]): StoredBlob[];
  has(sha256: string): boolean;
  read(sha256: string): Buffer;
  /** The first `bytes` bytes (a message's headers), or null when the message is not stored. */
  readHead(sha256: string, bytes: number): Buffer | null;
  close(): void;
}

export const RAW_PACK_FILE = 'mail-raw.sqlite';
/** The folder of the per-message files written before the pack. */
export const LEGACY_RAW_DIR = 'mail-raw';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Opens the pack on first use, not at start: a data folder that is never written to (a
 * read-only copy, a host that only reads) gets no new file.
 */
export function openRawMessageStore(dataDir: string): RawMessageStore {
  let opened: { pack: BetterSqlite3.Database; q: RawPackStatements; putMany: (contents: readonly Buffer[]) => StoredBlob[] } | null = null;
  const pack = () => {
    if (opened) return opened;
    const handle = new BetterSqlite3(path.join(dataDir, RAW_PACK_FILE));
    handle.pragma('journal_mode = WAL');
    // As the database (open-database.ts): durable across application crashes.
    handle.pragma('synchronous = NORMAL');
    handle.pragma('busy_timeout = 5000');
    // Checkpoint every ~64 MiB rather than every ~16 MiB: a bulk import writes hundreds of MB.
    handle.pragma('wal_autocheckpoint = 4096');
    createRawPackSchema(handle);
    const q = rawPackStatements(handle);
    const putOne = (content: Buffer): StoredBlob => {
      const sha256 = sha256Of(content);
      return { sha256, size: content.length, written: q.insert(sha256, content) };
    };
    opened = { pack: handle, q, putMany: handle.transaction((contents: readonly Buffer[]) => contents.map(putOne)) };
    return opened;
  };
  const legacy = createAttachmentStore(path.join(dataDir, LEGACY_RAW_DIR));
  const checked = (sha256: string) => {
    if (!SHA256_HEX.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return sha256;
  };

  return {
    put: (content) => pack().putMany([content])[0]!,
    putMany: (contents) => (contents.length === 0 ? [] : pack().putMany(contents)),
    has: (sha256) => pack().q.has(checked(sha256)) || legacy.has(sha256),
    read(sha256) {
      return pack().q.read(checked(sha256)) ?? legacy.read(sha256);
    },
    readHead(sha256, bytes) {
      const blob = pack().q.head(checked(sha256), bytes);
      if (blob !== undefined) return blob;
      if (!legacy.has(sha256)) return null;
      const fd = fs.openSync(legacy.pathOf(sha256), 'r');
      try {
        const buffer = Buffer.alloc(bytes);
        return buffer.subarray(0, fs.readSync(fd, buffer, 0, bytes, 0));
      } finally {
        fs.closeSync(fd);
      }
    },
    close() {
      opened?.pack.close();
      opened = null;
    },
  };
}
