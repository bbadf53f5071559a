import type BetterSqlite3 from 'better-sqlite3';

/**
 * The statements of raw-message-store.ts, on the raw-message pack (`<dataDir>/mail-raw.sqlite`),
 * a SQLite file of its own beside the database: prepared once per handle and reused.
 */

export function createRawPackSchema(pack: BetterSqlite3.Database): void {
  // Big pages: a message is 1–100 KB, stored in fewer overflow pages (measured below in raw-message-store.ts).
  if (pack.prepare("SELECT 1 FROM sqlite_master WHERE name = 'raw_messages'").get() === undefined) {
    pack.pragma('page_size = 16384');
    pack.pragma('journal_mode = WAL');
    pack.exec('CREATE TABLE IF NOT EXISTS raw_messages (sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, content BLOB NOT NULL)');
  }
}

export interface RawPackStatements {
  /** Inserts unless present; true when it was written. */
  insert(sha256: string, content: Buffer): boolean;
  has(sha256: string): boolean;
  read(sha256: string): Buffer | undefined;
  /** The first `bytes` bytes (substr of a blob reads only the pages it needs). */
  head(sha256: string, bytes: number): Buffer | undefined;
}

export function rawPackStatements(pack: BetterSqlite3.Database): RawPackStatements {
  const insert = pack.prepare<[string, number, Buffer]>('INSERT OR IGNORE INTO raw_messages (sha256, size, content) VALUES (?, ?, ?)');
  const has = pack.prepare<[string]>('SELECT 1 FROM raw_messages WHERE sha256 = ?').pluck();
  const read = pack.prepare<[string], Buffer>('SELECT content FROM raw_messages WHERE sha256 = ?').pluck();
  const head = pack.prepare<[number, string], Buffer>('SELECT substr(content, 1, ?) FROM raw_messages WHERE sha256 = ?').pluck();
  return {
    insert: (sha256, content) => insert.run(sha256, content.length, content).changes > 0,
    has: (sha256) => has.get(sha256) !== undefined,
    read: (sha256) => read.get(sha256),
    head: (sha256, bytes) => head.get(bytes, sha256),
  };
}
