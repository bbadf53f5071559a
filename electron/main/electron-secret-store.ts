import { safeStorage } from 'electron';
import { createJsonSecretStore, type SecretCipher, type SecretStore } from '../services/platform/secret-store.ts';

/**
 * The desktop app's secrets (mail passwords, next issue): sealed with safeStorage — DPAPI on
 * Windows, the Keychain on macOS, libsecret/kwallet on Linux — and kept base64 in
 * secrets.json in the data folder. On Linux without a keyring safeStorage falls back to a
 * hard-coded key ('basic_text'); that is not protection, so the store reports itself
 * unavailable there and the mail settings ask for the password each session instead.
 * Must be created after app 'ready'.
 */
export function createElectronSecretStore(dataDir: string): SecretStore {
  const cipher: SecretCipher = {
    id: 'electron-safeStorage',
    isAvailable: () =>
      safeStorage.isEncryptionAvailable() && (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'),
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (sealed) => safeStorage.decryptString(sealed),
  };
  return createJsonSecretStore(dataDir, cipher);
}
