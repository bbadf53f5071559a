import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open-database.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../db/migrations/migrations.index.ts';
import { AppFailure } from '../../../shared/contract/result.ts';
import { tempDir } from '../../helpers/temp-core.ts';

describe('openDatabase', () => {
  it('migrates a new file with WAL and foreign keys on, and is idempotent', async () => {
    const file = path.join(tempDir(), 'new.sqlite');
    const first = await openDatabase(file);
    expect(first.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(first.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(first.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(first.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    await first.close();
    const again = await openDatabase(file);
    const applied = again.sqlite.prepare('SELECT count(*) AS n FROM kysely_migration').get() as { n: number };
    expect(applied.n).toBe(Object.keys(MIGRATIONS).length);
    await again.close();
  });

  it('fails with a clear error and leaves no half-applied migration behind', async () => {
    const file = path.join(tempDir(), 'clash.sqlite');
    const pre = new BetterSqlite3(file);
    // A table that the first migration wants to create, half-way through its statements.
    pre.exec('CREATE TABLE tags (id TEXT)');
    pre.close();
    const error = await openDatabase(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppFailure);
    expect((error as AppFailure).error).toMatchObject({ code: 'migrationFailed', message: 'errors.migrationFailed', params: { migration: '0001-initial', file } });
    const after = new BetterSqlite3(file, { readonly: true });
    const tables = (after.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>).map((t) => t.name);
    const applied = after.prepare('SELECT count(*) AS n FROM kysely_migration').get() as { n: number };
    after.close();
    expect(tables).not.toContain('owners');
    expect(tables).not.toContain('customers');
    expect(applied.n).toBe(0);
  });
});
