import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../../../db/database.ts';
import { AppSqliteDialect } from '../../../../../db/sqlite-dialect.ts';
import type { Database } from '../../../../../db/tables/tables.ts';
import { DATABASE_FILE_NAME } from '../../../../../electron/services/core/app-core.ts';
import { createDispatcher, type Handlers } from '../../../../../electron/services/core/dispatcher.ts';
import { createEventBus } from '../../../../../electron/services/core/events.ts';
import { silentLogger } from '../../../../../electron/services/core/logger.ts';
import { storageFailure } from '../../../../../electron/services/core/storage-errors.ts';
import { createCustomerService } from '../../../../../electron/services/customers/customer.service.ts';
import { translate } from '../../../../../electron/hosts/translate.ts';
import type { AppError } from '../../../../../shared/contract/result.ts';
import { fillDisk } from '../../../../helpers/fill-disk.ts';
import { smallDisk, type Mount } from '../../../../helpers/mounts.ts';
import { createTempCore, tempDir, type TempCore } from '../../../../helpers/temp-core.ts';

/** What the user reads, in both languages; SQLite's own words (its English messages) must never be part of it. */
function texts(error: AppError): { en: string; zh: string } {
  const en = translate('en', error.message, error.params);
  const zh = translate('zh-CN', error.message, error.params);
  for (const text of [en, zh]) expect(text).not.toMatch(/database or disk is full|readonly database|database is locked|disk I\/O error|constraint failed|cannot rollback/i);
  return { en, zh };
}

function integrity(sqlite: BetterSqlite3.Database): void {
  expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(sqlite.pragma('foreign_key_check')).toEqual([]);
  // The search index is written in the same transaction as the customer: a half-done create
  // would leave one without the other.
  const live = sqlite.prepare('SELECT count(*) AS n FROM customers WHERE deleted_at IS NULL').get() as { n: number };
  const indexed = sqlite.prepare('SELECT count(*) AS n FROM customer_search').get() as { n: number };
  expect(indexed.n).toBe(live.n);
}

describe('a full disk', () => {
  // A real full disk: a 2 MiB tmpfs holding the data folder, filled to the last byte. Mounting
  // needs root, which CI has; without it the test fails rather than passing without proof.
  let disk: Mount;
  let app: TempCore | undefined;
  beforeAll(() => {
    disk = smallDisk('2m');
  });
  afterAll(async () => {
    await app?.close();
    disk.unmount();
  });

  it('says so in the user language, saves nothing, and the same write succeeds once there is room', async () => {
    app = await createTempCore({ dataDir: path.join(disk.path, 'data') });
    const filler = fillDisk(disk.path);

    // The WAL may still have room from earlier writes, so a few creates can succeed on a full
    // disk; the first one that needs a new page must fail, cleanly.
    const saved: string[] = [];
    let failed: { name: string; error: AppError } | undefined;
    for (let i = 0; i < 500 && !failed; i++) {
      const name = `Full Disk Trading ${i}`;
      const result = await app.core.dispatch('customers.create', { name, regionCode: 'EU', notes: 'n'.repeat(4000) });
      if (result.ok) saved.push(name);
      else failed = { name, error: result.error };
    }
    expect(failed, 'no write failed on a full disk').toBeDefined();
    const { name, error } = failed!;
    expect(error.code).toBe('diskFull');
    expect(error.details).toMatch(/^SQLITE_FULL/);
    const { en, zh } = texts(error);
    expect(en).toMatch(/^The disk is full; nothing was saved\./);
    expect(zh).toMatch(/^磁盘已满，未保存任何内容。/);

    filler.free();
    const retried = await app.call('customers.create', { name, regionCode: 'EU', notes: 'n'.repeat(4000) });
    // The failed create took no customer number: its whole transaction was undone.
    expect(retried.code).toBe(`EU-${String(saved.length + 1).padStart(3, '0')}-C`);
    const { sqlite } = app.core.database();
    const names = (sqlite.prepare('SELECT name FROM customers ORDER BY code').all() as { name: string }[]).map((r) => r.name);
    expect(names).toEqual([...saved, name]);
    integrity(sqlite);
  });
});

describe('an I/O error on writing', () => {
  // better-sqlite3 does not pass on the errno, so a full disk that SQLite reports as an I/O error
  // (its size-hint pre-allocation, growing the -shm file, fsync on some file systems) is told
  // apart by the free space left. The errors are better-sqlite3's own type with the codes SQLite
  // gives; the disk is a real, really full tmpfs.
  it('is a full disk when the disk is full, and a read or write failure naming SQLite’s code otherwise', () => {
    const disk = smallDisk('1m');
    try {
      const file = path.join(disk.path, DATABASE_FILE_NAME);
      const writeFailed = new BetterSqlite3.SqliteError('disk I/O error', 'SQLITE_IOERR_WRITE');
      const filler = fillDisk(disk.path);
      for (const code of ['SQLITE_IOERR_WRITE', 'SQLITE_IOERR_SHMSIZE', 'SQLITE_IOERR_FSYNC']) {
        expect(storageFailure(new BetterSqlite3.SqliteError('disk I/O error', code), file), code).toMatchObject({ code: 'diskFull', message: 'errors.diskFull' });
      }
      filler.free();
      // Where there is room (the test machine's own temp disk), the same error is not a full disk.
      const roomy = path.join(tempDir(), DATABASE_FILE_NAME);
      const error = storageFailure(writeFailed, roomy)!;
      expect(error).toEqual({ code: 'storageFailed', message: 'errors.storageFailed', params: { sqliteCode: 'SQLITE_IOERR_WRITE' }, details: 'SQLITE_IOERR_WRITE: disk I/O error' });
      expect(texts(error).en).toBe('The database file could not be read or written (SQLITE_IOERR_WRITE); if this was a change, it was not saved.');
      expect(texts(error).zh).toBe('无法读写数据库文件（SQLITE_IOERR_WRITE）；如果这是一次修改，它没有被保存。');
      // A bug rather than a fault: still not SQLite's words, but its code.
      const bug = storageFailure(new BetterSqlite3.SqliteError('UNIQUE constraint failed: customers.code', 'SQLITE_CONSTRAINT_UNIQUE'), file)!;
      expect(bug).toMatchObject({ code: 'internal', params: { reason: 'SQLITE_CONSTRAINT_UNIQUE' } });
      expect(texts(bug).en).not.toContain('UNIQUE constraint failed');
      expect(storageFailure(new Error('not SQLite'), file)).toBeNull();
    } finally {
      disk.unmount();
    }
  });
});

describe('a database that cannot be written', () => {
  let app: TempCore;
  let other: BetterSqlite3.Database | undefined;
  afterEach(async () => {
    other?.close();
    other = undefined;
    await app.close();
  });

  it('names the read-only file and writes nothing', async () => {
    app = await createTempCore();
    const kept = await app.call('customers.create', { name: 'Kept Ltd', regionCode: 'EU' });
    const file = path.join(app.dataDir, DATABASE_FILE_NAME);
    // As root (CI) a 0444 file is still writable, and a handle opened before the chmod keeps
    // writing anyway; what really cannot write is a handle SQLite opened read-only, as it does for
    // a write-protected file. The customer service and dispatcher over it are the real ones.
    other = new BetterSqlite3(file, { readonly: true });
    const db: Db = new Kysely<Database>({ dialect: new AppSqliteDialect({ database: other }) });
    const customers = createCustomerService({ db, sqlite: other, clock: app.clock, emit: createEventBus().emit, log: silentLogger });
    const dispatcher = createDispatcher(() => customers.handlers as Handlers, { log: silentLogger, checkOutputs: true, databaseFile: file });

    for (const [key, input] of [
      ['customers.create', { name: 'Lost Ltd', regionCode: 'EU' }],
      ['customers.remove', { ids: [kept.id] }],
    ] as const) {
      const result = await dispatcher.dispatch(key, input);
      expect(result.ok, key).toBe(false);
      const error = (result as { ok: false; error: AppError }).error;
      expect(error.code, key).toBe('readOnly');
      expect(error.details).toMatch(/^SQLITE_READONLY/);
      const { en, zh } = texts(error);
      expect(en).toBe(`The database file is read-only: ${file}; nothing was saved.`);
      expect(zh).toBe(`数据库文件是只读的：${file}；未保存任何内容。`);
    }
    const list = await app.call('customers.list', {});
    expect(list.rows.map((r) => r.name)).toEqual(['Kept Ltd']);
    integrity(app.core.database().sqlite);
  });

  it('asks to try again while another program holds the write lock', async () => {
    app = await createTempCore();
    const file = path.join(app.dataDir, DATABASE_FILE_NAME);
    // The app waits 5 s for a lock; a short wait keeps the test quick and fails the same way.
    app.core.database().sqlite.pragma('busy_timeout = 50');
    other = new BetterSqlite3(file);
    other.exec('BEGIN IMMEDIATE');

    const error = await app.fail('customers.create', { name: 'Later Ltd', regionCode: 'EU' });
    expect(error.code).toBe('busy');
    expect(error.details).toMatch(/^SQLITE_BUSY/);
    const { en, zh } = texts(error);
    expect(en).toBe('Another program is using the database; nothing was saved. Try again in a moment.');
    expect(zh).toBe('另一个程序正在使用数据库，未保存任何内容。请稍后重试。');

    other.exec('ROLLBACK');
    await app.call('customers.create', { name: 'Later Ltd', regionCode: 'EU' });
    expect((await app.call('customers.list', {})).rows.map((r) => r.name)).toEqual(['Later Ltd']);
    integrity(app.core.database().sqlite);
  });
});
