import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppCore } from '../../../../../electron/services/core/app-core.ts';
import { silentLogger } from '../../../../../electron/services/core/logger.ts';
import { translate } from '../../../../../electron/hosts/translate.ts';
import { AppFailure } from '../../../../../shared/contract/result.ts';
import { runCliChild, startWebHostChild, type WebHostChild } from '../../../../helpers/child-hosts.ts';
import { createTempCore, tempDir } from '../../../../helpers/temp-core.ts';

let host: WebHostChild | null = null;
afterEach(async () => {
  await host?.kill('SIGKILL');
  host = null;
});

function customerNames(dataDir: string): string[] {
  const db = new BetterSqlite3(path.join(dataDir, 'tradefolio.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT name FROM customers WHERE deleted_at IS NULL ORDER BY name').all() as Array<{ name: string }>).map((r) => r.name);
  } finally {
    db.close();
  }
}

describe('one process owns a data folder', () => {
  it('refuses a second app or web host on the same folder, naming the program and process that holds it', async () => {
    const dataDir = tempDir();
    const first = await createAppCore({ dataDir, host: 'web', version: 'test', log: silentLogger });
    try {
      const err = await createAppCore({ dataDir, host: 'electron', version: 'test', log: silentLogger }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(AppFailure);
      const failure = (err as AppFailure).error;
      expect(failure).toMatchObject({ code: 'conflict', message: 'dataFolder.inUse_web', params: { folder: dataDir, pid: process.pid } });
      expect(translate('en', failure.message, failure.params)).toContain(`web host (process ${process.pid})`);
      expect(translate('zh-CN', failure.message, failure.params)).toContain(`网页服务（进程 ${process.pid}）`);
    } finally {
      await first.close();
    }
    // Closing releases it.
    const again = await createAppCore({ dataDir, host: 'electron', version: 'test', log: silentLogger });
    await again.close();
  });

  it('a CLI restore next to a running web host is refused and changes nothing; ordinary CLI work goes on', async () => {
    const dataDir = tempDir();
    const seed = await createTempCore({ dataDir });
    await seed.call('customers.create', { name: 'In the backup', regionCode: 'EU' });
    const backup = await seed.call('backups.create', {});
    await seed.close();

    host = await startWebHostChild(dataDir);
    expect((await host.call('customers.create', { name: 'Typed in the browser', regionCode: 'EU' })).ok).toBe(true);

    const refused = await runCliChild(dataDir, ['backup', 'restore', backup.path]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`web host (process ${host.pid})`);

    // Reads and writes from the CLI beside the host work as before (SQLite's own locking).
    const listed = await runCliChild(dataDir, ['customers', 'list']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('Typed in the browser');
    expect((await runCliChild(dataDir, ['call', 'customers.create', '{"name":"From the CLI","regionCode":"EU"}'])).code).toBe(0);

    // The host still writes into the one database, and every acknowledged write is there.
    expect((await host.call('customers.create', { name: 'After the refusal', regionCode: 'EU' })).ok).toBe(true);
    await host.kill('SIGKILL');
    host = null;
    expect(customerNames(dataDir)).toEqual(['After the refusal', 'From the CLI', 'In the backup', 'Typed in the browser']);

    // The OS dropped the killed host's lock: now the CLI may restore.
    const restored = await runCliChild(dataDir, ['backup', 'restore', backup.path]);
    expect(restored.code).toBe(0);
    expect(customerNames(dataDir)).toEqual(['In the backup']);
  });

  it('a web host cannot start on a folder the CLI holds for a restore, and says so', async () => {
    const dataDir = tempDir();
    const cliLike = await createAppCore({ dataDir, host: 'cli', version: 'test', log: silentLogger, access: 'owner' });
    try {
      const err = await startWebHostChild(dataDir).then(
        () => '',
        (e: unknown) => String(e),
      );
      expect(err).toContain(`in use by a TradeFolio command (process ${process.pid})`);
    } finally {
      await cliLike.close();
    }
    expect(fs.existsSync(path.join(dataDir, 'tradefolio.lock.json'))).toBe(false);
  });
});
