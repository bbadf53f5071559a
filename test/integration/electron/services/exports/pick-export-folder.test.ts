import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAppCore } from '../../../../../electron/services/core/app-core.ts';
import { silentLogger } from '../../../../../electron/services/core/logger.ts';
import { translate } from '../../../../../electron/hosts/translate.ts';
import { tempDir } from '../../../../helpers/temp-core.ts';

/**
 * The Export tab's "Choose folder…" in the desktop app goes through app.pickFolder with the
 * exportFolder purpose; the dialog itself (electron/main/folder-picker.ts, not runnable here) is
 * stood in for by a function handing back a real folder, into which the export then writes.
 */

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

describe('choosing where an export goes with the system dialog', () => {
  it('asks the dialog for an export folder, and the export writes there', async () => {
    const [data, chosen] = [tempDir('tf-pick-export-'), tempDir('tf-pick-export-target-')];
    made.push(data, chosen);
    const asked: unknown[] = [];
    const core = await createAppCore({
      dataDir: data,
      host: 'electron',
      version: 'test',
      log: silentLogger,
      checkOutputs: true,
      pickFolder: async (request) => {
        asked.push(request);
        return request.purpose === 'exportFolder' ? chosen : null;
      },
    });
    try {
      expect(await core.dispatch('app.pickFolder', { purpose: 'exportFolder', defaultPath: '/tmp/x.xlsx' })).toEqual({ ok: true, value: { supported: true, path: chosen } });
      expect(asked).toEqual([{ purpose: 'exportFolder', defaultPath: '/tmp/x.xlsx' }]);
      const file = path.join(chosen, 'customers.xlsx');
      expect(await core.dispatch('exports.customers', { format: 'xlsx', path: file })).toMatchObject({ ok: true, value: { path: file, customers: 0 } });
      expect(fs.readdirSync(chosen)).toEqual(['customers.xlsx']);
    } finally {
      await core.close();
    }
  });

  it('titles the dialog and its button in both languages', () => {
    for (const key of ['exports.center.pickFolderTitle', 'exports.center.chooseFolder']) {
      expect(translate('en', key)).not.toBe(key);
      expect(translate('zh-CN', key)).toMatch(/\p{Script=Han}/u);
    }
  });
});
