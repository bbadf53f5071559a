import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../db/migrations/migrations.index.ts';
import { openDatabase } from '../../../db/open-database.ts';
import { AppFailure } from '../../../shared/contract/result.ts';
import { tempDir } from '../../helpers/temp-core.ts';

/**
 * openDatabase skips Kysely's Migrator when the file holds exactly the known migrations (a CLI
 * run opens the database every time; cli-startup.test.ts checks the Migrator is then not even
 * loaded). Anything else must still reach the Migrator, which migrates or refuses (files of
 * older versions being migrated: test/integration/db/migration-*.test.ts).
 */
describe('openDatabase on a file it migrated before', () => {
  async function migratedFile(): Promise<string> {
    const file = path.join(tempDir(), 'tradefolio.sqlite');
    await (await openDatabase(file)).close();
    return file;
  }

  it('opens a current file as it is', async () => {
    const file = await migratedFile();
    const opened = await openDatabase(file);
    expect(opened.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    const applied = opened.sqlite.prepare('SELECT count(*) AS n FROM kysely_migration').get() as { n: number };
    expect(applied.n).toBe(Object.keys(MIGRATIONS).length);
    await opened.close();
  });

  it('still refuses a file whose newest migration is there but an earlier one is not', async () => {
    const file = await migratedFile();
    const raw = new BetterSqlite3(file);
    raw.prepare('DELETE FROM kysely_migration WHERE name = ?').run(Object.keys(MIGRATIONS).sort()[1]);
    raw.close();
    const error = await openDatabase(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppFailure);
    expect((error as AppFailure).error).toMatchObject({ code: 'migrationFailed', message: 'errors.migrationFailed', params: { file } });
  });
});
