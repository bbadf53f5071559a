import BetterSqlite3 from 'better-sqlite3';
import { Kysely } from 'kysely';
import { AppFailure } from '../shared/contract/result.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/migrations.index.ts';
import { AppSqliteDialect } from './sqlite-dialect.ts';
import type { Db } from './database.ts';
import type { Database } from './tables/tables.ts';

export interface OpenedDatabase {
  db: Db;
  /** The raw handle, for what Kysely does not cover: online backup, pragmas, FTS maintenance. */
  sqlite: BetterSqlite3.Database;
  file: string;
  schemaVersion: string;
  close(): Promise<void>;
}

export function applyPragmas(sqlite: BetterSqlite3.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // NORMAL is durable across application crashes in WAL mode; a power cut may lose the last
  // transaction but never corrupts the file.
  sqlite.pragma('synchronous = NORMAL');
  // 64 MiB of page cache (the default is 2 MiB): at 100k customers the list and search queries
  // went from ~20 ms to ~3 ms once the customer table stayed in memory (test/bench/RESULTS.md).
  sqlite.pragma('cache_size = -65536');
  // Checkpoint the WAL every ~16 MiB rather than every ~4 MiB (1,000 pages): a mail sync or an
  // import writes in batches of a few MB, and each checkpoint rewrites pages the next batch
  // touches again. Writing 10,000 messages in batches of 200 wrote 447 MiB instead of 507 MiB
  // (2026-12-02, /proc/self/io write_bytes; test/bench/RESULTS.md › Mail store).
  sqlite.pragma('wal_autocheckpoint = 4096');
}

export function createKysely(sqlite: BetterSqlite3.Database): Db {
  return new Kysely<Database>({ dialect: new AppSqliteDialect({ database: sqlite }) });
}

/** Opens (creating if needed) and migrates the database file. Throws AppFailure('migrationFailed'). */
export async function openDatabase(file: string, options: { readonly?: boolean } = {}): Promise<OpenedDatabase> {
  const sqlite = new BetterSqlite3(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  if (!options.readonly) applyPragmas(sqlite);
  const db = createKysely(sqlite);
  const found = readSchemaVersion(sqlite);
  if (found !== null && !Object.hasOwn(MIGRATIONS, found) && found > LATEST_SCHEMA_VERSION) {
    // Kysely's Migrator would call this "corrupted migrations"; the truth is more useful.
    await db.destroy();
    throw new AppFailure({ code: 'migrationFailed', message: 'dataFolder.databaseNewerSchema', params: { file, version: found } });
  }
  if (!options.readonly && !holdsExactlyTheMigrations(sqlite)) {
    const { Migrator } = await import('kysely/migration');
    const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
    const { error, results } = await migrator.migrateToLatest();
    if (error) {
      const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
      await db.destroy();
      throw new AppFailure({
        code: 'migrationFailed',
        message: 'errors.migrationFailed',
        params: { migration: failed, file, reason: error instanceof Error ? error.message : String(error) },
      });
    }
  }
  return {
    db,
    sqlite,
    file,
    schemaVersion: readSchemaVersion(sqlite) ?? LATEST_SCHEMA_VERSION,
    close: () => db.destroy(),
  };
}

/**
 * Whether the file holds every known migration and no other, so Kysely's Migrator would have
 * nothing to do. It is then neither loaded nor run: it would still take its lock (a write
 * transaction) and cost 3-14 ms of CPU at each start, the first run in a process the most
 * (measured 2026-12-02 on the 2-core build machine; the check itself ~0.1 ms). Anything else — a
 * version behind, a gap, an unknown name — goes to the Migrator, which migrates or refuses.
 */
function holdsExactlyTheMigrations(sqlite: BetterSqlite3.Database): boolean {
  if (readSchemaVersion(sqlite) !== LATEST_SCHEMA_VERSION) return false;
  const applied = (sqlite.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[]).map((row) => row.name);
  const known = Object.keys(MIGRATIONS).sort();
  return applied.length === known.length && applied.every((name, i) => name === known[i]);
}

/** The newest applied migration name, or null for a file that is not a TradeFolio database. */
export function readSchemaVersion(sqlite: BetterSqlite3.Database): string | null {
  const table = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'")
    .get();
  if (!table) return null;
  const row = sqlite.prepare('SELECT max(name) AS name FROM kysely_migration').get() as { name: string | null };
  return row.name;
}

