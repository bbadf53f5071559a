import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../../shared/contract/result.ts';
import { describeFailure, pickLanguage, translate } from '../../../../electron/hosts/translate.ts';

describe('translate', () => {
  it('picks the language from OS locales', () => {
    expect(pickLanguage('zh_CN.UTF-8')).toBe('zh-CN');
    expect(pickLanguage('zh-Hans-CN')).toBe('zh-CN');
    expect(pickLanguage('zh')).toBe('zh-CN');
    expect(pickLanguage('en_US.UTF-8')).toBe('en');
    expect(pickLanguage('de-DE')).toBe('en');
    expect(pickLanguage(undefined)).toBe('en');
  });

  it('interpolates and uses plural keys in both languages', () => {
    expect(translate('en', 'reminders.total', { count: 1 })).toBe('1 customer overdue for contact');
    expect(translate('en', 'reminders.total', { count: 3 })).toBe('3 customers overdue for contact');
    expect(translate('zh-CN', 'reminders.total', { count: 3 })).toBe('3 个客户超期未联系');
    expect(translate('en', 'errors.unknownCall', { key: 'x.y' })).toBe('Unknown request: x.y');
  });

  it('falls back to the key when a message is missing', () => {
    expect(translate('zh-CN', 'no.such.key')).toBe('no.such.key');
  });

  it('describes a migration failure in the user language', () => {
    const err = new AppFailure({ code: 'migrationFailed', message: 'errors.migrationFailed', params: { file: 'a.sqlite', migration: '0002', reason: 'boom' } });
    expect(describeFailure('en', err)).toContain('a.sqlite');
    expect(describeFailure('en', err)).toContain('0002');
    expect(describeFailure('zh-CN', err)).toContain('a.sqlite');
    expect(describeFailure('en', new Error('plain'))).toBe('plain');
  });

  it('describes a database fault in the user language, never in SQLite’s words', () => {
    // better-sqlite3's own error type, with the code SQLite gives for a full disk.
    const full = new BetterSqlite3.SqliteError('database or disk is full', 'SQLITE_FULL');
    expect(describeFailure('en', full)).toBe('The disk is full; nothing was saved. Free some space on it and try again.');
    expect(describeFailure('zh-CN', full)).toBe('磁盘已满，未保存任何内容。请清理出一些空间后重试。');
    const readOnly = new BetterSqlite3.SqliteError('attempt to write a readonly database', 'SQLITE_READONLY');
    expect(describeFailure('en', readOnly, '/data/tradefolio.sqlite')).toBe('The database file is read-only: /data/tradefolio.sqlite; nothing was saved.');
    expect(describeFailure('zh-CN', readOnly, '/data/tradefolio.sqlite')).toBe('数据库文件是只读的：/data/tradefolio.sqlite；未保存任何内容。');
    // Where the host does not say which file, no empty name is shown.
    expect(describeFailure('en', readOnly)).toBe('The database file is read-only; nothing was saved.');
    const io = new BetterSqlite3.SqliteError('disk I/O error', 'SQLITE_IOERR_SHMSIZE');
    expect(describeFailure('en', io)).toBe('The database file could not be read or written (SQLITE_IOERR_SHMSIZE); if this was a change, it was not saved.');
  });
});
