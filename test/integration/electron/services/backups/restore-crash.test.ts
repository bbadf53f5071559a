import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESTORE_FAULT_POINTS } from '../../../../../electron/services/backups/backup.service.ts';
import { FAULT_POINT_ENV } from '../../../../../electron/hosts/fault-points.ts';
import { runCliChild } from '../../../../helpers/child-hosts.ts';
import { createTempCore, tempDir } from '../../../../helpers/temp-core.ts';

/**
 * A restore killed (SIGKILL, at an injected point, not by timing) at each of its steps: the
 * next start finishes or undoes it, and the user sees either the database as it was or the
 * backup — never an empty one — with integrity_check ok and the other kept beside it.
 */
const EXPECTED: Record<(typeof RESTORE_FAULT_POINTS)[number], 'before' | 'backup'> = {
  'restore:copied': 'before',
  'restore:intent-written': 'before',
  'restore:moved-aside': 'backup',
  'restore:moved-in': 'backup',
  'restore:reopened': 'backup',
};

describe('a restore killed at any step', () => {
  it.each(RESTORE_FAULT_POINTS)('killed at %s: the next start has a whole database, and nothing is lost', async (point) => {
    const dataDir = tempDir();
    const seed = await createTempCore({ dataDir });
    await seed.call('customers.create', { name: 'In the backup', regionCode: 'EU' });
    const backup = await seed.call('backups.create', {});
    await seed.call('customers.create', { name: 'Typed after the backup', regionCode: 'EU' });
    await seed.close();

    const run = await runCliChild(dataDir, ['backup', 'restore', backup.path], { [FAULT_POINT_ENV]: point });
    expect(run.signal).toBe('SIGKILL');

    const next = await createTempCore({ dataDir });
    try {
      const names = (await next.call('customers.list', {})).rows.map((r) => r.name).sort();
      expect(names).toEqual(EXPECTED[point] === 'before' ? ['In the backup', 'Typed after the backup'] : ['In the backup']);
      expect(next.core.database().sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      const files = fs.readdirSync(dataDir);
      expect(files).not.toContain('restore-intent.json');
      expect(files.filter((f) => f.includes('.incoming'))).toEqual([]);
      const replaced = files.filter((f) => /^replaced-.*\.sqlite$/.test(f));
      if (EXPECTED[point] === 'backup') {
        // The database the restore replaced is kept whole beside it.
        expect(replaced).toHaveLength(1);
        const kept = await createTempCore({ dataDir: tempDir() });
        await kept.call('backups.restore', { path: path.join(dataDir, replaced[0]!) });
        expect((await kept.call('customers.list', {})).total).toBe(2);
        await kept.close();
      } else {
        expect(replaced).toEqual([]);
      }
    } finally {
      await next.close();
    }
  });
});
