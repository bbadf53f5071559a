import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CallInput, CallKey, CallOutput } from '../../shared/contract/contract.ts';
import type { AppError } from '../../shared/contract/result.ts';
import { fixedClock, type Clock } from '../../electron/services/core/clock.ts';
import { createAesGcmCipher, createJsonSecretStore, type SecretStore } from '../../electron/services/platform/secret-store.ts';
import { createAppCore, type AppCore } from '../../electron/services/core/app-core.ts';
import { silentLogger } from '../../electron/services/core/logger.ts';
import type { DataFolderAccess } from '../../electron/services/core/data-folder.ts';
import type { RemoteAddressPolicy } from '../../electron/services/mail/read/remote-address-policy.ts';

export const DAY = 86_400_000;
/** 2026-06-01T00:00:00Z: a fixed "now" so day arithmetic in tests is exact. */
export const T0 = Date.UTC(2026, 5, 1);

export function tempDir(prefix = 'tradefolio-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface TempCore {
  core: AppCore;
  dataDir: string;
  /** The settable clock (tests that pass their own `clock` keep a reference to it). */
  clock: ReturnType<typeof fixedClock>;
  /** Calls through the dispatcher and returns the value, or throws with the error. */
  call<K extends CallKey>(key: K, input: CallInput<K>): Promise<CallOutput<K>>;
  /** Calls through the dispatcher and returns the error of a call expected to fail. */
  fail<K extends CallKey>(key: K, input: unknown): Promise<AppError>;
  close(): Promise<void>;
}

/**
 * A real core over a real SQLite file in a fresh temp folder, with a settable clock (or the
 * caller's `clock`, e.g. the system clock for tests that measure real pacing) and the host's
 * secret store unless the test brings one whose passwords survive reopening the folder.
 */
export async function createTempCore(
  options: { dataDir?: string; now?: number; clock?: Clock; secrets?: SecretStore; remoteAddressPolicy?: RemoteAddressPolicy; access?: DataFolderAccess; mailBatchSize?: number } = {},
): Promise<TempCore> {
  const dataDir = options.dataDir ?? tempDir();
  const settable = fixedClock(options.now ?? T0);
  const clock = options.clock ?? settable;
  const core = await createAppCore({
    dataDir,
    host: 'cli',
    version: 'test',
    clock,
    log: silentLogger,
    checkOutputs: true,
    // The lock's holder, as the app and the web host are: tests restore backups.
    access: options.access ?? 'owner',
    ...(options.secrets ? { secrets: options.secrets } : {}),
    ...(options.remoteAddressPolicy ? { remoteAddressPolicy: options.remoteAddressPolicy } : {}),
    ...(options.mailBatchSize ? { mailBatchSize: options.mailBatchSize } : {}),
  });
  return {
    core,
    dataDir,
    clock: settable,
    async call(key, input) {
      const result = await core.dispatch(key, input);
      if (!result.ok) throw new Error(`${key} failed: ${JSON.stringify(result.error)}`);
      return result.value as CallOutput<typeof key>;
    },
    async fail(key, input) {
      const result = await core.dispatch(key, input);
      if (result.ok) throw new Error(`${key} was expected to fail but returned ${JSON.stringify(result.value)}`);
      return result.error;
    },
    close: () => core.close(),
  };
}

/** One key per test file: a core reopened on the same folder reads the passwords the first one stored. */
const SECRETS_KEY = crypto.randomBytes(32);

/**
 * A temp core for mail tests: its mail passwords are kept in an encrypted JSON store in the data
 * folder (no keychain here), so a core reopened on the folder still logs in.
 */
export function createMailTempCore(options: { dataDir?: string; clock: Clock; mailBatchSize?: number }): Promise<TempCore> {
  const dataDir = options.dataDir ?? tempDir();
  return createTempCore({
    dataDir,
    clock: options.clock,
    ...(options.mailBatchSize ? { mailBatchSize: options.mailBatchSize } : {}),
    secrets: createJsonSecretStore(dataDir, createAesGcmCipher('test-aes-gcm', () => SECRETS_KEY)),
  });
}
