import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Secrets such as mail passwords (the mail issue). Values never touch the database or a
 * backup: they live encrypted in `secrets.json` in the data folder, and the key that opens
 * them lives with the operating system (Electron's safeStorage, or the OS keychain).
 */
export interface SecretStore {
  /** False when no OS protection is available; callers then ask for the password each time. */
  isAvailable(): boolean;
  get(name: string): string | null;
  set(name: string, value: string): void;
  delete(name: string): void;
}

/** Turns a secret into bytes only this user on this machine can turn back. */
export interface SecretCipher {
  /** Stored with each entry, so a store written by one host is recognised by another. */
  readonly id: string;
  isAvailable(): boolean;
  encrypt(plain: string): Buffer;
  decrypt(sealed: Buffer): string;
}

export const SECRETS_FILE = 'secrets.json';

interface StoredSecret {
  cipher: string;
  data: string;
}

export class SecretUnavailableError extends Error {}

/**
 * A JSON file of `{ name: { cipher, data: base64 } }`, written atomically with mode 0600.
 * Entries sealed by another cipher (the desktop app's safeStorage, read from the web host)
 * read as null: the user re-enters that password rather than us guessing.
 */
export function createJsonSecretStore(dataDir: string, cipher: SecretCipher): SecretStore {
  const file = path.join(dataDir, SECRETS_FILE);
  const read = (): Record<string, StoredSecret> => {
    try {
      const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
      return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, StoredSecret>) : {};
    } catch {
      return {};
    }
  };
  const write = (all: Record<string, StoredSecret>) => {
    fs.mkdirSync(dataDir, { recursive: true });
    const tmp = `${file}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(all, null, 2), { mode: 0o600 });
    fs.renameSync(tmp, file);
  };
  return {
    isAvailable: () => cipher.isAvailable(),
    get(name) {
      const entry = read()[name];
      if (!entry || entry.cipher !== cipher.id || !cipher.isAvailable()) return null;
      try {
        return cipher.decrypt(Buffer.from(entry.data, 'base64'));
      } catch {
        return null;
      }
    },
    set(name, value) {
      if (!cipher.isAvailable()) throw new SecretUnavailableError('No OS secret protection is available on this machine.');
      write({ ...read(), [name]: { cipher: cipher.id, data: cipher.encrypt(value).toString('base64') } });
    },
    delete(name) {
      const all = read();
      if (!Object.hasOwn(all, name)) return;
      delete all[name];
      write(all);
    },
  };
}

/** AES-256-GCM with a 32-byte key: layout iv(12) | tag(16) | ciphertext. */
export function createAesGcmCipher(id: string, key: () => Buffer | null): SecretCipher {
  return {
    id,
    isAvailable: () => key() !== null,
    encrypt(plain) {
      const k = key();
      if (!k) throw new SecretUnavailableError('No key');
      const iv = crypto.randomBytes(12);
      const c = crypto.createCipheriv('aes-256-gcm', k, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decrypt(sealed) {
      const k = key();
      if (!k) throw new SecretUnavailableError('No key');
      const d = crypto.createDecipheriv('aes-256-gcm', k, sealed.subarray(0, 12));
      d.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([d.update(sealed.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

const KEYCHAIN_SERVICE = 'TradeFolio';
const KEYCHAIN_ACCOUNT = 'secret-store-key';

function run(command: string, args: string[], input?: string): string | null {
  try {
    return execFileSync(command, args, { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'ignore'], timeout: 10_000 }).trim();
  } catch {
    return null;
  }
}

/** One run of a keychain tool: the secret, when there is one, travels in `input` (stdin). */
export interface KeychainCommand {
  command: string;
  args: string[];
  input?: string;
}

/**
 * How each OS keychain tool reads and stores the key. Storing passes the key on stdin, never
 * in argv: any local user can read another process's command line (`ps`, /proc/<pid>/cmdline).
 * `secret-tool store` reads the secret from stdin by design; macOS `security
 * add-generic-password -w <key>` would show it, so the command goes to `security -i`, which
 * reads its commands from stdin. Null where no such tool exists (Windows).
 */
export function keychainCommands(platform: NodeJS.Platform): { lookup: KeychainCommand; store(key: string): KeychainCommand } | null {
  if (platform === 'linux') {
    return {
      lookup: { command: 'secret-tool', args: ['lookup', 'service', KEYCHAIN_SERVICE, 'account', KEYCHAIN_ACCOUNT] },
      store: (key) => ({ command: 'secret-tool', args: ['store', '--label=TradeFolio secrets key', 'service', KEYCHAIN_SERVICE, 'account', KEYCHAIN_ACCOUNT], input: key }),
    };
  }
  if (platform === 'darwin') {
    return {
      lookup: { command: 'security', args: ['find-generic-password', '-s', KEYCHAIN_SERVICE, '-a', KEYCHAIN_ACCOUNT, '-w'] },
      // The key is base64url ([A-Za-z0-9_-]), so it needs no quoting on security's command line.
      store: (key) => ({ command: 'security', args: ['-i'], input: `add-generic-password -U -s ${KEYCHAIN_SERVICE} -a ${KEYCHAIN_ACCOUNT} -w ${key}\n` }),
    };
  }
  return null;
}

/**
 * The web host's and CLI's key, kept in the OS keychain through its own command-line tool:
 * Linux Secret Service via `secret-tool` (libsecret-tools), macOS Keychain via `security`.
 * Windows has no such tool without PowerShell modules, so there the store reports itself
 * unavailable and mail passwords are asked for per session. Not verified on these build
 * machines (no keyring daemon); the Electron app uses safeStorage instead.
 */
export function keychainKey(platform: NodeJS.Platform): () => Buffer | null {
  let cached: Buffer | null | undefined;
  const decode = (text: string | null) => (text && /^[A-Za-z0-9_-]{43}$/.test(text) ? Buffer.from(text, 'base64url') : null);
  const exec = (c: KeychainCommand) => run(c.command, c.args, c.input);
  return () => {
    if (cached !== undefined) return cached;
    const tool = keychainCommands(platform);
    if (!tool) return (cached = null);
    cached = decode(exec(tool.lookup));
    if (!cached) {
      exec(tool.store(crypto.randomBytes(32).toString('base64url')));
      // Read back rather than trust the store's exit code: `security -i` exits 0 whatever its commands did.
      cached = decode(exec(tool.lookup));
    }
    return cached;
  };
}

/** The Node hosts' store: `createJsonSecretStore` sealed with a key from the OS keychain. */
export function createNodeSecretStore(dataDir: string, platform: NodeJS.Platform = process.platform): SecretStore {
  return createJsonSecretStore(dataDir, createAesGcmCipher('keychain-aes-gcm', keychainKey(platform)));
}
