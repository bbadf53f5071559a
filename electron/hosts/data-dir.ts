import path from 'node:path';

/** The folder name under the OS app-data folder; Electron's userData uses the same (productName). */
export const APP_FOLDER_NAME = 'TradeFolio';
export const DATA_DIR_ENV = 'TRADEFOLIO_DATA_DIR';
export const DATA_DIR_FLAG = '--data-dir';

export type Env = Readonly<Record<string, string | undefined>>;

/**
 * Where the app keeps its data when nobody says otherwise — the same folder Electron's
 * `app.getPath('userData')` gives for productName TradeFolio, so the desktop app, the web host
 * and the CLI all open the same database:
 * - Linux: `$XDG_CONFIG_HOME/TradeFolio`, else `~/.config/TradeFolio`
 * - macOS: `~/Library/Application Support/TradeFolio`
 * - Windows: `%APPDATA%\TradeFolio`, else `~\AppData\Roaming\TradeFolio`
 */
export function defaultDataDir(platform: NodeJS.Platform, env: Env, homedir: string): string {
  if (platform === 'win32') {
    const appData = env.APPDATA && path.win32.isAbsolute(env.APPDATA) ? env.APPDATA : path.win32.join(homedir, 'AppData', 'Roaming');
    return path.win32.join(appData, APP_FOLDER_NAME);
  }
  if (platform === 'darwin') return path.posix.join(homedir, 'Library', 'Application Support', APP_FOLDER_NAME);
  // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored; Electron agrees.
  const config = env.XDG_CONFIG_HOME && path.posix.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.posix.join(homedir, '.config');
  return path.posix.join(config, APP_FOLDER_NAME);
}

export class UsageError extends Error {}

/** The value of `--name <v>` or `--name=<v>`; undefined when absent, UsageError when the value is missing. */
export function flagValue(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === name) {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a value`);
      return value;
    }
    if (arg.startsWith(`${name}=`)) {
      const value = arg.slice(name.length + 1);
      if (value === '') throw new UsageError(`${name} needs a value`);
      return value;
    }
  }
  return undefined;
}

/** argv without `--name <v>` / `--name=<v>`, so commands see only their own words. */
export function withoutFlag(argv: readonly string[], name: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === name) {
      i++;
      continue;
    }
    if (arg.startsWith(`${name}=`)) continue;
    out.push(arg);
  }
  return out;
}

export interface ResolvedDataDir {
  dataDir: string;
  source: 'flag' | 'env' | 'default';
}

/**
 * `--data-dir <dir>` wins, then `TRADEFOLIO_DATA_DIR`, then `fallback` (the OS default, or
 * Electron's userData in the desktop app). Relative paths are taken from `cwd`.
 */
export function resolveDataDir(
  argv: readonly string[],
  env: Env,
  fallback: () => string,
  cwd: string = process.cwd(),
): ResolvedDataDir {
  const fromFlag = flagValue(argv, DATA_DIR_FLAG);
  if (fromFlag !== undefined) return { dataDir: path.resolve(cwd, fromFlag), source: 'flag' };
  const fromEnv = env[DATA_DIR_ENV];
  if (fromEnv !== undefined && fromEnv.trim() !== '') return { dataDir: path.resolve(cwd, fromEnv), source: 'env' };
  return { dataDir: fallback(), source: 'default' };
}
