import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAesGcmCipher, createJsonSecretStore, keychainCommands, SECRETS_FILE, SecretUnavailableError } from '../../../../../electron/services/platform/secret-store.ts';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'tradefolio-secrets-'));
}

describe('JSON secret store', () => {
  it('round-trips secrets without storing them in plain text', () => {
    const dir = tempDir();
    const key = crypto.randomBytes(32);
    const store = createJsonSecretStore(dir, createAesGcmCipher('test', () => key));
    store.set('mail:1', 'p@ss-密码');
    expect(store.get('mail:1')).toBe('p@ss-密码');
    const onDisk = fs.readFileSync(path.join(dir, SECRETS_FILE), 'utf8');
    expect(onDisk).not.toContain('p@ss');
    expect((fs.statSync(path.join(dir, SECRETS_FILE)).mode & 0o777).toString(8)).toBe('600');
    store.delete('mail:1');
    expect(store.get('mail:1')).toBeNull();
  });

  it('reads entries sealed by another cipher or another key as absent', () => {
    const dir = tempDir();
    createJsonSecretStore(dir, createAesGcmCipher('desktop', () => crypto.randomBytes(32))).set('mail:1', 'x');
    expect(createJsonSecretStore(dir, createAesGcmCipher('node', () => crypto.randomBytes(32))).get('mail:1')).toBeNull();
    createJsonSecretStore(dir, createAesGcmCipher('node', () => crypto.randomBytes(32))).set('mail:2', 'y');
    expect(createJsonSecretStore(dir, createAesGcmCipher('node', () => crypto.randomBytes(32))).get('mail:2')).toBeNull();
  });

  it('refuses to store when no OS protection is available', () => {
    const store = createJsonSecretStore(tempDir(), createAesGcmCipher('none', () => null));
    expect(store.isAvailable()).toBe(false);
    expect(() => store.set('a', 'b')).toThrow(SecretUnavailableError);
    expect(store.get('a')).toBeNull();
  });
});

describe('keychain commands', () => {
  // What any local user could read with `ps` while the command runs.
  const key = crypto.randomBytes(32).toString('base64url');

  it.each(['linux', 'darwin'] as const)('never put the key on the command line on %s, only on stdin', (platform) => {
    const tool = keychainCommands(platform);
    expect(tool).not.toBeNull();
    const store = tool!.store(key);
    expect([store.command, ...store.args].join(' ')).not.toContain(key);
    expect(store.input).toContain(key);
    expect([tool!.lookup.command, ...tool!.lookup.args].join(' ')).not.toContain(key);
  });

  it('has macOS read the store command from stdin', () => {
    const store = keychainCommands('darwin')!.store(key);
    expect(store).toEqual({ command: 'security', args: ['-i'], input: `add-generic-password -U -s TradeFolio -a secret-store-key -w ${key}\n` });
  });

  it('has no keychain tool on Windows', () => {
    expect(keychainCommands('win32')).toBeNull();
  });
});
