import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempCore, DAY, tempDir, type TempCore } from '../../helpers/temp-core.ts';

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
