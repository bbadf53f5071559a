import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withTimeLimit, StepTimeout } from '../../../../../electron/services/backups/backup-folder.ts';
import { createAppCore } from '../../../../../electron/services/core/app-core.ts';
import { silentLogger } from '../../../../../electron/services/core/logger.ts';
import { translate } from '../../../../../electron/hosts/translate.ts';
import { AppFailure } from '../../../../../shared/contract/result.ts';
import { readOnlyView, smallDisk } from '../../../../helpers/mounts.ts';
import { createTempCore, DAY, tempDir, type TempCore } from '../../../../helpers/temp-core.ts';

let app: TempCore;
beforeEach(async () => {
  app = await createTempCore();
});
afterEach(async () => {
  await app.close();
});

describe('backups', () => {
  it('backs up, restores with verification, and keeps the replaced database', async () => {
    await app.call('customers.create', { name: 'Before Backup', regionCode: 'EU' });
    const backup = await app.call('backups.create', {});
    expect(backup.path.startsWith(path.join(app.dataDir, 'backups'))).toBe(true);
    expect((await app.call('backups.list', {})).map((b) => b.file)).toEqual([backup.file]);

    await app.call('customers.create', { name: 'After Backup', regionCode: 'EU' });
    const restored = await app.call('backups.restore', { path: backup.path });
    const names = (await app.call('customers.list', {})).rows.map((r) => r.name);
    expect(names).toEqual(['Before Backup']);

    const replaced = new BetterSqlite3(restored.replacedPath, { readonly: true });
    const kept = replaced.prepare('SELECT name FROM customers ORDER BY name').all() as Array<{ name: string }>;
    replaced.close();
    expect(kept.map((r) => r.name)).toEqual(['After Backup', 'Before Backup']);

    // The restored database is live and writable, and codes continue from the backup's counters.
    const next = await app.call('customers.create', { name: 'After Restore', regionCode: 'EU' });
    expect(next.code).toBe('EU-002-C');
    const integrity = app.core.database().sqlite.pragma('integrity_check', { simple: true });
    expect(integrity).toBe('ok');
  });

  it('refuses a file that is not a database, a corrupt one and a missing one, changing nothing', async () => {
    await app.call('customers.create', { name: 'Precious', regionCode: 'EU' });
    const dir = tempDir();
    const text = path.join(dir, 'notes.sqlite');
    fs.writeFileSync(text, 'this is not a database at all, just text '.repeat(200));
    let err = await app.fail('backups.restore', { path: text });
    expect(err).toMatchObject({ code: 'backupInvalid', message: 'errors.backup_notDatabase', params: { file: 'notes.sqlite' } });

    const good = await app.call('backups.create', {});
    const corrupt = path.join(dir, 'corrupt.sqlite');
    const bytes = fs.readFileSync(good.path);
    for (let i = 4096 + 100; i < bytes.length; i += 97) bytes[i] = 0xff;
    fs.writeFileSync(corrupt, bytes);
    err = await app.fail('backups.restore', { path: corrupt });
    expect(err.code).toBe('backupInvalid');
    expect(err.params?.file).toBe('corrupt.sqlite');

    const foreign = path.join(dir, 'foreign.sqlite');
    const other = new BetterSqlite3(foreign);
    other.exec('CREATE TABLE t (x)');
    other.close();
    err = await app.fail('backups.restore', { path: foreign });
    expect(err.message).toBe('errors.backup_notTradeFolio');

    err = await app.fail('backups.restore', { path: path.join(dir, 'nope.sqlite') });
    expect(err.message).toBe('errors.backupMissing');
    expect((await app.call('customers.list', {})).rows.map((r) => r.name)).toEqual(['Precious']);
  });

  it('writes the daily backup once a day and keeps the last 14', async () => {
    await app.core.runScheduledBackup();
    await app.core.runScheduledBackup();
    expect(await app.call('backups.list', {})).toHaveLength(1);
    for (let day = 1; day <= 16; day++) {
      app.clock.advance(DAY);
      await app.core.runScheduledBackup();
    }
    const list = await app.call('backups.list', {});
    expect(list).toHaveLength(14);
    expect((await app.call('settings.get', {})).lastBackupAt).toBe(app.clock.now());
    await app.call('settings.update', { backupEnabled: false });
    app.clock.advance(2 * DAY);
    await app.core.runScheduledBackup();
    expect(await app.call('backups.list', {})).toHaveLength(14);
  });

  it('backs up into a folder the user picks', async () => {
    const folder = path.join(tempDir(), 'my backups');
    await app.call('settings.update', { backupFolder: folder });
    const entry = await app.call('backups.create', {});
    expect(path.dirname(entry.path)).toBe(folder);
  });
});

/** The pages' journal mode from the file header (bytes 18–19): 1 = rollback journal, 2 = WAL. */
function headerJournalMode(file: string): number {
  const header = fs.readFileSync(file).subarray(18, 20);
  return Math.max(header[0]!, header[1]!);
}

function mode(file: string): number {
  return fs.statSync(file).mode & 0o777;
}

describe('restore takes all of the backup and checks all of it', () => {
  it('copies through SQLite, so rows that are only in the source’s -wal are restored too', async () => {
    // A source database that is still open elsewhere, with 200 updates only in its WAL.
    const other = await createTempCore();
    for (let i = 0; i < 200; i++) await other.call('customers.create', { name: `Committed ${i}`, regionCode: 'EU' });
    const raw = other.core.database().sqlite;
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.pragma('wal_autocheckpoint = 0');
    raw.exec("UPDATE customers SET name = 'Updated ' || name");
    const source = other.core.database().file;
    expect(fs.statSync(`${source}-wal`).size).toBeGreaterThan(0);

    await app.call('backups.restore', { path: source });
    const page = await app.call('customers.list', { limit: 1000 });
    expect(page.total).toBe(200);
    expect(page.rows.every((r) => r.name.startsWith('Updated Committed'))).toBe(true);
    await other.close();
  });

  it('refuses a file that has the migration table but not the schema, naming what is missing', async () => {
    const dir = tempDir();
    const hollow = path.join(dir, 'hollow.sqlite');
    const db = new BetterSqlite3(hollow);
    const live = app.core.database().sqlite;
    const rows = live.prepare('SELECT name, timestamp FROM kysely_migration').all() as Array<{ name: string; timestamp: string }>;
    db.exec('CREATE TABLE kysely_migration (name varchar(255) NOT NULL PRIMARY KEY, timestamp varchar(255) NOT NULL)');
    for (const r of rows) db.prepare('INSERT INTO kysely_migration VALUES (?, ?)').run(r.name, r.timestamp);
    db.close();
    const err = await app.fail('backups.restore', { path: hollow });
    expect(err).toMatchObject({ code: 'backupInvalid', message: 'errors.backup_incomplete', params: { file: 'hollow.sqlite' } });
    expect(String(err.params?.detail)).toMatch(/^missing table \w+; missing table \w+.* and \d+ more$/);

    // A whole file with one column dropped is refused as well.
    const good = await app.call('backups.create', {});
    const altered = path.join(dir, 'altered.sqlite');
    fs.copyFileSync(good.path, altered);
    const edit = new BetterSqlite3(altered);
    edit.exec('ALTER TABLE customers DROP COLUMN website');
    edit.close();
    const err2 = await app.fail('backups.restore', { path: altered });
    expect(err2.message).toBe('errors.backup_incomplete');
    expect(String(err2.params?.detail)).toContain('table customers has columns');
    expect((await app.call('customers.list', {})).total).toBe(0);
  });

  it('says a backup from a newer TradeFolio needs an update, in the user’s language', async () => {
    const good = await app.call('backups.create', {});
    const newer = path.join(tempDir(), 'newer.sqlite');
    fs.copyFileSync(good.path, newer);
    const edit = new BetterSqlite3(newer);
    edit.prepare('INSERT INTO kysely_migration (name, timestamp) VALUES (?, ?)').run('9999-from-the-future', new Date().toISOString());
    edit.close();
    const err = await app.fail('backups.restore', { path: newer });
    expect(err).toMatchObject({ code: 'backupInvalid', message: 'errors.backup_newerSchema', params: { detail: '9999-from-the-future' } });
    expect(translate('en', err.message, err.params)).toContain('made by a newer version of TradeFolio; update the app to open it');
    expect(translate('zh-CN', err.message, err.params)).toContain('更新版本的 TradeFolio');
  });
});

describe('backups are single, private, self-contained files', () => {
  it('writes backups in rollback-journal mode, 0600, and verifying one leaves nothing beside it', async () => {
    await app.call('customers.create', { name: 'On the stick', regionCode: 'EU' });
    const backup = await app.call('backups.create', {});
    expect(headerJournalMode(backup.path)).toBe(1);
    expect(mode(backup.path)).toBe(0o600);
    expect(fs.readdirSync(path.dirname(backup.path))).toEqual([backup.file]);
  });

  it('restores from a read-only folder (a USB stick with its switch on), writing nothing there', async () => {
    await app.call('customers.create', { name: 'On the stick', regionCode: 'EU' });
    const stick = tempDir();
    await app.call('settings.update', { backupFolder: stick });
    const backup = await app.call('backups.create', {});
    await app.call('customers.create', { name: 'Typed later', regionCode: 'EU' });
    const readOnly = readOnlyView(stick);
    try {
      expect(() => fs.writeFileSync(path.join(readOnly.path, 'x'), 'x')).toThrow(/EROFS/);
      await app.call('backups.restore', { path: path.join(readOnly.path, backup.file) });
      expect((await app.call('customers.list', {})).rows.map((r) => r.name)).toEqual(['On the stick']);
      expect(fs.readdirSync(stick)).toEqual([backup.file]);
    } finally {
      readOnly.unmount();
    }
  });

  it('keeps the data folder 0700 and the database, its -wal/-shm, backups and replaced copies 0600', async () => {
    await app.call('customers.create', { name: 'Private', regionCode: 'EU' });
    const file = app.core.database().file;
    expect(mode(app.dataDir)).toBe(0o700);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(mode(f)).toBe(0o600);
    const backup = await app.call('backups.create', {});
    expect(mode(path.dirname(backup.path))).toBe(0o700);
    const restored = await app.call('backups.restore', { path: backup.path });
    expect(mode(restored.replacedPath)).toBe(0o600);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(mode(f)).toBe(0o600);
  });

  it('tightens a data folder and database that an older version left readable by everyone', async () => {
    const dir = app.dataDir;
    const file = app.core.database().file;
    await app.close();
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(file, 0o644);
    app = await createTempCore({ dataDir: dir });
    expect(mode(dir)).toBe(0o700);
    expect(mode(file)).toBe(0o600);
  });
});

describe('the backup folder is checked, and no step can hang the app', () => {
  it('refuses a relative folder, one inside the app, a read-only one and an impossible one — quickly', async () => {
    let err = await app.fail('settings.update', { backupFolder: 'backups' });
    expect(err).toMatchObject({ code: 'validation', message: 'dataFolder.backupFolder_relative' });

    const started = Date.now();
    err = await app.fail('settings.update', { backupFolder: '/proc/nope/backups' });
    expect(err.message).toBe('dataFolder.backupFolder_cannotCreate');
    expect(Date.now() - started).toBeLessThan(2000);

    const readOnly = readOnlyView(tempDir());
    try {
      err = await app.fail('settings.update', { backupFolder: path.join(readOnly.path, 'backups') });
      expect(err.message).toBe('dataFolder.backupFolder_readOnly');
    } finally {
      readOnly.unmount();
    }
    const file = path.join(tempDir(), 'a-file');
    fs.writeFileSync(file, 'x');
    err = await app.fail('settings.update', { backupFolder: path.join(file, 'backups') });
    expect(err.message).toBe('dataFolder.backupFolder_notFolder');
    // Nothing was stored: the folder is still the default.
    expect((await app.call('settings.get', {})).backupFolder).toBe(path.join(app.dataDir, 'backups'));
  });

  it('refuses a folder inside the app’s install folder', async () => {
    const installDir = tempDir();
    const dataDir = tempDir();
    const core = await createAppCore({ dataDir, host: 'web', version: 'test', log: silentLogger, installDir });
    try {
      const result = await core.dispatch('settings.update', { backupFolder: path.join(installDir, 'resources', 'backups') });
      expect(result).toMatchObject({ ok: false, error: { message: 'dataFolder.backupFolder_insideApp' } });
    } finally {
      await core.close();
    }
  });

  it('offers the system folder dialog only where the host has one, and checks what it returns', async () => {
    expect(await app.call('app.pickFolder', { purpose: 'backupFolder' })).toEqual({ supported: false, path: null });
    const chosen = path.join(tempDir(), 'chosen');
    const asked: unknown[] = [];
    const core = await createAppCore({
      dataDir: tempDir(),
      host: 'electron',
      version: 'test',
      log: silentLogger,
      // What the desktop app's dialog hands back (electron/main/folder-picker.ts).
      pickFolder: async (request) => {
        asked.push(request);
        return chosen;
      },
    });
    try {
      const result = await core.dispatch('app.pickFolder', { purpose: 'backupFolder', defaultPath: '/somewhere' });
      expect(result).toEqual({ ok: true, value: { supported: true, path: chosen } });
      expect(asked).toEqual([{ purpose: 'backupFolder', defaultPath: '/somewhere' }]);
      expect(await core.dispatch('settings.update', { backupFolder: chosen })).toMatchObject({ ok: true, value: { backupFolder: chosen } });
      expect(fs.statSync(chosen).isDirectory()).toBe(true);
    } finally {
      await core.close();
    }
  });

  it('says the backup disk is full, and leaves no partial file there', async () => {
    for (let i = 0; i < 30; i++) await app.call('customers.create', { name: `Customer ${i} ${'x'.repeat(150)}`, regionCode: 'EU' });
    const disk = smallDisk('64k');
    try {
      await app.call('settings.update', { backupFolder: disk.path });
      const sqlite = app.core.database().sqlite;
      const bytes = Number(sqlite.pragma('page_count', { simple: true })) * Number(sqlite.pragma('page_size', { simple: true }));
      expect(bytes).toBeGreaterThan(64 * 1024);
      const err = await app.fail('backups.create', {});
      expect(err.message).toBe('dataFolder.backupFolder_full');
      expect(translate('en', err.message, err.params)).toContain('is full');
      expect(fs.readdirSync(disk.path)).toEqual([]);
    } finally {
      disk.unmount();
    }
  });

  it('gives up on a step that never finishes', async () => {
    const never = new Promise<never>(() => {});
    await expect(withTimeLimit('create folder', 50, never)).rejects.toBeInstanceOf(StepTimeout);
  });

  it('fails a scheduled backup into an impossible folder fast, and the app keeps answering', async () => {
    // Stored directly, as an older version would have accepted it.
    app.core.database().sqlite.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('backupFolder', ?, 0)").run(JSON.stringify('/proc/nope/backups'));
    const started = Date.now();
    const err = await app.fail('backups.create', {});
    expect(err.message).toBe('dataFolder.backupFolder_cannotCreate');
    expect(Date.now() - started).toBeLessThan(2000);
    expect((await app.call('customers.list', {})).total).toBe(0);
  });
});

describe('every fault of a backup gets our words, not SQLite’s or Node’s', () => {
  it('tells a damaged backup, a cut-short one and a folder apart, without SQLite’s text', async () => {
    await app.call('customers.create', { name: 'Precious', regionCode: 'EU' });
    const good = await app.call('backups.create', {});
    const dir = tempDir();
    const cut = path.join(dir, 'cut.sqlite');
    fs.writeFileSync(cut, fs.readFileSync(good.path).subarray(0, 8192));
    const corrupt = path.join(dir, 'corrupt.sqlite');
    const bytes = fs.readFileSync(good.path);
    for (let i = 4096 + 100; i < bytes.length; i += 97) bytes[i] = 0xff;
    fs.writeFileSync(corrupt, bytes);
    const folder = path.join(dir, 'a-folder.sqlite');
    fs.mkdirSync(folder);
    const seen: string[] = [];
    for (const file of [cut, corrupt, folder]) {
      const err = await app.fail('backups.restore', { path: file });
      expect(err.code).toBe('backupInvalid');
      const text = translate('en', err.message, err.params);
      expect(text).toContain(path.basename(file));
      expect(text).not.toMatch(/SQLITE_|malformed|EISDIR|disk image/i);
      seen.push(err.message);
    }
    expect(seen[2]).toBe('errors.backup_notFile');
    expect(seen[1]).toBe('errors.backup_corrupt');
    expect((await app.call('customers.list', {})).rows.map((r) => r.name)).toEqual(['Precious']);
  });

  it('removes what a killed backup left in the folder once it is stale, and nothing newer', async () => {
    const folder = (await app.call('settings.get', {})).backupFolder;
    fs.mkdirSync(folder, { recursive: true });
    const stale = path.join(folder, 'tradefolio-20260101-000000.sqlite.partial');
    const fresh = path.join(folder, 'tradefolio-20260101-000001.sqlite.partial');
    fs.writeFileSync(stale, 'x'.repeat(1000));
    fs.writeFileSync(fresh, 'x');
    const hourAgo = new Date(Date.now() - 3_600_000);
    fs.utimesSync(stale, hourAgo, hourAgo);
    await app.call('backups.create', {});
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.existsSync(fresh)).toBe(true);
  });
});

describe('a database the app cannot use is refused at start with its name', () => {
  it('names a damaged database file, a folder in its place, and a data folder on a read-only disk', async () => {
    const broken = tempDir();
    fs.writeFileSync(path.join(broken, 'tradefolio.sqlite'), 'this is not a database, just text '.repeat(300));
    const folderInstead = tempDir();
    fs.mkdirSync(path.join(folderInstead, 'tradefolio.sqlite'));
    const readOnly = readOnlyView(tempDir());
    try {
      const cases: Array<[string, string]> = [
        [broken, 'dataFolder.databaseDamaged'],
        [folderInstead, 'dataFolder.databaseCannotOpen'],
        [readOnly.path, 'dataFolder.folderReadOnly'],
        [path.join(readOnly.path, 'new-folder'), 'dataFolder.folderReadOnly'],
      ];
      for (const [dataDir, message] of cases) {
        const err = await createTempCore({ dataDir }).then(
          () => null,
          (e: unknown) => e,
        );
        expect(err, dataDir).toBeInstanceOf(AppFailure);
        expect((err as AppFailure).error.message, dataDir).toBe(message);
        const text = translate('zh-CN', (err as AppFailure).error.message, (err as AppFailure).error.params);
        expect(text).toContain(dataDir);
        expect(text).not.toMatch(/SQLITE|EROFS: read-only/);
      }
      // The damaged file was left as it was, for the user to move aside.
      expect(fs.readFileSync(path.join(broken, 'tradefolio.sqlite'), 'utf8')).toMatch(/^this is not a database/);
    } finally {
      readOnly.unmount();
    }
  });


  it('refuses a read-only (0444) database file', async () => {
    const dir = app.dataDir;
    const file = app.core.database().file;
    await app.close();
    fs.chmodSync(file, 0o444);
    try {
      const err = await createTempCore({ dataDir: dir }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(AppFailure);
      const failure = (err as AppFailure).error;
      expect(failure).toMatchObject({ message: 'dataFolder.databaseReadOnly', params: { file } });
      expect(translate('en', failure.message, failure.params)).toContain(file);
    } finally {
      fs.chmodSync(file, 0o600);
      app = await createTempCore({ dataDir: dir });
    }
  });

  it('says a database from a newer TradeFolio needs an update, instead of "corrupted migrations"', async () => {
    const dir = app.dataDir;
    app.core.database().sqlite.prepare('INSERT INTO kysely_migration (name, timestamp) VALUES (?, ?)').run('9999-from-the-future', new Date().toISOString());
    await app.close();
    const err = await createTempCore({ dataDir: dir }).then(
      () => null,
      (e: unknown) => e,
    );
    expect((err as AppFailure).error).toMatchObject({ message: 'dataFolder.databaseNewerSchema', params: { version: '9999-from-the-future' } });
    expect(translate('zh-CN', (err as AppFailure).error.message, (err as AppFailure).error.params)).toContain('请升级应用');
    const fix = new BetterSqlite3(path.join(dir, 'tradefolio.sqlite'));
    fix.prepare('DELETE FROM kysely_migration WHERE name = ?').run('9999-from-the-future');
    fix.close();
    app = await createTempCore({ dataDir: dir });
  });
});
