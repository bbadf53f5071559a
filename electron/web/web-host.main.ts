import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAppCore, DATABASE_FILE_NAME, type AppCore } from '../services/core/app-core.ts';
import { systemClock } from '../services/core/clock.ts';
import { stderrLogger } from '../hosts/stderr-logger.ts';
import { readAppVersion, RENDERER_DIST_DIR, REPO_ROOT } from '../hosts/app-package.ts';
import { faultPointFromEnv } from '../hosts/fault-points.ts';
import { createDailyReminderNotice } from '../hosts/daily-reminder-notice.ts';
import { startHourlyWork } from '../hosts/hourly-work.ts';
import { defaultDataDir, flagValue, resolveDataDir, UsageError, withoutFlag } from '../hosts/data-dir.ts';
import { useLeanHeap } from '../hosts/lean-heap.ts';
import { createLogNotifier } from '../hosts/notifier.ts';
import { describeFailure, pickLanguage, systemLocale } from '../hosts/translate.ts';
import { ensureRendererBuilt, REPO_RENDERER_BUILD, type RendererBuildPlan } from './renderer-build.ts';
import { startWebHost, type WebHost } from './web-host.ts';

const USAGE = `Usage: npm run web -- [--data-dir <dir>] [--port <n>]

Serves TradeFolio to a browser on this computer at http://127.0.0.1:<port>.
  --data-dir <dir>  data folder (default: $TRADEFOLIO_DATA_DIR, else the OS app-data folder)
  --port <n>        port to listen on (default 0 = any free port)`;

export interface RunWebHostOptions {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  /** Called with the URL once serving (npm start opens a browser with it). */
  onListening?(url: string, dataDir: string): void;
  /** The built renderer; defaults to <repo>/dist/renderer. */
  staticDir?: string;
  /**
   * Built before serving when missing or stale. Default: the repository's renderer build when
   * `staticDir` is the default, none when a caller (a test) names its own staticDir.
   */
  rendererBuild?: RendererBuildPlan | null;
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return 0;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${value}"`);
  return port;
}

/**
 * `npm run web`: the core over the real data folder, served on loopback, with the scheduled
 * backup at start and hourly. Returns the exit code once a signal has shut it down cleanly.
 */
export async function runWebHost(options: RunWebHostOptions): Promise<number> {
  useLeanHeap();
  const log = stderrLogger('web');
  let dataDir: string;
  let port: number;
  try {
    if (options.argv.includes('--help') || options.argv.includes('-h')) {
      console.log(USAGE);
      return 0;
    }
    const rest = withoutFlag(withoutFlag(options.argv, '--data-dir'), '--port');
    if (rest.length > 0) throw new UsageError(`unknown argument "${rest[0]}"`);
    port = parsePort(flagValue(options.argv, '--port'));
    dataDir = resolveDataDir(options.argv, options.env, () => defaultDataDir(process.platform, options.env, os.homedir())).dataDir;
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`tradefolio web: ${err.message}\n\n${USAGE}`);
    return 2;
  }

  const staticDir = options.staticDir ?? RENDERER_DIST_DIR;
  const build = options.rendererBuild !== undefined ? options.rendererBuild : options.staticDir === undefined ? REPO_RENDERER_BUILD : null;
  if (build && !ensureRendererBuilt(build, (line) => console.error(line))) return 1;
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
    console.error(`The renderer is not built (${staticDir} is missing): run \`npm run build:renderer\` first.`);
    return 1;
  }

  const language = pickLanguage(systemLocale(options.env));
  let core: AppCore;
  try {
    core = await createAppCore({ dataDir, host: 'web', version: readAppVersion(), log, installDir: REPO_ROOT, ...faultPointFromEnv(options.env) });
  } catch (err) {
    console.error(`TradeFolio cannot open its data folder ${dataDir}: ${describeFailure(language, err, path.join(dataDir, DATABASE_FILE_NAME))}`);
    return 1;
  }
  let host: WebHost;
  try {
    host = await startWebHost({ core, port, staticDir, log });
  } catch (err) {
    await core.close();
    console.error(`TradeFolio web host could not listen on port ${port}: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }

  console.error(`TradeFolio web host; data folder ${dataDir}. Open this link in a browser on this computer (Ctrl+C stops):`);
  console.log(host.url);
  options.onListening?.(host.url, dataDir);
  void core.warmUp();
  core.startBackgroundSync();

  const notice = createDailyReminderNotice({
    dataDir,
    dispatch: (key, input) => core.dispatch(key, input),
    notifier: createLogNotifier(log),
    clock: systemClock,
    language: () => language,
  });
  const hourly = startHourlyWork(
    async () => {
      await core.runScheduledBackup();
      // Sent quotes past their validity are stored 'expired' (screens already read them so).
      await core.dispatch('quotes.expireDue', {});
      // Value scores whose recency band ran out with time alone (writes rescore theirs at once).
      await core.dispatch('scores.refresh', {});
      await notice.runIfDue().catch(() => false);
    },
    (err) => log.warn('hourly work failed', { error: String(err) }),
  );

  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) {
        // A second Ctrl+C means "now"; SQLite's WAL keeps the file consistent regardless.
        process.exit(130);
      }
      stopping = true;
      console.error(`Stopping the web host (${signal})…`);
      void (async () => {
        await host.close();
        await hourly.stop();
        await core.close();
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve(0);
      })();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

if (import.meta.main) {
  process.exitCode = await runWebHost({ argv: process.argv.slice(2), env: process.env });
}
