import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Migrator } from 'kysely/migration';
import { MIGRATIONS } from '../../db/migrations/migrations.index.ts';
import { applyPragmas, createKysely } from '../../db/open-database.ts';
import type { Db } from '../../db/database.ts';
import { tempDir } from './temp-core.ts';

/**
 * A database file as an older TradeFolio left it: migrated up to `version` and no further, so a
 * migration test can fill it with that version's rows and then open it with today's code.
 */
export async function databaseAt(version: string, prefix: string): Promise<{ dir: string; file: string; sqlite: BetterSqlite3.Database; old: Db }> {
  const dir = tempDir(prefix);
  const file = path.join(dir, 'old.sqlite');
  const sqlite = new BetterSqlite3(file);
  applyPragmas(sqlite);
  const old = createKysely(sqlite);
  const { error } = await new Migrator({ db: old, provider: { getMigrations: async () => MIGRATIONS } }).migrateTo(version);
  if (error) throw error;
  return { dir, file, sqlite, old };
}
