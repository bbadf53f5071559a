import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { catalogs, type Language } from '../../../../../shared/i18n/catalogs.ts';
import { archiveName, canResume, canUndo, etaText, importText, isFullPath, progressPercent } from '../../../../../renderer/src/features/imports/import-format.ts';
import { parseRoute, hrefFor } from '../../../../../renderer/src/app/routes.ts';

/** i18next as the renderer sets it up, over the real catalogs (as nav-badges.test.ts does). */
function tFor(language: Language) {
  const instance = i18next.createInstance();
  void instance.init({ resources: { [language]: { translation: catalogs[language] } }, lng: language, fallbackLng: false, interpolation: { escapeValue: false }, initAsync: false });
  return instance.t;
}

describe('Import center helpers', () => {
  it('takes full paths of every system and refuses relative ones (the service would resolve them against its own folder)', () => {
    for (const p of ['/home/anna/mail.mbox', 'C:\\Users\\anna\\anna.pst', 'd:/Mail/Inbox', '\\\\nas\\share\\mail.mbox', '  /tmp/x.mbox  ']) expect(isFullPath(p), p).toBe(true);
    for (const p of ['mail.mbox', 'Mail/Inbox', './x.mbox', '~/mail.mbox', 'C:mail.pst', '\\\\', '']) expect(isFullPath(p), p).toBe(false);
  });

  it('names an archive by the last part of its path, on either separator', () => {
    expect(archiveName('/home/anna/Mail/Inbox.mbox')).toBe('Inbox.mbox');
    expect(archiveName('D:\\Mail\\handover\\')).toBe('handover');
  });

  it('measures progress by bytes when the size is known, and says nothing made up when it is not', () => {
    expect(progressPercent({ bytesDone: 512, bytesTotal: 2048, status: 'running' })).toBe(25);
    expect(progressPercent({ bytesDone: 3000, bytesTotal: 2048, status: 'running' })).toBe(100);
    expect(progressPercent({ bytesDone: 512, bytesTotal: null, status: 'running' })).toBeNull();
    expect(progressPercent({ bytesDone: 0, bytesTotal: 0, status: 'running' })).toBeNull();
    expect(progressPercent({ bytesDone: 0, bytesTotal: null, status: 'done' })).toBe(100);
  });

  it('says the time left roughly, in both languages', () => {
    const en = tFor('en');
    expect(etaText(en, 12.4)).toBe('12 s left');
    expect(etaText(en, 0.2)).toBe('1 s left');
    expect(etaText(en, 600)).toBe('about 10 min left');
    expect(etaText(en, 3 * 3600)).toBe('about 3 h left');
    expect(etaText(en, null)).toBe('Working out the time left…');
    const zh = tFor('zh-CN');
    expect(etaText(zh, 600)).toBe('剩余约 10 分钟');
    expect(etaText(zh, Infinity)).toBe('正在估算剩余时间…');
  });

  it('renders the service’s problems and record labels in the user’s language', () => {
    const problem = { key: 'mailSources.problems.mboxTruncated', params: { file: 'cut.mbox', index: 3, offset: 1200, bytes: 800 } };
    const label = { key: 'mailSources.label.mboxMessage', params: { file: 'cut.mbox', index: 3, offset: 1200 } };
    expect(importText(tFor('en'), label)).toBe('cut.mbox, message 3 at byte 1200');
    expect(importText(tFor('zh-CN'), label)).toBe('cut.mbox，第 3 封邮件（位于第 1200 字节）');
    expect(importText(tFor('en'), problem)).toContain('The last message of cut.mbox (message 3, at byte 1200) stops before its end');
    // A key this version does not know still says something, never an empty cell.
    expect(importText(tFor('en'), { key: 'mailSources.problems.fromTheFuture', params: {} })).toBe('mailSources.problems.fromTheFuture');
  });

  it('offers Resume only for an import stopped part-way that still has its mail, and Undo for any that is not running or undone', () => {
    expect(canResume({ kind: 'mail', status: 'interrupted', accountId: 'a' })).toBe(true);
    expect(canResume({ kind: 'mail', status: 'cancelled', accountId: 'a' })).toBe(true);
    expect(canResume({ kind: 'mail', status: 'cancelled', accountId: null })).toBe(false);
    expect(canResume({ kind: 'mail', status: 'done', accountId: 'a' })).toBe(false);
    // A contact sheet's batch has no account at all, and continues after its last committed row.
    expect(canResume({ kind: 'contacts', status: 'interrupted', accountId: null })).toBe(true);
    expect(canResume({ kind: 'contacts', status: 'done', accountId: null })).toBe(false);
    expect(canUndo({ status: 'done' })).toBe(true);
    expect(canUndo({ status: 'failed' })).toBe(true);
    expect(canUndo({ status: 'running' })).toBe(false);
    expect(canUndo({ status: 'undone' })).toBe(false);
  });

  it('has a route of its own', () => {
    expect(parseRoute('#/imports')).toEqual({ page: 'imports' });
    expect(hrefFor({ page: 'imports' })).toBe('#/imports');
  });
});
