import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, type Generated } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppSqliteDialect, withStatementCache } from '../../../db/sqlite-dialect.ts';
import { fillDisk } from '../../helpers/fill-disk.ts';
import { smallDisk, type Mount } from '../../helpers/mounts.ts';
import { tempDir } from '../../helpers/temp-core.ts';

interface Schema {
  notes: { id: Generated<number>; body: string };
}

function openNotes(file: string): { sqlite: BetterSqlite3.Database; db: Kysely<Schema> } {
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.exec('CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL UNIQUE)');
  return { sqlite, db: new Kysely<Schema>({ dialect: new AppSqliteDialect({ database: sqlite }) }) };
}

async function failureOf(work: Promise<unknown>): Promise<Error & { code?: string }> {
  try {
    await work;
  } catch (err) {
    return err as Error & { code?: string };
  }
  throw new Error('expected the transaction to fail');
}

describe('transactions of the app dialect', () => {
  // A real full disk: a 1 MiB tmpfs, filled to the last byte. Mounting needs root, which CI
  // has; without it the test fails rather than passing without proof.
  let disk: Mount;
  const handles: Kysely<Schema>[] = [];
  beforeAll(() => {
    disk = smallDisk('1m');
  });
  afterAll(async () => {
    // Closed first, or a failed test would keep the tmpfs busy.
    for (const db of handles) await db.destroy();
    disk.unmount();
  });

  it('fail with SQLite’s own error when SQLite has already rolled back (a full disk), not with ROLLBACK’s', async () => {
    const { sqlite, db } = openNotes(path.join(disk.path, 'full.sqlite'));
    handles.push(db);
    await db.insertInto('notes').values({ body: 'before' }).execute();
    const filler = fillDisk(disk.path);
    // Each transaction writes more than the last, so one soon needs room the disk does not have
    // (the WAL may still have some from earlier writes).
    let error: (Error & { code?: string }) | undefined;
    let failedRound = 0;
    for (let i = 1; i <= 64 && !error; i++) {
      failedRound = i;
      try {
        await db.transaction().execute(async (trx) => {
          for (let j = 0; j < i; j++) await trx.insertInto('notes').values({ body: `${i}-${j}-${'x'.repeat(8000)}` }).execute();
        });
      } catch (err) {
        error = err as Error & { code?: string };
      }
    }
    // Kysely's own SQLite driver answered "cannot rollback - no transaction is active" here.
    expect(error?.message).not.toMatch(/cannot rollback/);
    expect(error?.code).toMatch(/^SQLITE_(FULL|IOERR)/);
    expect(sqlite.inTransaction).toBe(false);

    filler.free();
    await db.transaction().execute((trx) => trx.insertInto('notes').values({ body: 'after' }).execute());
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    // The failed transaction left nothing behind; each one before it that fitted is complete.
    const bodies = (await db.selectFrom('notes').select('body').orderBy('id').execute()).map((r) => r.body);
    const rounds = bodies.slice(1, -1).map((b) => Number(b.split('-')[0]));
    expect(bodies[0]).toBe('before');
    expect(bodies.at(-1)).toBe('after');
    expect(rounds).toEqual(Array.from({ length: failedRound - 1 }, (_, r) => Array<number>(r + 1).fill(r + 1)).flat());
  });

  it('still roll back a transaction SQLite left open, so nothing of it is kept', async () => {
    const { sqlite, db } = openNotes(path.join(tempDir(), 'open.sqlite'));
    handles.push(db);
    const error = await failureOf(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('notes').values({ body: 'first' }).execute();
        // A broken constraint undoes only its own statement; the transaction stays open.
        await trx.insertInto('notes').values({ body: 'first' }).execute();
      }),
    );
    expect(error.code).toBe('SQLITE_CONSTRAINT_UNIQUE');
    expect(sqlite.inTransaction).toBe(false);
    expect(await db.selectFrom('notes').selectAll().execute()).toEqual([]);
  });
});

describe('the statement cache', () => {
  it('prepares each SQL text once and keeps only the most recently used texts', () => {
    const sqlite = new BetterSqlite3(':memory:');
    let prepares = 0;
    const prepare = sqlite.prepare.bind(sqlite);
    sqlite.prepare = ((source: string) => {
      prepares++;
      return prepare(source);
    }) as typeof sqlite.prepare;
    const cached = withStatementCache(sqlite, 2);
    const a = cached.prepare('SELECT 1');
    expect(cached.prepare('SELECT 1')).toBe(a);
    cached.prepare('SELECT 2');
    // 'SELECT 1' was used more recently than 'SELECT 2' once it is asked for again.
    cached.prepare('SELECT 1');
    cached.prepare('SELECT 3');
    expect(prepares).toBe(3);
    expect(cached.prepare('SELECT 1')).toBe(a);
    cached.prepare('SELECT 2');
    expect(prepares).toBe(4);
    cached.close();
  });
});
