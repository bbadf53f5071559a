import type BetterSqlite3 from 'better-sqlite3';
import { SqliteAdapter, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDatabase, type SqliteStatement } from 'kysely';
import type { Kysely } from 'kysely';

/**
 * SQLite does support transactional DDL, but Kysely's SQLite adapter says it does not, so its
 * Migrator would run migrations without a transaction. With this adapter all pending migrations
 * run in one transaction: a failing migration leaves the file exactly as it was.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
  // The single better-sqlite3 connection is already serialised by Kysely's driver mutex.
  override async acquireMigrationLock(_db: Kysely<unknown>): Promise<void> {}
  override async releaseMigrationLock(_db: Kysely<unknown>): Promise<void> {}
}

/**
 * Kysely's SQLite driver, except that it does not ROLLBACK a transaction SQLite has already
 * ended.
 *
 * On SQLITE_FULL, SQLITE_IOERR, SQLITE_NOMEM (and sometimes SQLITE_BUSY) SQLite may roll the
 * whole transaction back by itself (https://www.sqlite.org/lang_transaction.html, "Response To
 * Errors Within A Transaction"). `Kysely.transaction().execute()` then runs ROLLBACK from its
 * `catch` (node_modules/kysely/dist/kysely.js, TransactionBuilder.execute), that ROLLBACK fails
 * with "cannot rollback - no transaction is active", and its error replaces the one that
 * mattered: a full disk reached the user as a rollback error. better-sqlite3's own
 * `db.transaction()` guards its rollback with `inTransaction` for the same reason; so does this.
 */
class CauseKeepingSqliteDriver extends SqliteDriver {
  readonly #sqlite: BetterSqlite3.Database;

  constructor(sqlite: BetterSqlite3.Database) {
    super({ database: withStatementCache(sqlite) });
    this.#sqlite = sqlite;
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    // Nothing is left to undo, and the error being handled is the one to report.
    if (!this.#sqlite.inTransaction) return;
    await super.rollbackTransaction(connection);
  }
}

/** How many distinct statements stay prepared; the app's hot paths use a few hundred. */
export const STATEMENT_CACHE_SIZE = 1000;

/**
 * The handle Kysely's driver sees, preparing each distinct SQL text once. Kysely's SQLite
 * driver calls `prepare()` for every query it runs (node_modules/kysely/dist/dialect/sqlite/
 * sqlite-driver.js, SqliteConnection.executeQuery); the mail sync prepared ~70,000 statements
 * for 10,000 messages, ~7 per message, all the same few texts (issue 12). A prepared statement
 * is reusable as soon as `all()`/`run()` returns, and this driver never streams (`iterate()`),
 * so one statement per text is safe. Kept least-recently-used, so texts that differ by their
 * number of parameters (IN lists, multi-row VALUES) cannot grow it without bound.
 */
export function withStatementCache(sqlite: BetterSqlite3.Database, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string): SqliteStatement {
      let stmt = cache.get(sql);
      if (stmt !== undefined) {
        // Map keeps insertion order: moving a hit to the end makes the first key the least recently used.
        cache.delete(sql);
      } else {
        stmt = sqlite.prepare(sql);
        if (cache.size >= size) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, stmt);
      return stmt;
    },
  };
}

/**
 * The dialect of every TradeFolio database handle: transactional migrations, and transaction
 * failures that keep SQLite's own error (its `code`, e.g. SQLITE_FULL) for the dispatcher to
 * explain (electron/services/core/storage-errors.ts).
 */
export class AppSqliteDialect extends SqliteDialect {
  readonly #sqlite: BetterSqlite3.Database;

  constructor(config: { database: BetterSqlite3.Database }) {
    super(config);
    this.#sqlite = config.database;
  }

  override createDriver(): Driver {
    return new CauseKeepingSqliteDriver(this.#sqlite);
  }

  override createAdapter(): SqliteAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}
