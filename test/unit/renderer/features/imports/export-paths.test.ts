import { describe, expect, it } from 'vitest';
import { inFolder } from '../../../../../renderer/src/features/imports/export-paths.ts';

describe('inFolder (the desktop app\u2019s "Choose folder…" of an export)', () => {
  it('keeps the typed file name and takes the chosen folder, with its own separator', () => {
    expect(inFolder('/Users/li/Documents', '/tmp/客户.xlsx', 'customers.xlsx')).toBe('/Users/li/Documents/客户.xlsx');
    expect(inFolder('D:\\Exports\\', 'C:\\old\\mail.mbox', 'mail.mbox')).toBe('D:\\Exports\\mail.mbox');
    expect(inFolder('\\\\server\\share', 'q3.csv', 'customers.csv')).toBe('\\\\server\\share\\q3.csv');
  });

  it('names the file itself when none was typed, or what was typed is no file name', () => {
    expect(inFolder('/Users/li', undefined, 'customers.xlsx')).toBe('/Users/li/customers.xlsx');
    expect(inFolder('/Users/li/', '   ', 'mail.mbox')).toBe('/Users/li/mail.mbox');
    expect(inFolder('/Users/li', '/Users/li/Documents', 'customers.csv')).toBe('/Users/li/customers.csv');
  });
});
