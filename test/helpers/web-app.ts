import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAppCore, type AppCore } from '../../electron/services/core/app-core.ts';
import { fixedClock, systemClock } from '../../electron/services/core/clock.ts';
import type { Logger } from '../../electron/services/core/logger.ts';
import type { RemoteAddressPolicy } from '../../electron/services/mail/read/remote-address-policy.ts';
import { startWebHost, type WebHost } from '../../electron/web/web-host.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const RENDERER_DIST = path.join(REPO_ROOT, 'dist', 'renderer');

export type SettableClock = ReturnType<typeof fixedClock>;

export interface TestApp {
  core: AppCore;
  host: WebHost;
  dataDir: string;
  /** Set when `clockStart` was given; null means the system clock. */
  clock: SettableClock | null;
  close(): Promise<void>;
}

/** Quiet in tests, except for real failures, which a test author needs to see. */
const errorsOnlyLogger: Logger = {
  info: () => {},
  warn: () => {},
  error: (message, data) => console.error(`[tradefolio] ${message}${data ? ` ${JSON.stringify(data)}` : ''}`),
};

/**
 * A real core over a fresh temp data folder, served by the real web host with the built
 * renderer. `close()` stops both and removes the folder unless the caller supplied it.
 */
export async function startTestApp(
  options: { dataDir?: string; clockStart?: number; checkOutputs?: boolean; remoteAddressPolicy?: RemoteAddressPolicy; mailBatchSize?: number } = {},
): Promise<TestApp> {
  if (!fs.existsSync(path.join(RENDERER_DIST, 'index.html'))) {
    throw new Error(`The renderer is not built (${RENDERER_DIST} has no index.html): run \`npm run build:renderer\` first.`);
  }
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'tradefolio-web-'));
  const clock = options.clockStart === undefined ? null : fixedClock(options.clockStart);
  const core = await createAppCore({
    dataDir,
    host: 'web',
    version: 'test',
    clock: clock ?? systemClock,
    log: errorsOnlyLogger,
    // Tests check every answer against the contract; benchmarks measure the app as it ships.
    checkOutputs: options.checkOutputs ?? true,
    ...(options.remoteAddressPolicy ? { remoteAddressPolicy: options.remoteAddressPolicy } : {}),
    // Small sync batches make a backfill long enough to watch (mail-backfill.e2e.ts).
    ...(options.mailBatchSize ? { mailBatchSize: options.mailBatchSize } : {}),
  });
  let host: WebHost;
  try {
    host = await startWebHost({ core, staticDir: RENDERER_DIST, log: errorsOnlyLogger });
  } catch (err) {
    await core.close();
    throw err;
  }
  // As web-host.main does: the first screen's reads are warmed, and mail accounts added in the UI
  // start syncing (IDLE, backoff) at once.
  await core.warmUp();
  // …and the first-screen renderer is loaded, as it is by the time a person opens the link.
  await host.warm;
  core.startBackgroundSync();
  let closed: Promise<void> | null = null;
  return {
    core,
    host,
    dataDir,
    clock,
    close() {
      closed ??= (async () => {
        await host.close();
        await core.close();
        if (ownDir) fs.rmSync(dataDir, { recursive: true, force: true });
      })();
      return closed;
    },
  };
}
