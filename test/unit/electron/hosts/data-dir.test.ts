import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, flagValue, resolveDataDir, UsageError, withoutFlag } from '../../../../electron/hosts/data-dir.ts';

describe('defaultDataDir', () => {
  it('follows XDG on Linux, like Electron userData', () => {
    expect(defaultDataDir('linux', {}, '/home/li')).toBe('/home/li/.config/TradeFolio');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/data/cfg' }, '/home/li')).toBe('/data/cfg/TradeFolio');
    // A relative XDG_CONFIG_HOME is invalid per the spec and ignored.
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: 'cfg' }, '/home/li')).toBe('/home/li/.config/TradeFolio');
    expect(defaultDataDir('freebsd', {}, '/home/li')).toBe('/home/li/.config/TradeFolio');
  });

  it('uses Application Support on macOS', () => {
    expect(defaultDataDir('darwin', { XDG_CONFIG_HOME: '/x' }, '/Users/li')).toBe('/Users/li/Library/Application Support/TradeFolio');
  });

  it('uses %APPDATA% on Windows', () => {
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\li\\AppData\\Roaming' }, 'C:\\Users\\li')).toBe('C:\\Users\\li\\AppData\\Roaming\\TradeFolio');
    expect(defaultDataDir('win32', {}, 'C:\\Users\\li')).toBe('C:\\Users\\li\\AppData\\Roaming\\TradeFolio');
  });
});

describe('resolveDataDir', () => {
  const fallback = () => '/default/TradeFolio';

  it('prefers --data-dir, then TRADEFOLIO_DATA_DIR, then the default', () => {
    const env = { TRADEFOLIO_DATA_DIR: '/from/env' };
    expect(resolveDataDir(['--data-dir', '/from/flag'], env, fallback)).toEqual({ dataDir: '/from/flag', source: 'flag' });
    expect(resolveDataDir(['--data-dir=/eq/flag'], env, fallback)).toEqual({ dataDir: '/eq/flag', source: 'flag' });
    expect(resolveDataDir([], env, fallback)).toEqual({ dataDir: '/from/env', source: 'env' });
    expect(resolveDataDir([], { TRADEFOLIO_DATA_DIR: '  ' }, fallback)).toEqual({ dataDir: '/default/TradeFolio', source: 'default' });
    expect(resolveDataDir([], {}, fallback)).toEqual({ dataDir: '/default/TradeFolio', source: 'default' });
  });

  it('resolves relative folders from the working directory', () => {
    expect(resolveDataDir(['--data-dir', 'rel'], {}, fallback, '/work').dataDir).toBe(path.resolve('/work', 'rel'));
    expect(resolveDataDir([], { TRADEFOLIO_DATA_DIR: 'env-rel' }, fallback, '/work').dataDir).toBe(path.resolve('/work', 'env-rel'));
  });

  it('rejects a flag without a value', () => {
    expect(() => resolveDataDir(['--data-dir'], {}, fallback)).toThrow(UsageError);
    expect(() => resolveDataDir(['--data-dir', '--port', '1'], {}, fallback)).toThrow(UsageError);
    expect(() => resolveDataDir(['--data-dir='], {}, fallback)).toThrow(UsageError);
  });
});

describe('flags', () => {
  it('reads and strips flags, stopping at --', () => {
    expect(flagValue(['call', '--', '--data-dir', 'x'], '--data-dir')).toBeUndefined();
    expect(withoutFlag(['--data-dir', '/d', 'customers', 'list', '--data-dir=/e'], '--data-dir')).toEqual(['customers', 'list']);
  });
});
