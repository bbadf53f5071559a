import iconv from 'iconv-lite';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAppCore } from '../../../../../electron/services/core/app-core.ts';
import { silentLogger } from '../../../../../electron/services/core/logger.ts';
import { translate } from '../../../../../electron/hosts/translate.ts';

/**
 * The contact sheets tab's "Choose file…" goes through app.pickFolder with a purpose of its own;
 * the desktop app's dialog (electron/main/folder-picker.ts, not runnable here) is stood in for by
 * a function that hands back a real GBK sheet, which then reads.
 */

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradefolio-pick-sheet-'));
  made.push(dir);
  return dir;
}

describe('choosing a contact sheet with the system dialog', () => {
  it('asks the dialog for a contact sheet, and what it hands back reads', async () => {
    const sheet = path.join(tempDir(), '客户名单.csv');
    fs.writeFileSync(sheet, iconv.encode('公司名称,联系人,邮箱\r\n杭州丝绸进出口有限公司,陈静,chen@hzsilk.cn\r\n', 'gbk'));
    const asked: unknown[] = [];
    const core = await createAppCore({
      dataDir: tempDir(),
      host: 'electron',
      version: 'test',
      log: silentLogger,
      checkOutputs: true,
      pickFolder: async (request) => {
        asked.push(request);
        return request.purpose === 'contactSheetFile' ? sheet : null;
      },
    });
    try {
      expect(await core.dispatch('app.pickFolder', { purpose: 'contactSheetFile' })).toEqual({ ok: true, value: { supported: true, path: sheet } });
      expect(asked).toEqual([{ purpose: 'contactSheetFile' }]);
      const preview = await core.dispatch('imports.previewContacts', { path: sheet });
      expect(preview).toMatchObject({ ok: true, value: { format: 'csv', encoding: 'gb18030', sheets: [{ rows: [{ contact: { company: { name: '杭州丝绸进出口有限公司' } } }] }] } });
    } finally {
      await core.close();
    }
  });

  it('titles the dialog and its filter in both languages', () => {
    for (const key of ['contactImport.center.file.pickTitle', 'contactImport.center.file.pickFilter']) {
      expect(translate('en', key)).not.toBe(key);
      expect(translate('zh-CN', key)).toMatch(/\p{Script=Han}/u);
    }
  });
});
