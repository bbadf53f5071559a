import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAppCore } from '../../../../../electron/services/core/app-core.ts';
import { silentLogger } from '../../../../../electron/services/core/logger.ts';
import { corpusMessages, withMessageId, writeMbox } from '../../../../helpers/mail-archives.ts';

/**
 * The Import center's "Choose file…" / "Choose folder…" go through app.pickFolder with a purpose
 * of their own; the desktop app's dialog (electron/main/folder-picker.ts, not runnable here) is
 * stood in for by a function that hands back a real archive, which then imports.
 */

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradefolio-pick-archive-'));
  made.push(dir);
  return dir;
}

describe('choosing a mail archive with the system dialog', () => {
  it('asks the dialog for a file or a folder, and what it hands back imports', async () => {
    const archive = path.join(tempDir(), 'Inbox.mbox');
    writeMbox(archive, corpusMessages(3).map((m, i) => withMessageId(m.raw, `pick-${i}@archive.test`)), { variant: 'mboxrd' });
    const asked: unknown[] = [];
    const core = await createAppCore({
      dataDir: tempDir(),
      host: 'electron',
      version: 'test',
      log: silentLogger,
      checkOutputs: true,
      pickFolder: async (request) => {
        asked.push(request);
        return request.purpose === 'mailArchiveFile' ? archive : null;
      },
    });
    try {
      const file = await core.dispatch('app.pickFolder', { purpose: 'mailArchiveFile', defaultPath: '/home/anna' });
      expect(file).toEqual({ ok: true, value: { supported: true, path: archive } });
      // Cancelled: no path, nothing to import.
      expect(await core.dispatch('app.pickFolder', { purpose: 'mailArchiveFolder' })).toEqual({ ok: true, value: { supported: true, path: null } });
      expect(asked).toEqual([{ purpose: 'mailArchiveFile', defaultPath: '/home/anna' }, { purpose: 'mailArchiveFolder' }]);
      // A purpose the contract does not name never reaches the dialog.
      expect(await core.dispatch('app.pickFolder', { purpose: 'anything' } as never)).toMatchObject({ ok: false, error: { code: 'validation' } });
      expect(asked).toHaveLength(2);

      const started = await core.dispatch('imports.startMail', { path: archive, ownerId: null, ownAddresses: [] });
      expect(started).toMatchObject({ ok: true, value: { sourceKind: 'mbox' } });
      await core.imports().whenIdle();
      const list = await core.dispatch('imports.list', {});
      expect(list).toMatchObject({ ok: true, value: [{ status: 'done', imported: 3 }] });
    } finally {
      await core.close();
    }
  });

  it('says the web host has no dialog, so the Import center offers a typed path', async () => {
    const core = await createAppCore({ dataDir: tempDir(), host: 'web', version: 'test', log: silentLogger });
    try {
      expect(await core.dispatch('app.pickFolder', { purpose: 'mailArchiveFolder' })).toEqual({ ok: true, value: { supported: false, path: null } });
    } finally {
      await core.close();
    }
  });
});
